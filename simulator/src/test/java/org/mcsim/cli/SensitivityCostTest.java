package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A large sensitivity design says what it will cost before it runs. */
class SensitivityCostTest {

    @TempDir
    Path dir;

    @Test
    void aDesignOfMoreThan200RunsIsAnnouncedWithItsCost() throws IOException {
        StringBuilder y = new StringBuilder("name: wide\ninputs:\n");
        StringBuilder sum = new StringBuilder();
        for (int i = 0; i < 201; i++) {
            y.append("  x").append(i).append(": {dist: uniform, min: 0, max: 1}\n");
            sum.append(i == 0 ? "" : " + ").append('x').append(i);
        }
        y.append("formulas:\n  y: ").append(sum).append('\n');
        Path f = Cli.write(dir, "wide.yaml", y.toString());
        String out = dir.resolve("out").toString();
        Cli r = Cli.run("sensitivity", f.toString(), "--output", "y", "-n", "20", "-o", out, "--quiet");
        assertEquals(0, r.status, r.toString());
        assertTrue(r.err.startsWith(f + ": note: the Sobol design of 201 uncertain inputs at N = 20 is 204 runs of 20 "
            + "samples (8.2e+05 input values); --indices rank or tornado is 1 run, a smaller -n is cheaper"), r.err);
        Cli rank = Cli.run("sensitivity", f.toString(), "--output", "y", "-n", "20", "-o", out, "--quiet",
            "--indices", "rank");
        assertFalse(rank.err.contains("note:"), rank.err);
    }
}
