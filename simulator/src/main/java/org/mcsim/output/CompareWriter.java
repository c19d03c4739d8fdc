package org.mcsim.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.mcsim.engine.ClaimSummary;
import org.mcsim.engine.Estimate;
import org.mcsim.engine.RunResult;
import org.mcsim.engine.VariableSummary;

/**
 * Writes the folder of {@code mcsim compare} (cli.md, compare): {@code OUT/compare/summary.csv}
 * ({@code scenario,variable,statistic,estimate,mc_low,mc_high}, outputs only, each with every
 * statistic that a run's summary.csv gives it, in the same order) and
 * {@code OUT/compare/claims.csv} ({@code scenario,claim,probability,mc_low,mc_high}, one row per
 * compared run and claim). Rows come in the order of the given runs. The folder is written aside
 * and replaces {@code OUT/compare} as a whole only when complete ({@link RunFolder}).
 *
 * <p>Stateless and thread-safe; two concurrent writes to the same OUT race as two runs would.
 */
public final class CompareWriter {

    /** The name of the folder under OUT, reserved as a scenario name by the scenario format. */
    public static final String FOLDER = "compare";

    private CompareWriter() {
    }

    /**
     * One compared run.
     *
     * @param label the row name: the scenario's {@code NAME}, or {@code NAME@VARIANT}
     * @param result the run's result
     */
    public record Row(String label, RunResult result) {
        public Row {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * Replaces {@code out/compare/} by the comparison of {@code rows}; leaves nothing behind on
     * failure.
     *
     * @param rows the compared runs, in the order their rows are written
     * @param out the output directory OUT
     * @param protect files the replacement must not delete (the scenario files)
     * @return the folder written, {@code out/compare}
     * @throws IOException if a file cannot be written or the folder cannot be replaced (the
     *     message names the path)
     */
    public static Path write(List<Row> rows, Path out, List<Path> protect) throws IOException {
        RunFolder folder = RunFolder.begin(out, FOLDER, protect);
        try {
            writeSummary(rows, folder.file("summary.csv"));
            writeClaims(rows, folder.file("claims.csv"));
            folder.commit();
        } finally {
            folder.abort();
        }
        return folder.target();
    }

    static void writeSummary(List<Row> rows, Path file) throws IOException {
        try (Writer w = RunFolder.newWriter(file);
             CsvWriter csv = CsvFiles.open(w, "scenario", "variable", "statistic", "estimate", "mc_low",
                 "mc_high")) {
            for (Row row : rows) {
                for (VariableSummary v : row.result().variables()) {
                    if (!v.output()) {
                        continue;
                    }
                    statistic(csv, row.label(), v.name(), "mean", v.mean());
                    statistic(csv, row.label(), v.name(), "sd", v.sd());
                    statistic(csv, row.label(), v.name(), "min", Estimate.of(v.min()));
                    statistic(csv, row.label(), v.name(), "max", Estimate.of(v.max()));
                    for (VariableSummary.QuantileEstimate q : v.quantiles()) {
                        statistic(csv, row.label(), v.name(), q.label(), q.estimate());
                    }
                }
            }
        }
    }

    private static void statistic(CsvWriter csv, String scenario, String variable, String stat, Estimate e)
        throws IOException {
        csv.row(scenario, variable, stat, Numbers.formatOrEmpty(e.value()), Numbers.formatOrEmpty(e.low()),
            Numbers.formatOrEmpty(e.high()));
    }

    static void writeClaims(List<Row> rows, Path file) throws IOException {
        try (Writer w = RunFolder.newWriter(file);
             CsvWriter csv = CsvFiles.open(w, "scenario", "claim", "probability", "mc_low", "mc_high")) {
            for (Row row : rows) {
                for (ClaimSummary c : row.result().claims()) {
                    Estimate p = c.probability();
                    csv.row(row.label(), c.name(), Numbers.formatOrEmpty(p.value()), Numbers.formatOrEmpty(p.low()),
                        Numbers.formatOrEmpty(p.high()));
                }
            }
        }
    }
}
