package org.mcsim.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a report is made from, read from the files of one run folder (cli.md: "run",
 * "sensitivity", "sweep"): {@code summary.csv}, {@code claims.csv}, {@code histogram.csv} and
 * {@code run.json} are required, {@code sensitivity.csv}, {@code sweep.csv} and
 * {@code sweep-claims.csv} optional. Immutable once read.
 *
 * @param folder the run folder, as given
 * @param info run.json
 * @param summary each variable's statistics, in file order
 * @param claims claims.csv, in file order
 * @param histograms each output's histogram, in file order (this is the list of outputs)
 * @param sensitivity sensitivity.csv rows, empty when the file is absent
 * @param sweep sweep.csv, empty when absent
 * @param sweepClaims sweep-claims.csv (statistic {@code probability}), empty when absent
 * @param correlations correlations.csv rows (target and achieved rank correlations), empty when absent
 * @param solve solve.csv rows, empty when absent
 * @param notes what the page and stderr must say about files left out or of unknown origin
 *     ({@link Provenances})
 */
record SavedRun(Path folder, RunJson info, List<VariableStats> summary, List<ClaimResult> claims,
    List<Bins> histograms, List<SensitivityRow> sensitivity, SweepTable sweep, SweepTable sweepClaims,
    List<CorrelationRow> correlations, List<SolveRow> solve, List<String> notes) {

    /** One row of correlations.csv: a target rank correlation and the one achieved. */
    record CorrelationRow(String a, String b, CsvNumber target, CsvNumber achieved) { }

    /** One row of solve.csv. */
    record SolveRow(String parameter, CsvNumber value, CsvNumber low, CsvNumber high, String target, CsvNumber achieved,
        CsvNumber achievedLow, CsvNumber achievedHigh) { }

    /** One statistic of a variable with its Monte Carlo interval. */
    record Stat(String name, CsvNumber estimate, CsvNumber low, CsvNumber high) { }

    /** A variable's rows of summary.csv. */
    record VariableStats(String name, String kind, List<Stat> stats) {
        Optional<Stat> stat(String statistic) {
            return stats.stream().filter(s -> s.name().equals(statistic)).findFirst();
        }
    }

    /** One row of claims.csv. */
    record ClaimResult(String name, String expression, CsvNumber probability, CsvNumber low, CsvNumber high,
        long hits, long samples) { }

    /** One output's bins, in file order. */
    record Bins(String variable, double[] lows, double[] highs, long[] counts) {
        long total() {
            long total = 0;
            for (long c : counts) {
                total += c;
            }
            return total;
        }
    }

    /** One row of sensitivity.csv. */
    record SensitivityRow(String output, String input, String index, CsvNumber estimate, CsvNumber low,
        CsvNumber high) { }

    /**
     * sweep.csv or sweep-claims.csv.
     *
     * @param parameters the swept parameters' column names, in file order
     * @param rows the rows; a claim row's subject is the claim and its statistic {@code probability}
     */
    record SweepTable(List<String> parameters, List<SweepRow> rows) {
        static final SweepTable NONE = new SweepTable(List.of(), List.of());
    }

    /** One row of a sweep file: the grid point, its parameter values and one statistic. */
    record SweepRow(long point, double[] values, String subject, String statistic, CsvNumber estimate,
        CsvNumber low, CsvNumber high) { }

    private static final List<String> REQUIRED = List.of("summary.csv", "claims.csv", "histogram.csv",
        "run.json");

    /**
     * Reads a run folder.
     *
     * @param folder the folder
     * @return its contents
     * @throws ReportException {@code FOLDER: not a run folder: summary.csv is missing} and the like,
     *     or a malformed file
     */
    static SavedRun read(Path folder) throws ReportException {
        if (!Files.isDirectory(folder)) {
            throw new ReportException(folder + ": not a run folder: "
                + (Files.exists(folder) ? "not a directory" : "no such directory"));
        }
        for (String file : REQUIRED) {
            if (!Files.isRegularFile(folder.resolve(file))) {
                throw new ReportException(folder + ": not a run folder: " + file + " is missing");
            }
        }
        RunJson info = RunJson.read(folder.resolve("run.json"));
        List<String> notes = new java.util.ArrayList<>();
        return new SavedRun(folder, info,
            RunFiles.summary(folder.resolve("summary.csv")), RunFiles.claims(folder.resolve("claims.csv")),
            RunFiles.histograms(folder.resolve("histogram.csv")),
            belongs(folder, info, "sensitivity.csv", notes) ? RunFiles.sensitivity(folder.resolve("sensitivity.csv"))
                : List.of(),
            belongs(folder, info, "sweep.csv", notes) ? RunFiles.sweep(folder.resolve("sweep.csv"), false)
                : SweepTable.NONE,
            belongs(folder, info, "sweep-claims.csv", notes) ? RunFiles.sweep(folder.resolve("sweep-claims.csv"), true)
                : SweepTable.NONE,
            RunFiles.correlations(folder.resolve("correlations.csv")),
            belongs(folder, info, "solve.csv", notes) ? RunFiles.solve(folder.resolve("solve.csv")) : List.of(),
            List.copyOf(notes));
    }

    /** Whether a derived file is to be shown; a note on it, if any, goes to {@code notes}. */
    private static boolean belongs(Path folder, RunJson info, String file, List<String> notes) {
        Provenances.Verdict v = Provenances.check(folder, info, file);
        if (v.note() != null) {
            notes.add(v.note());
        }
        return v.show();
    }

    /**
     * A variable's summary.
     *
     * @param name the variable
     * @return its rows, if summary.csv has any
     */
    Optional<VariableStats> variable(String name) {
        return summary.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /**
     * The unit of a variable: an input's unit from run.json, none for a formula.
     *
     * @param name a variable, or an input's name
     * @return the unit, empty when none
     */
    String unit(String name) {
        boolean formula = variable(name).map(v -> v.kind().equals("formula")).orElse(false);
        RunJson.InputInfo input = info.inputs().get(name);
        return formula || input == null ? "" : input.unit();
    }

    /**
     * The number formatter of a variable (from its name and unit).
     *
     * @param name the variable
     * @return its formatter
     */
    HumanNumbers numbers(String name) {
        return HumanNumbers.forVariable(name, unit(name));
    }

    /**
     * The variable's name with its unit, for an axis: {@code p_h800 (USD)}.
     *
     * @param name the variable
     * @return the label
     */
    String label(String name) {
        String unit = unit(name);
        return unit.isEmpty() ? name : name + " (" + unit + ")";
    }

    /**
     * Sensitivity rows grouped by output, in file order.
     *
     * @return output name to its rows
     */
    Map<String, List<SensitivityRow>> sensitivityByOutput() {
        Map<String, List<SensitivityRow>> byOutput = new LinkedHashMap<>();
        for (SensitivityRow row : sensitivity) {
            byOutput.computeIfAbsent(row.output(), k -> new ArrayList<>()).add(row);
        }
        return byOutput;
    }
}
