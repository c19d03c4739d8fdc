package org.mcsim.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mcsim.engine.Estimate;
import org.mcsim.sensitivity.InputIndices;
import org.mcsim.sensitivity.SensitivityResult;

/**
 * Writes {@code OUT/NAME/sensitivity.csv} (cli.md, sensitivity):
 * {@code output,input,index,estimate,mc_low,mc_high}, rows grouped by input in the result's
 * order, each input's indices in the order rank_correlation, mean_low, mean_high, sobol_first,
 * sobol_total (those computed). Other files in the folder are left alone; the file appears only
 * when complete. Stateless and thread-safe.
 */
public final class SensitivityWriter {
    /** The file's name. */
    public static final String FILE = "sensitivity.csv";

    private SensitivityWriter() {
    }

    /**
     * Writes the file.
     *
     * @param r the result
     * @param out the output directory OUT
     * @param name the scenario's name (the folder)
     * @param provenance what produced it, recorded in {@code sensitivity.csv.json}
     * @return the file written
     * @throws IOException if the folder cannot be created or the file written (the message names it)
     */
    public static Path write(SensitivityResult r, Path out, String name, Provenance provenance) throws IOException {
        Path dir = folder(out, name);
        Path file = dir.resolve(FILE);
        provenance.write(file, w -> {
            CsvWriter csv = CsvFiles.open(w, "output", "input", "index", "estimate", "mc_low", "mc_high");
            for (InputIndices in : r.inputs()) {
                row(csv, r.output(), in.input(), "rank_correlation", in.rankCorrelation());
                row(csv, r.output(), in.input(), "mean_low", in.meanLow());
                row(csv, r.output(), in.input(), "mean_high", in.meanHigh());
                row(csv, r.output(), in.input(), "sobol_first", in.sobolFirst());
                row(csv, r.output(), in.input(), "sobol_total", in.sobolTotal());
            }
            csv.flush();
        });
        return file;
    }

    private static void row(CsvWriter csv, String output, String input, String index, Estimate e)
        throws IOException {
        if (e != null) {
            csv.row(output, input, index, Numbers.formatOrEmpty(e.value()), Numbers.formatOrEmpty(e.low()),
                Numbers.formatOrEmpty(e.high()));
        }
    }

    /**
     * Creates {@code out/name} if needed; the files already in it stay. A link or a file at
     * {@code out/name} is refused, so that nothing is written outside {@code out}.
     */
    static Path folder(Path out, String name) throws IOException {
        Path dir = out.resolve(name);
        OwnedFolder.checkWritable(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw PendingOutput.failure("cannot create directory", dir, e);
        }
        return dir;
    }
}
