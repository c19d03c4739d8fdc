package org.mcsim.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mcsim.engine.ClaimSummary;
import org.mcsim.engine.Estimate;
import org.mcsim.engine.VariableSummary;
import org.mcsim.sensitivity.SweepAxis;
import org.mcsim.sensitivity.SweepPoint;

/**
 * Writes a sweep's {@code sweep.csv} and {@code sweep-claims.csv} into {@code OUT/NAME/} (cli.md,
 * sweep): one block of rows per grid point, headed by the point's number and one column per
 * axis (its {@code --vary} text before {@code =}); every summary statistic of every output, as
 * summary.csv lists them (mean, sd, min, max, quantiles), and every claim's probability. Other
 * files in the folder are left alone; each file appears only when complete. Stateless and
 * thread-safe.
 */
public final class SweepWriter {
    /** The statistics file's name. */
    public static final String FILE = "sweep.csv";
    /** The claims file's name. */
    public static final String CLAIMS_FILE = "sweep-claims.csv";

    private SweepWriter() {
    }

    /**
     * Writes both files.
     *
     * @param axes the sweep's axes
     * @param points the grid points in order
     * @param out the output directory OUT
     * @param name the scenario's name (the folder)
     * @param provenance what produced them, recorded in {@code sweep.csv.json} and
     *     {@code sweep-claims.csv.json}
     * @throws IOException if the folder cannot be created or a file written (the message names it)
     */
    public static void write(List<SweepAxis> axes, List<SweepPoint> points, Path out, String name,
                             Provenance provenance) throws IOException {
        Path dir = SensitivityWriter.folder(out, name);
        provenance.write(dir.resolve(FILE), w -> {
            CsvWriter csv = CsvFiles.open(w, header(axes, "variable", "statistic", "estimate", "mc_low", "mc_high"));
            for (SweepPoint p : points) {
                for (String output : p.result().scenario().outputs()) {
                    VariableSummary v = p.result().variable(output);
                    row(csv, p, output, "mean", v.mean());
                    row(csv, p, output, "sd", v.sd());
                    row(csv, p, output, "min", Estimate.of(v.min()));
                    row(csv, p, output, "max", Estimate.of(v.max()));
                    for (VariableSummary.QuantileEstimate q : v.quantiles()) {
                        row(csv, p, output, q.label(), q.estimate());
                    }
                }
            }
            csv.flush();
        });
        provenance.write(dir.resolve(CLAIMS_FILE), w -> {
            CsvWriter csv = CsvFiles.open(w, header(axes, "claim", "probability", "mc_low", "mc_high"));
            for (SweepPoint p : points) {
                for (ClaimSummary c : p.result().claims()) {
                    lead(csv, p);
                    Estimate e = c.probability();
                    csv.field(c.name()).field(Numbers.formatOrEmpty(e.value())).field(Numbers.formatOrEmpty(e.low()))
                        .field(Numbers.formatOrEmpty(e.high())).end();
                }
            }
            csv.flush();
        });
    }

    private static String[] header(List<SweepAxis> axes, String... rest) {
        List<String> h = new ArrayList<>();
        h.add("point");
        axes.forEach(a -> h.add(a.label()));
        h.addAll(List.of(rest));
        return h.toArray(String[]::new);
    }

    private static void lead(CsvWriter csv, SweepPoint p) throws IOException {
        csv.field(Integer.toString(p.point()));
        for (double v : p.values()) {
            csv.field(Numbers.format(v));
        }
    }

    private static void row(CsvWriter csv, SweepPoint p, String variable, String stat, Estimate e)
        throws IOException {
        lead(csv, p);
        csv.field(variable).field(stat).field(Numbers.formatOrEmpty(e.value())).field(Numbers.formatOrEmpty(e.low()))
            .field(Numbers.formatOrEmpty(e.high())).end();
    }
}
