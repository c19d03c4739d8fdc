package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescribeCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsInputsWithExactQuantilesFormulasWithTheirNamesAndClaims() throws IOException {
        Path f = Cli.write(dir, "demo.yaml", RunCommandTest.MODEL);
        Cli r = Cli.run("describe", f.toString());
        assertEquals(0, r.status, r.toString());
        // a ~ normal(10, 1): mean 10, p5 = 10 - 1.6449 = 8.355, p95 = 11.64
        assertTrue(r.out.contains("a [USD]"), r.out);
        assertTrue(r.out.matches("(?s).*a \\[USD\\]\\s+10\\.00\\s+8\\.355\\s+10\\.00\\s+11\\.64.*"), r.out);
        assertTrue(r.out.contains("normal(mean=10, sd=1)"), r.out);
        assertTrue(r.out.contains("source: textbook"), r.out);
        // formulas in evaluation order: s before ratio, with the names each uses
        assertTrue(r.out.indexOf("s              = a + k") < r.out.indexOf("ratio          = s / b"), r.out);
        assertTrue(r.out.contains("uses: s, b"), r.out);
        assertTrue(r.out.contains("big            ratio >= 6"), r.out);
    }

    @Test
    void setAppliesAndBadFilesExitOne() throws IOException {
        Path f = Cli.write(dir, "demo.yaml", RunCommandTest.MODEL);
        Cli r = Cli.run("describe", f.toString(), "--set", "a.mean=20");
        assertTrue(r.out.contains("normal(mean=20, sd=1)"), r.out);
        Path bad = Cli.write(dir, "bad.yaml", "name: x\n");
        assertEquals(1, Cli.run("describe", bad.toString()).status);
    }
}
