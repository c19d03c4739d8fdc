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
     * Writes both files from a list of points (see {@link #open} to write them as they come).
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
        try (Open files = open(axes, out, name, provenance)) {
            for (SweepPoint p : points) {
                files.add(p);
            }
            files.commit();
        }
    }

    /**
     * Opens both files for writing point by point, aside (hidden temporary files beside them,
     * removed on failure or at shutdown): a sweep keeps no point once it is written, so a grid of
     * a million points needs the memory of one.
     *
     * @throws IOException if the folder cannot be created or a file opened (the message names it)
     */
    public static Open open(List<SweepAxis> axes, Path out, String name, Provenance provenance) throws IOException {
        boolean existed = java.nio.file.Files.exists(out.resolve(name));
        return new Open(axes, SensitivityWriter.folder(out, name), provenance, existed ? null : out.resolve(name));
    }

    /** sweep.csv and sweep-claims.csv being written; {@link #commit} puts them in place. */
    public static final class Open implements AutoCloseable {
        private final Path stats;
        private final Path claims;
        private final Provenance provenance;
        private final PendingOutput.PendingFile pendingStats;
        private final PendingOutput.PendingFile pendingClaims;
        private final CsvWriter statsCsv;
        private final CsvWriter claimsCsv;
        private final Path created;
        private boolean committed;

        private Open(List<SweepAxis> axes, Path dir, Provenance provenance, Path created) throws IOException {
            this.created = created;
            this.stats = dir.resolve(FILE);
            this.claims = dir.resolve(CLAIMS_FILE);
            this.provenance = provenance;
            this.pendingStats = PendingOutput.begin(stats);
            this.pendingClaims = PendingOutput.begin(claims);
            try {
                statsCsv = CsvFiles.open(RunFolder.newWriter(pendingStats.temp()),
                    header(axes, "variable", "statistic", "estimate", "mc_low", "mc_high"));
                claimsCsv = CsvFiles.open(RunFolder.newWriter(pendingClaims.temp()),
                    header(axes, "claim", "probability", "mc_low", "mc_high"));
            } catch (IOException e) {
                pendingStats.abort();
                pendingClaims.abort();
                throw e;
            }
        }

        /** Writes one point's rows to both files. */
        public void add(SweepPoint p) throws IOException {
            for (String output : p.result().scenario().outputs()) {
                VariableSummary v = p.result().variable(output);
                row(statsCsv, p, output, "mean", v.mean());
                row(statsCsv, p, output, "sd", v.sd());
                row(statsCsv, p, output, "min", Estimate.of(v.min()));
                row(statsCsv, p, output, "max", Estimate.of(v.max()));
                for (VariableSummary.QuantileEstimate q : v.quantiles()) {
                    row(statsCsv, p, output, q.label(), q.estimate());
                }
            }
            for (ClaimSummary c : p.result().claims()) {
                lead(claimsCsv, p);
                Estimate e = c.probability();
                claimsCsv.field(c.name()).field(Numbers.formatOrEmpty(e.value())).field(Numbers.formatOrEmpty(e.low()))
                    .field(Numbers.formatOrEmpty(e.high())).end();
            }
        }

        /**
         * Puts both files in place with their records (the old records removed first, as
         * {@link Provenance} does for one file).
         */
        public void commit() throws IOException {
            statsCsv.close();
            claimsCsv.close();
            java.nio.file.Files.deleteIfExists(stats.resolveSibling(Provenance.fileFor(FILE)));
            java.nio.file.Files.deleteIfExists(claims.resolveSibling(Provenance.fileFor(CLAIMS_FILE)));
            pendingStats.replace(stats);
            pendingClaims.replace(claims);
            committed = true;
            provenance.writeFor(stats);
            provenance.writeFor(claims);
        }

        /** Removes the temporary files unless committed. */
        @Override
        public void close() {
            if (!committed) {
                try {
                    statsCsv.close();
                    claimsCsv.close();
                } catch (IOException e) {
                    // the files are deleted below; the original failure is the one to report
                }
            }
            pendingStats.abort();
            pendingClaims.abort();
            if (!committed && created != null) {
                try {
                    java.nio.file.Files.deleteIfExists(created); // only if still empty: a folder it made
                } catch (IOException e) {
                    // not empty (another command wrote there meanwhile): leave it
                }
            }
        }
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
