package org.mcsim.report;

import static org.mcsim.report.Html.code;
import static org.mcsim.report.Html.escape;
import static org.mcsim.report.Html.muted;

import java.util.ArrayList;
import java.util.List;
import org.mcsim.report.SavedRun.ClaimResult;
import org.mcsim.report.SavedRun.Bins;
import org.mcsim.report.SavedRun.Stat;
import org.mcsim.report.SavedRun.VariableStats;

/**
 * The report page: one self-contained HTML file (inline CSS, no script, nothing loaded from the
 * network) with the scenario, the claims, each output's statistics and charts, the sensitivity
 * and sweep charts, the inputs and the run's metadata. Every text read from a file is escaped.
 * Stateless.
 */
final class HtmlPage {
    private static final String CSS = """
        :root { color-scheme: light; }
        body { margin: 0; background: #f6f7f9; color: #1d232b;
          font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1240px; margin: 0 auto; padding: 32px 28px 56px; background: #fff;
          box-shadow: 0 0 0 1px #e3e6ea; }
        h1 { font-size: 2rem; margin: 0 0 .3rem; letter-spacing: -.01em; }
        h2 { font-size: 1.4rem; margin: 2.4rem 0 .8rem; padding-bottom: .3rem;
          border-bottom: 2px solid #e3e6ea; }
        h3 { font-size: 1.15rem; margin: 1.8rem 0 .6rem; }
        p.lead { font-size: 1.1rem; margin: .2rem 0 .8rem; color: #39424e; }
        .muted, .meta { color: #66707c; }
        p.warning { background: #fff4e5; border-left: 4px solid #d9822b; padding: .5rem .8rem; }
        .meta { font-size: .95rem; }
        nav { font-size: .95rem; margin: 1rem 0; }
        nav a { margin-right: 1.1rem; }
        a { color: #1f5fa8; }
        code { font: .9em ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
          background: #f1f3f5; padding: .05em .3em; border-radius: 3px; }
        table { border-collapse: collapse; margin: .6rem 0 1.2rem; font-size: .95rem; }
        .wide { overflow-x: auto; }
        th, td { padding: .35rem .7rem; border-bottom: 1px solid #e3e6ea; vertical-align: top;
          text-align: left; }
        th { background: #f6f7f9; font-weight: 600; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tbody tr:hover { background: #fafbfc; }
        .warnings { border-left: 4px solid #d65f00; background: #fff6ee; padding: .6rem 1rem;
          margin: 1rem 0; }
        .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(540px, 1fr)); gap: 18px; }
        figure { margin: 0; }
        figure img { display: block; width: 100%; height: auto; border: 1px solid #e3e6ea; }
        figcaption { font-size: .85rem; color: #66707c; margin-top: .3rem; }
        footer { margin-top: 3rem; font-size: .85rem; color: #66707c; }
        """;

    private HtmlPage() {
    }

    /**
     * Builds the page.
     *
     * @param run the run folder
     * @param figures the charts written, in page order
     * @return the HTML text
     */
    static String render(SavedRun run, List<Figure> figures) {
        return render(run, figures, List.of(), List.of());
    }

    /**
     * Builds the page with a Discovery section.
     *
     * @param run the run folder
     * @param figures the charts written, in page order
     * @param discovered discover.csv's claims, empty when absent or not shown
     * @param discoverNotes what to say about discover.csv (left out, or of unknown origin)
     * @return the HTML text
     */
    static String render(SavedRun run, List<Figure> figures, List<DiscoverFile.Discovered> discovered,
                         List<String> discoverNotes) {
        StringBuilder out = new StringBuilder(32 * 1024);
        String name = run.info().text("name").isEmpty() ? run.folder().getFileName().toString()
            : run.info().text("name");
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<title>").append(escape(name)).append(" \u2014 mcsim report</title>\n")
            .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        header(out, run, name, !discovered.isEmpty());
        for (String note : run.notes()) {
            out.append("<p class=\"warning\">").append(escape(note)).append("</p>\n");
        }
        claims(out, run);
        outputs(out, run, figures);
        PageSections.sensitivity(out, run, figures);
        DiscoverSection.render(out, run, discovered, discoverNotes, figures);
        PageSections.sweeps(out, run, figures);
        PageSections.solve(out, run);
        PageSections.correlations(out, run);
        PageSections.inputs(out, run);
        PageSections.metadata(out, run);
        out.append("<footer>Written by mcsim ").append(escape(run.info().text("version")))
            .append(" from the files in this folder. Intervals are Monte Carlo error intervals.</footer>\n")
            .append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void header(StringBuilder out, SavedRun run, String name, boolean discovery) {
        RunJson info = run.info();
        out.append("<header>\n<h1>").append(escape(name)).append("</h1>\n");
        if (!info.text("description").isEmpty()) {
            out.append("<p class=\"lead\">").append(escape(info.text("description"))).append("</p>\n");
        }
        List<String> sources = info.texts("sources");
        if (!sources.isEmpty()) {
            out.append("<p class=\"meta\">Sources:</p>\n<ul class=\"sources\">\n");
            sources.forEach(s -> out.append("<li>").append(escape(s)).append("</li>\n"));
            out.append("</ul>\n");
        }
        List<String> facts = new ArrayList<>();
        if (!info.text("variant").isEmpty()) {
            facts.add("variant " + info.text("variant"));
        }
        double samples = info.number("samples");
        if (samples >= 0) {
            facts.add(HumanNumbers.exact(info.text("samples")) + " samples");
        }
        for (String key : List.of("method", "seed", "started")) {
            if (!info.text(key).isEmpty()) {
                facts.add((key.equals("method") ? "" : key + " ") + info.text(key));
            }
        }
        out.append("<p class=\"meta\">").append(escape(String.join(" \u00b7 ", facts))).append("</p>\n");
        navigation(out, run, discovery);
        List<String> warnings = info.texts("warnings");
        if (!warnings.isEmpty()) {
            out.append("<div class=\"warnings\"><strong>Warnings</strong><ul>\n");
            warnings.forEach(w -> out.append("<li>").append(escape(w)).append("</li>\n"));
            out.append("</ul></div>\n");
        }
    }

    private static void navigation(StringBuilder out, SavedRun run, boolean discovery) {
        out.append("<nav><a href=\"#claims\">Claims</a><a href=\"#outputs\">Outputs</a>");
        if (!run.sensitivity().isEmpty()) {
            out.append("<a href=\"#sensitivity\">Sensitivity</a>");
        }
        if (discovery) {
            out.append("<a href=\"#discover\">Discovery</a>");
        }
        if (!run.sweep().rows().isEmpty() || !run.sweepClaims().rows().isEmpty()) {
            out.append("<a href=\"#sweeps\">Sweeps</a>");
        }
        if (!run.solve().isEmpty()) {
            out.append("<a href=\"#solve\">Solve</a>");
        }
        if (!run.correlations().isEmpty()) {
            out.append("<a href=\"#correlations\">Correlations</a>");
        }
        out.append("<a href=\"#inputs\">Inputs</a><a href=\"#run\">Run</a></nav>\n</header>\n");
    }

    private static void claims(StringBuilder out, SavedRun run) {
        out.append("<section id=\"claims\">\n<h2>Claims</h2>\n");
        if (run.claims().isEmpty()) {
            out.append("<p class=\"muted\">The scenario makes no claims.</p>\n</section>\n");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (ClaimResult c : run.claims()) {
            String probability = HumanNumbers.probability(c.probability().value(), c.low().value(),
                c.high().value());
            int bracket = probability.indexOf(" [");
            rows.add(List.of("<strong>" + escape(c.name()) + "</strong>", code(c.expression()),
                exact("<strong>" + escape(bracket < 0 ? probability : probability.substring(0, bracket)) + "</strong>",
                    HumanNumbers.exact(c.probability().text())),
                exact(escape(bracket < 0 ? "" : probability.substring(bracket + 1)), bracket < 0 ? ""
                    : "[" + c.low().text() + ", " + c.high().text() + "]"),
                escape(HumanNumbers.exact(Long.toString(c.hits())) + " / "
                    + HumanNumbers.exact(Long.toString(c.samples())))));
        }
        Html.table(out, List.of("claim", "expression", "probability", "Monte Carlo interval", "hits / samples"),
            new boolean[] {false, false, true, true, true}, rows);
        out.append("<p class=\"muted\">Each number is shown once, rounded; hover over it for every digit "
            + "(claims.csv and summary.csv hold them too).</p>\n");
        out.append("</section>\n");
    }

    private static void outputs(StringBuilder out, SavedRun run, List<Figure> figures) {
        out.append("<section id=\"outputs\">\n<h2>Outputs</h2>\n");
        for (Bins h : run.histograms()) {
            String name = h.variable();
            out.append("<h3 id=\"output-").append(escape(ChartSet.sanitize(name))).append("\">")
                .append(escape(name)).append(' ').append(muted(run.unit(name))).append("</h3>\n");
            run.variable(name).ifPresent(v -> statistics(out, run, v));
            PageSections.figures(out, figures, Figure.Section.DISTRIBUTION, name);
        }
        out.append("</section>\n");
    }

    private static void statistics(StringBuilder out, SavedRun run, VariableStats v) {
        HumanNumbers numbers = run.numbers(v.name());
        List<List<String>> rows = new ArrayList<>();
        for (Stat s : v.stats()) {
            String interval = s.low().defined() && s.high().defined()
                ? "[" + numbers.format(s.low().value()) + ", " + numbers.format(s.high().value()) + "]" : "";
            String exactInterval = s.low().defined() && s.high().defined()
                ? "[" + HumanNumbers.exact(s.low().text()) + ", " + HumanNumbers.exact(s.high().text()) + "]"
                : "";
            rows.add(List.of(escape(s.name()), exact("<strong>" + escape(numbers.format(s.estimate().value()))
                + "</strong>", HumanNumbers.exact(s.estimate().text())), exact(escape(interval), exactInterval)));
        }
        Html.table(out, List.of("statistic", "estimate", "Monte Carlo interval"), new boolean[] {false, true, true},
            rows);
    }

    /** {@code html} with every digit of the value in a tooltip ({@code title}), when there is one. */
    private static String exact(String html, String digits) {
        return digits.isEmpty() ? html : "<span title=\"" + escape(digits) + "\">" + html + "</span>";
    }
}
