package org.mcsim.report;

import static org.mcsim.report.Html.code;
import static org.mcsim.report.Html.escape;
import static org.mcsim.report.Html.muted;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mcsim.report.SavedRun.SensitivityRow;

/**
 * The later sections of the report page: sensitivity, sweeps, inputs and run metadata, and the
 * figure blocks. Every text read from a file is escaped. Stateless.
 */
final class PageSections {
    /** run.json keys shown in the Run section, with their labels, in order. */
    private static final Map<String, String> METADATA = new LinkedHashMap<>();
    private static final List<String> INDICES = List.of("rank_correlation", "mean_low", "mean_high",
        "sobol_first", "sobol_total");

    static {
        for (String[] pair : new String[][] {{"name", "name"}, {"scenario", "scenario file"},
            {"scenario_sha256", "scenario SHA-256"}, {"variant", "variant"}, {"seed", "seed"},
            {"samples", "samples drawn"},
            {"samples_requested", "samples requested"}, {"method", "method"}, {"threads", "threads"},
            {"engine", "engine"}, {"version", "mcsim version"}, {"java", "Java"}, {"simd", "SIMD kernels"},
            {"started", "started (UTC)"},
            {"elapsed_seconds", "elapsed"}, {"samples_per_second", "speed"}, {"stop_reason", "stopped by"},
            {"quantiles", "quantiles"}}) {
            METADATA.put(pair[0], pair[1]);
        }
    }

    private PageSections() {
    }

    static void figures(StringBuilder out, List<Figure> figures, Figure.Section section, String subject) {
        List<Figure> chosen = figures.stream()
            .filter(f -> f.section() == section && f.subject().equals(subject)).toList();
        if (!chosen.isEmpty()) {
            out.append("<div class=\"figures\">\n");
            chosen.forEach(f -> Html.figure(out, f));
            out.append("</div>\n");
        }
    }

    static void sensitivity(StringBuilder out, SavedRun run, List<Figure> figures) {
        Map<String, List<SensitivityRow>> byOutput = run.sensitivityByOutput();
        if (byOutput.isEmpty()) {
            return;
        }
        out.append("<section id=\"sensitivity\">\n<h2>Sensitivity</h2>\n<p class=\"muted\">Rank correlation "
            + "of each input with the output; the output's mean where the input is at or below its 10% "
            + "quantile (mean_low) or at or above its 90% quantile (mean_high); first-order and total "
            + "Sobol indices. For P(CLAIM), the claim's indicator (1 where it holds): mean_low and mean_high are "
            + "the claim's probability where the input is at its low or high end. Brackets: Monte Carlo "
            + "intervals.</p>\n");
        for (Map.Entry<String, List<SensitivityRow>> entry : byOutput.entrySet()) {
            String output = entry.getKey();
            out.append("<h3>").append(escape(output)).append("</h3>\n");
            figures(out, figures, Figure.Section.TORNADO, output);
            indexTable(out, run.numbers(output), entry.getValue());
        }
        out.append("</section>\n");
    }

    static void sweeps(StringBuilder out, SavedRun run, List<Figure> figures) {
        Set<String> parameters = new LinkedHashSet<>(run.sweep().parameters());
        parameters.addAll(run.sweepClaims().parameters());
        if (figures.stream().noneMatch(f -> f.section() == Figure.Section.SWEEP)) {
            return;
        }
        out.append("<section id=\"sweeps\">\n<h2>Sweeps</h2>\n<p class=\"muted\">Each output's mean and "
            + "each claim's probability against a swept parameter, on common random numbers; the band is "
            + "the Monte Carlo interval. With several swept parameters, one line per combination of the "
            + "others (at most " + SweepChart.MAX_LINES + "; beyond that, the others held at their first "
            + "value).</p>\n");
        for (String parameter : parameters) {
            out.append("<h3>").append(escape(parameter)).append("</h3>\n");
            figures(out, figures, Figure.Section.SWEEP, parameter);
        }
        heatmaps(out, figures, parameters);
        out.append("</section>\n");
    }

    /** The maps over pairs of swept parameters (figures of the sweep section whose subject is a pair). */
    private static void heatmaps(StringBuilder out, List<Figure> figures, Set<String> parameters) {
        Set<String> pairs = new LinkedHashSet<>();
        figures.stream().filter(f -> f.section() == Figure.Section.SWEEP && !parameters.contains(f.subject()))
            .forEach(f -> pairs.add(f.subject()));
        if (pairs.isEmpty()) {
            return;
        }
        out.append("<p class=\"muted\">Maps over two swept parameters (the others at their first value): "
            + "each cell is a grid point; on a claim's map the black line is where its probability crosses 0.5, "
            + "the claim holding on the orange side, and a dashed cell's Monte Carlo interval contains 0.5.</p>\n");
        for (String pair : pairs) {
            out.append("<h3>").append(escape(pair)).append("</h3>\n");
            figures(out, figures, Figure.Section.SWEEP, pair);
        }
    }

    /** Target and achieved rank correlations, where the scenario has any. */
    static void correlations(StringBuilder out, SavedRun run) {
        if (run.correlations().isEmpty()) {
            return;
        }
        out.append("<section id=\"correlations\">\n<h2>Correlations</h2>\n<p class=\"muted\">Target Spearman rank "
            + "correlations between inputs, imposed by a Gaussian copula, and the rank correlation the samples "
            + "achieved.</p>\n");
        List<List<String>> rows = new ArrayList<>();
        for (SavedRun.CorrelationRow c : run.correlations()) {
            rows.add(List.of(escape(c.a()), escape(c.b()), escape(fixed(c.target())), escape(fixed(c.achieved()))));
        }
        Html.table(out, List.of("input", "input", "target", "achieved"), new boolean[] {false, false, true, true},
            rows);
        out.append("</section>\n");
    }

    /** What solve found, where solve.csv belongs to the run. */
    static void solve(StringBuilder out, SavedRun run) {
        if (run.solve().isEmpty()) {
            return;
        }
        out.append("<section id=\"solve\">\n<h2>Solve</h2>\n<p class=\"muted\">The parameter value at which the "
            + "target holds, on common random numbers; its interval is where the ends of the statistic's Monte Carlo "
            + "interval cross the target.</p>\n");
        List<List<String>> rows = new ArrayList<>();
        for (SavedRun.SolveRow r : run.solve()) {
            HumanNumbers plain = HumanNumbers.plain();
            String interval = r.low().defined() && r.high().defined()
                ? "[" + plain.format(r.low().value()) + ", " + plain.format(r.high().value()) + "]" : "none in range";
            String achieved = plain.format(r.achieved().value()) + (r.achievedLow().defined()
                ? " [" + plain.format(r.achievedLow().value()) + ", " + plain.format(r.achievedHigh().value()) + "]"
                : "");
            rows.add(List.of("<strong>" + escape(r.parameter()) + "</strong>", code(r.target()),
                "<span title=\"" + escape(r.value().text()) + "\"><strong>" + escape(plain.format(r.value().value()))
                    + "</strong></span>", escape(interval), escape(achieved)));
        }
        Html.table(out, List.of("parameter", "target", "value", "interval", "achieved there"),
            new boolean[] {false, false, true, true, true}, rows);
        out.append("</section>\n");
    }

    private static String fixed(CsvNumber d) {
        return d.defined() ? String.format(java.util.Locale.ROOT, "%.3f", d.value()) : "";
    }

    static void inputs(StringBuilder out, SavedRun run) {
        Map<String, RunJson.InputInfo> inputs = new LinkedHashMap<>(run.info().inputs());
        run.summary().stream().filter(v -> v.kind().equals("input"))
            .forEach(v -> inputs.putIfAbsent(v.name(), new RunJson.InputInfo("", "", "", "", "")));
        out.append("<section id=\"inputs\">\n<h2>Inputs</h2>\n");
        List<List<String>> rows = new ArrayList<>();
        inputs.forEach((name, input) -> {
            HumanNumbers numbers = HumanNumbers.forVariable(name, input.unit());
            String mean = run.variable(name).flatMap(v -> v.stat("mean"))
                .map(s -> numbers.format(s.estimate().value())).orElse("");
            String sd = run.variable(name).flatMap(v -> v.stat("sd"))
                .map(s -> numbers.format(s.estimate().value())).orElse("");
            // as the author wrote it first (lognormal(low=20000, high=40000)), the solved parameters second
            String shown = input.written().isEmpty() || input.written().equals(input.distribution())
                ? code(input.distribution())
                : code(input.written()) + "<br>" + muted("= " + input.distribution());
            rows.add(List.of("<strong>" + escape(name) + "</strong>", shown,
                escape(input.unit()), escape(mean), escape(sd), escape(input.description()),
                escape(input.source())));
        });
        Html.table(out, List.of("input", "distribution", "unit", "sampled mean", "sampled sd", "description",
            "source"), new boolean[] {false, false, false, true, true, false, false}, rows);
        out.append("</section>\n");
    }

    static void metadata(StringBuilder out, SavedRun run) {
        RunJson info = run.info();
        out.append("<section id=\"run\">\n<h2>Run</h2>\n");
        List<List<String>> rows = new ArrayList<>();
        METADATA.forEach((key, label) -> {
            String value = info.text(key);
            if (key.equals("elapsed_seconds") && Double.isFinite(info.number(key))) {
                value = HumanNumbers.plain().format(info.number(key)) + " s";
            } else if (key.equals("samples_per_second") && Double.isFinite(info.number(key))) {
                value = HumanNumbers.plain().format(info.number(key)) + " samples/s";
            } else if (key.startsWith("samples") && Double.isFinite(info.number(key))) {
                value = HumanNumbers.exact(value);
            }
            if (!value.isEmpty()) {
                rows.add(List.of(escape(label), key.equals("scenario_sha256") ? code(value) : escape(value)));
            }
        });
        List<String> warnings = info.texts("warnings");
        rows.add(List.of("warnings", warnings.isEmpty() ? "none" : escape(String.join("; ", warnings))));
        Html.table(out, List.of("", ""), new boolean[] {false, false}, rows);
        out.append("</section>\n");
    }

    /** The indices of one output: a row per input, a column per index present. */
    private static void indexTable(StringBuilder out, HumanNumbers numbers, List<SensitivityRow> rows) {
        Map<String, Map<String, SensitivityRow>> byInput = new LinkedHashMap<>();
        Set<String> present = new LinkedHashSet<>();
        for (SensitivityRow row : rows) {
            byInput.computeIfAbsent(row.input(), k -> new LinkedHashMap<>()).put(row.index(), row);
            present.add(row.index());
        }
        List<String> columns = INDICES.stream().filter(present::contains).toList();
        List<List<String>> cells = new ArrayList<>();
        byInput.forEach((input, indices) -> {
            List<String> line = new ArrayList<>(List.of(escape(input)));
            for (String column : columns) {
                SensitivityRow row = indices.get(column);
                HumanNumbers f = column.startsWith("mean") ? numbers : HumanNumbers.plain();
                line.add(row == null ? "" : escape(f.format(row.estimate().value())) + " "
                    + muted(interval(f, row.low(), row.high())));
            }
            cells.add(line);
        });
        List<String> headers = new ArrayList<>(List.of("input"));
        headers.addAll(columns);
        boolean[] numeric = new boolean[headers.size()];
        Arrays.fill(numeric, 1, numeric.length, true);
        Html.table(out, headers, numeric, cells);
    }

    private static String interval(HumanNumbers numbers, CsvNumber low, CsvNumber high) {
        return low.defined() && high.defined()
            ? "[" + numbers.format(low.value()) + ", " + numbers.format(high.value()) + "]" : "";
    }

}
