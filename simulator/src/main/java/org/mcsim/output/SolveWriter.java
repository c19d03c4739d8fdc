package org.mcsim.output;

import java.io.IOException;
import java.nio.file.Path;
import org.mcsim.engine.Estimate;
import org.mcsim.sensitivity.Solution;

/**
 * Writes {@code OUT/NAME/solve.csv} (cli.md, solve):
 * {@code parameter,value,value_low,value_high,target,achieved,mc_low,mc_high}, one row; the
 * ends of the root's interval are empty where they have no root in the range. Other files in
 * the folder are left alone; the file appears only when complete. Stateless and thread-safe.
 */
public final class SolveWriter {
    /** The file's name. */
    public static final String FILE = "solve.csv";

    private SolveWriter() {
    }

    /**
     * Writes the file.
     *
     * @param s the solution
     * @param out the output directory OUT
     * @param name the scenario's name (the folder)
     * @param provenance what produced it, recorded in {@code solve.csv.json}
     * @return the file written
     * @throws IOException if the folder cannot be created or the file written (the message names it)
     */
    public static Path write(Solution s, Path out, String name, Provenance provenance) throws IOException {
        Path file = SensitivityWriter.folder(out, name).resolve(FILE);
        provenance.write(file, w -> {
            CsvWriter csv = CsvFiles.open(w, "parameter", "value", "value_low", "value_high", "target",
                "achieved", "mc_low", "mc_high");
            Estimate a = s.achieved();
            csv.row(s.parameter(), Numbers.format(s.value()), Numbers.formatOrEmpty(s.valueLow()),
                Numbers.formatOrEmpty(s.valueHigh()), s.target().text(), Numbers.format(a.value()),
                Numbers.formatOrEmpty(a.low()), Numbers.formatOrEmpty(a.high()));
            csv.flush();
        });
        return file;
    }
}
