package org.mcsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mcsim.engine.ClaimSummary;
import org.mcsim.engine.RunResult;
import org.mcsim.engine.VariableSummary;
import org.mcsim.output.CompareWriter;

/**
 * The side-by-side table that {@code compare} prints: one block per scenario file, one column per
 * run (the scenario, then each variant as {@code @VARIANT}), a row per output statistic (mean,
 * then p5, p50 and p95 where the scenario has them) and a row per claim (its probability with the
 * Monte Carlo interval). Numbers are in {@link Table#human}'s four-significant-digit form. When
 * the runs drew different numbers of samples ({@code --until}), a row gives each one's count.
 */
final class CompareTable {
    private static final List<String> QUANTILES = List.of("p5", "p50", "p95");

    private CompareTable() {
    }

    /**
     * Prints the block of one scenario file.
     *
     * @param given the file as given on the command line
     * @param rows its runs, all of the same scenario (so with the same outputs and claims)
     * @param out where the table goes
     */
    static void print(String given, List<CompareWriter.Row> rows, PrintWriter out) {
        RunResult first = rows.get(0).result();
        out.printf(Locale.ROOT, "%s (%s): %d samples, seed %d, %s%n", first.scenario().name(), given,
            first.samples(), first.scenario().settings().seed(), first.scenario().settings().method().label());
        List<String[]> lines = new ArrayList<>();
        String[] head = new String[rows.size() + 1];
        head[0] = "";
        for (int c = 0; c < rows.size(); c++) {
            String label = rows.get(c).label();
            int at = label.indexOf('@');
            head[c + 1] = at < 0 ? label : label.substring(at);
        }
        lines.add(head);
        if (rows.stream().anyMatch(r -> r.result().samples() != first.samples())) {
            lines.add(cells("samples", rows, r -> Long.toString(r.samples())));
        }
        for (VariableSummary v : first.variables()) {
            if (v.output()) {
                lines.add(cells(v.name() + " mean", rows, r -> Table.human(r.variable(v.name()).mean().value())));
                for (String q : QUANTILES) {
                    if (quantile(v, q) != null) {
                        lines.add(cells(v.name() + " " + q, rows,
                            r -> Table.human(quantile(r.variable(v.name()), q).estimate().value())));
                    }
                }
            }
        }
        for (int k = 0; k < first.claims().size(); k++) {
            int index = k;
            lines.add(cells("P(" + first.claims().get(k).name() + ")", rows, r -> probability(r.claims().get(index))));
        }
        printAligned(lines, out);
        out.println();
        out.flush();
    }

    private static String[] cells(String label, List<CompareWriter.Row> rows,
                                  java.util.function.Function<RunResult, String> cell) {
        String[] line = new String[rows.size() + 1];
        line[0] = label;
        for (int c = 0; c < rows.size(); c++) {
            line[c + 1] = cell.apply(rows.get(c).result());
        }
        return line;
    }

    private static VariableSummary.QuantileEstimate quantile(VariableSummary v, String label) {
        return v.quantiles().stream().filter(q -> q.label().equals(label)).findFirst().orElse(null);
    }

    private static String probability(ClaimSummary c) {
        return Table.probability(c.probability().value()) + " " + Table.interval(c.probability());
    }

    /** The first column left-aligned, the others right-aligned, each as wide as its widest cell. */
    private static void printAligned(List<String[]> lines, PrintWriter out) {
        int columns = lines.get(0).length;
        int[] width = new int[columns];
        for (String[] line : lines) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], line[c].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder b = new StringBuilder("  ").append(line[0]);
            b.append(" ".repeat(width[0] - line[0].length()));
            for (int c = 1; c < columns; c++) {
                b.append("  ").append(" ".repeat(width[c] - line[c].length())).append(line[c]);
            }
            out.println(b);
        }
    }
}
