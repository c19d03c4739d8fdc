package org.mcsim.report;

import static org.mcsim.report.Html.escape;
import static org.mcsim.report.Html.muted;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mcsim.report.DiscoverFile.Discovered;
import org.mcsim.report.DiscoverFile.Step;
import org.mcsim.report.DiscoverFile.Value;

/**
 * The report's Discovery section, from discover.csv: per claim, the chosen box (its ranges,
 * coverage, density and mass with their intervals), the trajectory and conditional charts, and
 * each input's quantiles where the claim holds and where it fails, side by side, with the
 * median shift. Every text read from a file is escaped. Stateless.
 */
final class DiscoverSection {
    private static final List<String> QUANTILES = List.of("p5", "p25", "p50", "p75", "p95");

    private DiscoverSection() {
    }

    static void render(StringBuilder out, SavedRun run, List<Discovered> discovered, List<String> notes,
                       List<Figure> figures) {
        if (discovered.isEmpty() && notes.isEmpty()) {
            return;
        }
        out.append("<section id=\"discover\">\n<h2>Discovery</h2>\n");
        for (String note : notes) {
            out.append("<p class=\"warning\">").append(escape(note)).append("</p>\n");
        }
        out.append("<p class=\"muted\">Where in input space each claim holds (PRIM: the box is peeled from a "
            + "searched sample, then counted on an independent check sample). Coverage: share of the claim-true "
            + "samples inside the box; density: share of the box's samples where the claim holds. Brackets: Wilson "
            + "intervals on the check sample, conditional on the box found.</p>\n");
        for (Discovered d : discovered) {
            out.append("<h3>").append(escape(d.claim())).append("</h3>\n");
            chosen(out, run, d);
            PageSections.figures(out, figures, Figure.Section.DISCOVER, d.claim());
            conditionals(out, run, d);
        }
        out.append("</section>\n");
    }

    private static void chosen(StringBuilder out, SavedRun run, Discovered d) {
        Step b = d.chosen();
        if (b == null) {
            return;
        }
        HumanNumbers plain = HumanNumbers.plain();
        String how = b.get("pasted").value() == 1 ? ", pasted" : "";
        out.append("<p>Chosen box: step ").append(b.step()).append(" of ").append(d.trajectory().size() - 1)
            .append(escape(how)).append("; coverage <strong>")
            .append(escape(withInterval(plain, b.get("coverage")))).append("</strong>, density <strong>")
            .append(escape(withInterval(plain, b.get("density")))).append("</strong>, mass ")
            .append(escape(withInterval(plain, b.get("mass")))).append(' ')
            .append(muted("(check sample of " + HumanNumbers.exact(d.sample().getOrDefault("check_samples",
                Value.NONE).estimate().text().replaceFirst("\\.0$", "")) + ")")).append("</p>\n");
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, CsvNumber[]> e : b.limits().entrySet()) {
            HumanNumbers numbers = run.numbers(e.getKey());
            CsvNumber lo = e.getValue()[0];
            CsvNumber hi = e.getValue()[1];
            rows.add(List.of("<strong>" + escape(e.getKey()) + "</strong>",
                lo.defined() ? escape("\u2265 " + numbers.format(lo.value())) : muted("open"),
                hi.defined() ? escape("\u2264 " + numbers.format(hi.value())) : muted("open"),
                escape(run.unit(e.getKey()))));
        }
        if (rows.isEmpty()) {
            out.append("<p class=\"muted\">The chosen box restricts no input.</p>\n");
        } else {
            Html.table(out, List.of("input", "from", "to", "unit"), new boolean[] {false, true, true, false}, rows);
        }
    }

    private static void conditionals(StringBuilder out, SavedRun run, Discovered d) {
        if (d.inputs().isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, Value>> e : d.inputs().entrySet()) {
            HumanNumbers numbers = run.numbers(e.getKey());
            Value shift = e.getValue().getOrDefault("median_shift", Value.NONE);
            String shown = shift.estimate().defined() ? String.format(Locale.ROOT, "%+.2f", shift.value())
                + (shift.low().defined() && shift.high().defined() ? String.format(Locale.ROOT, " [%+.2f, %+.2f]",
                    shift.low().value(), shift.high().value()) : "") : "";
            rows.add(List.of("<strong>" + escape(e.getKey()) + "</strong>",
                escape(quantiles(numbers, e.getValue(), "_true")), escape(quantiles(numbers, e.getValue(), "_false")),
                escape(shown)));
        }
        Html.table(out, List.of("input", "where it holds: p5 \u00b7 p25 \u00b7 p50 \u00b7 p75 \u00b7 p95",
            "where it fails: p5 \u00b7 p25 \u00b7 p50 \u00b7 p75 \u00b7 p95", "median shift (sds)"),
            new boolean[] {false, true, true, true}, rows);
        out.append("<p class=\"muted\">Median shift: (median where the claim holds \u2212 median where it fails) / "
            + "the input's sd, with an interval that holds jointly for both medians.</p>\n");
    }

    private static String quantiles(HumanNumbers numbers, Map<String, Value> v, String suffix) {
        List<String> parts = new ArrayList<>();
        for (String q : QUANTILES) {
            Value value = v.get(q + suffix);
            parts.add(value == null || !value.estimate().defined() ? "\u2013" : numbers.format(value.value()));
        }
        return String.join(" \u00b7 ", parts);
    }

    private static String withInterval(HumanNumbers numbers, Value v) {
        if (!v.estimate().defined()) {
            return "\u2013";
        }
        return numbers.format(v.value()) + (v.low().defined() && v.high().defined()
            ? " [" + numbers.format(v.low().value()) + ", " + numbers.format(v.high().value()) + "]" : "");
    }
}
