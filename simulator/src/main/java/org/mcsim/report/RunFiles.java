package org.mcsim.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcsim.report.SavedRun.ClaimResult;
import org.mcsim.report.SavedRun.Bins;
import org.mcsim.report.SavedRun.SensitivityRow;
import org.mcsim.report.SavedRun.Stat;
import org.mcsim.report.SavedRun.SweepTable;
import org.mcsim.report.SavedRun.SweepRow;
import org.mcsim.report.SavedRun.VariableStats;

/**
 * Readers of the CSV files of a run folder, one per file, with the headers of cli.md. Stateless.
 */
final class RunFiles {
    private static final List<String> INTERVAL = List.of("estimate", "mc_low", "mc_high");

    private RunFiles() {
    }

    static List<VariableStats> summary(Path file) throws ReportException {
        CsvTable table = CsvTable.read(file, List.of("variable", "kind", "statistic"), INTERVAL, false);
        Map<String, VariableStats> variables = new LinkedHashMap<>();
        for (CsvTable.Line row : table.rows()) {
            String name = row.text("variable");
            VariableStats variable = variables.computeIfAbsent(name,
                k -> new VariableStats(k, row.text("kind"), new ArrayList<>()));
            variable.stats().add(new Stat(row.text("statistic"), row.decimal("estimate"),
                row.decimal("mc_low"), row.decimal("mc_high")));
        }
        return variables.values().stream()
            .map(v -> new VariableStats(v.name(), v.kind(), List.copyOf(v.stats()))).toList();
    }

    static List<ClaimResult> claims(Path file) throws ReportException {
        CsvTable table = CsvTable.read(file, List.of("claim", "expression", "probability"),
            List.of("mc_low", "mc_high", "hits", "samples"), false);
        List<ClaimResult> claims = new ArrayList<>();
        for (CsvTable.Line row : table.rows()) {
            claims.add(new ClaimResult(row.text("claim"), row.text("expression"),
                row.decimal("probability"), row.decimal("mc_low"), row.decimal("mc_high"),
                row.integer("hits"), row.integer("samples")));
        }
        return List.copyOf(claims);
    }

    static List<Bins> histograms(Path file) throws ReportException {
        CsvTable table = CsvTable.read(file, List.of("variable", "bin_low", "bin_high", "count"),
            List.of(), false);
        Map<String, List<CsvTable.Line>> byVariable = new LinkedHashMap<>();
        for (CsvTable.Line row : table.rows()) {
            byVariable.computeIfAbsent(row.text("variable"), k -> new ArrayList<>()).add(row);
        }
        List<Bins> histograms = new ArrayList<>();
        for (Map.Entry<String, List<CsvTable.Line>> entry : byVariable.entrySet()) {
            List<CsvTable.Line> rows = entry.getValue();
            double[] lows = new double[rows.size()];
            double[] highs = new double[rows.size()];
            long[] counts = new long[rows.size()];
            long total = 0;
            for (int i = 0; i < rows.size(); i++) {
                lows[i] = rows.get(i).number("bin_low");
                highs[i] = rows.get(i).number("bin_high");
                counts[i] = rows.get(i).integer("count");
                // run writes contiguous, increasing bins with counts; anything else was edited
                if (!(lows[i] <= highs[i]) || i > 0 && lows[i] != highs[i - 1] || counts[i] < 0) {
                    throw new ReportException(file + ": the bins of " + entry.getKey() + " are not contiguous "
                        + "increasing ranges with counts (at bin " + (i + 1) + "); it is not a histogram run wrote");
                }
                total += counts[i];
            }
            if (total <= 0) {
                throw new ReportException(file + ": the bins of " + entry.getKey() + " count no samples; it is not a "
                    + "histogram run wrote");
            }
            histograms.add(new Bins(entry.getKey(), lows, highs, counts));
        }
        return List.copyOf(histograms);
    }

    static List<SavedRun.CorrelationRow> correlations(Path file) throws ReportException {
        if (!Files.exists(file)) {
            return List.of();
        }
        CsvTable table = CsvTable.read(file, List.of("a", "b", "target", "achieved"), List.of(), false);
        List<SavedRun.CorrelationRow> rows = new ArrayList<>();
        for (CsvTable.Line row : table.rows()) {
            rows.add(new SavedRun.CorrelationRow(row.text("a"), row.text("b"), row.decimal("target"),
                row.decimal("achieved")));
        }
        return List.copyOf(rows);
    }

    static List<SavedRun.SolveRow> solve(Path file) throws ReportException {
        if (!Files.exists(file)) {
            return List.of();
        }
        CsvTable table = CsvTable.read(file, List.of("parameter", "value", "value_low", "value_high", "target",
            "achieved", "mc_low", "mc_high"), List.of(), false);
        List<SavedRun.SolveRow> rows = new ArrayList<>();
        for (CsvTable.Line row : table.rows()) {
            rows.add(new SavedRun.SolveRow(row.text("parameter"), row.decimal("value"), row.decimal("value_low"),
                row.decimal("value_high"), row.text("target"), row.decimal("achieved"), row.decimal("mc_low"),
                row.decimal("mc_high")));
        }
        return List.copyOf(rows);
    }

    static List<SensitivityRow> sensitivity(Path file) throws ReportException {
        if (!Files.exists(file)) {
            return List.of();
        }
        CsvTable table = CsvTable.read(file, List.of("output", "input", "index"), INTERVAL, false);
        List<SensitivityRow> rows = new ArrayList<>();
        for (CsvTable.Line row : table.rows()) {
            rows.add(new SensitivityRow(row.text("output"), row.text("input"), row.text("index"),
                row.decimal("estimate"), row.decimal("mc_low"), row.decimal("mc_high")));
        }
        return List.copyOf(rows);
    }

    /**
     * Reads sweep.csv ({@code point,<params>,variable,statistic,estimate,mc_low,mc_high}) or
     * sweep-claims.csv ({@code point,<params>,claim,probability,mc_low,mc_high}).
     */
    static SweepTable sweep(Path file, boolean claims) throws ReportException {
        if (!Files.exists(file)) {
            return SweepTable.NONE;
        }
        List<String> trailing = claims ? List.of("claim", "probability", "mc_low", "mc_high")
            : List.of("variable", "statistic", "estimate", "mc_low", "mc_high");
        CsvTable table = CsvTable.read(file, List.of("point"), trailing, true);
        List<String> parameters = table.middle();
        List<SweepRow> rows = new ArrayList<>();
        for (CsvTable.Line row : table.rows()) {
            double[] values = new double[parameters.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.number(parameters.get(i));
            }
            rows.add(claims
                ? new SweepRow(row.integer("point"), values, row.text("claim"), "probability",
                    row.decimal("probability"), row.decimal("mc_low"), row.decimal("mc_high"))
                : new SweepRow(row.integer("point"), values, row.text("variable"), row.text("statistic"),
                    row.decimal("estimate"), row.decimal("mc_low"), row.decimal("mc_high")));
        }
        return new SweepTable(parameters, List.copyOf(rows));
    }
}
