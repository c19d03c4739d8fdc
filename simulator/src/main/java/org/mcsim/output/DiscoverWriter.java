package org.mcsim.output;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.mcsim.discover.Box;
import org.mcsim.discover.Conditional;
import org.mcsim.discover.Discovery;
import org.mcsim.discover.DiscoveryResult;
import org.mcsim.discover.StepResult;
import org.mcsim.engine.Estimate;

/**
 * Writes {@code OUT/NAME/discover.csv}: {@code claim,part,step,input,statistic,estimate,mc_low,mc_high}
 * (docs/output-files.md describes every row). Parts, in this order: {@code sample} (the sizes
 * and claim-true counts of the searched and check samples), {@code trajectory} (each peeling
 * step: coverage, density and mass on the check sample with their intervals, the same on the
 * searched sample, the number of restricted inputs, and each restricted input's limits),
 * {@code box} (the chosen box, the same rows and whether it was pasted) and {@code input} (each
 * input's quantiles given the claim true and false, its sd and the median shift). Other files in
 * the folder are left alone; the file appears only when complete. Stateless and thread-safe.
 */
public final class DiscoverWriter {
    /** The file's name. */
    public static final String FILE = "discover.csv";

    private DiscoverWriter() {
    }

    /**
     * Writes the file.
     *
     * @param r the result
     * @param out the output directory OUT
     * @param name the scenario's name (the folder)
     * @param provenance what produced it, recorded in {@code discover.csv.json}
     * @return the file written
     * @throws IOException if the folder cannot be created or the file written (the message names it)
     */
    public static Path write(DiscoveryResult r, Path out, String name, Provenance provenance) throws IOException {
        Path file = SensitivityWriter.folder(out, name).resolve(FILE);
        provenance.write(file, w -> {
            CsvWriter csv = CsvFiles.open(w, "claim", "part", "step", "input", "statistic", "estimate", "mc_low",
                "mc_high");
            Rows rows = new Rows(csv, r.claim());
            rows.value("sample", "", "", "search_samples", r.samples());
            rows.value("sample", "", "", "search_hits", r.hits());
            rows.value("sample", "", "", "check_samples", r.checkSamples());
            rows.value("sample", "", "", "check_hits", r.checkHits());
            for (StepResult s : r.trajectory()) {
                step(rows, "trajectory", s, r.inputs());
            }
            step(rows, "box", r.chosen(), r.inputs());
            rows.value("box", Integer.toString(r.chosen().step()), "", "pasted", r.pasted() ? 1 : 0);
            for (Conditional c : r.conditionals()) {
                List<String> labels = labels();
                for (int q = 0; q < labels.size(); q++) {
                    rows.estimate("input", "", c.input(), labels.get(q) + "_true", c.whenTrue().get(q));
                }
                for (int q = 0; q < labels.size(); q++) {
                    rows.estimate("input", "", c.input(), labels.get(q) + "_false", c.whenFalse().get(q));
                }
                rows.value("input", "", c.input(), "sd", c.sd());
                rows.estimate("input", "", c.input(), "median_shift", c.medianShift());
            }
            csv.flush();
        });
        return file;
    }

    private static void step(Rows rows, String part, StepResult s, List<String> inputs) throws IOException {
        String step = Integer.toString(s.step());
        rows.estimate(part, step, "", "coverage", s.coverage());
        rows.estimate(part, step, "", "density", s.density());
        rows.estimate(part, step, "", "mass", s.mass());
        rows.value(part, step, "", "search_coverage", s.searchCoverage());
        rows.value(part, step, "", "search_density", s.searchDensity());
        rows.value(part, step, "", "search_mass", s.searchMass());
        rows.value(part, step, "", "restricted", s.restricted());
        Box b = s.box();
        for (int j = 0; j < inputs.size(); j++) {
            if (b.restricted(j)) {
                rows.value(part, step, inputs.get(j), "low", b.low(j));
                rows.value(part, step, inputs.get(j), "high", b.high(j));
            }
        }
    }

    /** {@code p5}, {@code p25}, ...: {@code p} and 100·q in plain decimal, as summary.csv labels quantiles. */
    static List<String> labels() {
        return Discovery.LEVELS.stream()
            .map(q -> "p" + new BigDecimal(Double.toString(q)).movePointRight(2).stripTrailingZeros().toPlainString())
            .toList();
    }

    /** Writes rows of one claim; an infinite limit (an open side) is an empty field. */
    private record Rows(CsvWriter csv, String claim) {
        void value(String part, String step, String input, String statistic, double v) throws IOException {
            csv.row(claim, part, step, input, statistic, Double.isInfinite(v) ? "" : Numbers.formatOrEmpty(v), "", "");
        }

        void estimate(String part, String step, String input, String statistic, Estimate e) throws IOException {
            csv.row(claim, part, step, input, statistic, Numbers.formatOrEmpty(e.value()),
                Numbers.formatOrEmpty(e.low()), Numbers.formatOrEmpty(e.high()));
        }
    }
}
