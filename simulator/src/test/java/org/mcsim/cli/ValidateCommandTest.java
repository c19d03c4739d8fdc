package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    Path dir;

    @Test
    void anInputOrConstantThatNothingUsesIsAWarningAtItsKey() throws java.io.IOException {
        java.nio.file.Path f = Cli.write(dir, "u.yaml", "name: u\nconstants:\n  years: 4\n  spare: 2\ninputs:\n"
            + "  x: {dist: normal, mean: 0, sd: 1}\n  typo: {dist: normal, mean: 0, sd: 1}\n"
            + "  paired: {dist: uniform, min: 0, max: 1}\nformulas:\n  y: x * years\n"
            + "correlations:\n  - {between: [x, paired], rank: 0.3}\n");
        Cli r = Cli.run("validate", f.toString());
        assertEquals(0, r.status, r.toString());
        assertEquals("ok u\n", r.out);
        assertEquals(f + ":4:3: warning: constant spare is not used by any formula or claim\n"
            + f + ":7:3: warning: input typo is not used by any formula, output, claim or correlation\n", r.err);
        Cli run = Cli.run("run", f.toString(), "-n", "1000", "-o", dir.resolve("out").toString(), "--quiet");
        assertEquals(0, run.status, run.toString());
        assertTrue(run.err.startsWith(f + ":4:3: warning: constant spare"), run.err);
    }

    @Test
    void validFilePrintsOkName() throws IOException {
        Path f = Cli.write(dir, "demo.yaml", RunCommandTest.MODEL);
        Cli r = Cli.run("validate", f.toString());
        assertEquals(0, r.status, r.toString());
        assertEquals("ok demo\n", r.out);
    }

    @Test
    void everyProblemIsReportedAtItsPositionWithoutStackTrace() throws IOException {
        Path f = Cli.write(dir, "bad.yaml", """
            name: bad
            inptus: {}
            inputs:
              x: {dist: normal, mean: 0, sd: -1}
            formulas:
              y: x + zz
            """);
        Cli r = Cli.run("validate", f.toString());
        assertEquals(1, r.status, r.toString());
        String[] lines = r.err.split("\n");
        assertEquals(3, lines.length, r.err);
        assertTrue(lines[0].startsWith(f + ":2:1: "), lines[0]);
        assertTrue(lines[0].contains("inputs"), "suggests the nearest key: " + lines[0]);
        assertTrue(lines[1].startsWith(f + ":4:"), lines[1]);
        assertTrue(lines[1].contains("x.sd"), lines[1]);
        assertTrue(lines[2].startsWith(f + ":6:"), lines[2]);
        assertFalse(r.err.contains("Exception"), r.err);
        assertFalse(r.err.contains("\tat "), r.err);
    }

    @Test
    void oneBadFileAmongSeveralExitsOneAndStillChecksTheOthers() throws IOException {
        Path good = Cli.write(dir, "demo.yaml", RunCommandTest.MODEL);
        Path bad = Cli.write(dir, "bad.yaml", "");
        Cli r = Cli.run("validate", bad.toString(), good.toString());
        assertEquals(1, r.status);
        assertTrue(r.err.startsWith(bad + ":1:1: "), r.err);
        assertEquals("ok demo\n", r.out);
    }

    @Test
    void helpAndVersion() {
        Cli help = Cli.run("--help");
        assertEquals(0, help.status);
        assertTrue(help.out.contains("run"), help.out);
        Cli version = Cli.run("--version");
        assertEquals(0, version.status);
        assertTrue(version.out.startsWith("mcsim "), version.out);
        assertEquals(2, Cli.run().status, "a command is required");
    }

    @Test
    void everyCommandHasHelpWithAnExample() {
        for (String command : new String[] {"run", "validate", "describe", "compare", "report", "sensitivity",
            "sweep", "solve"}) {
            Cli help = Cli.run(command, "--help");
            assertEquals(0, help.status, command);
            assertTrue(help.out.contains("Example:") && help.out.contains("  mcsim " + command + " "),
                command + " --help shows an example:\n" + help.out);
            assertTrue(Cli.run("--help").out.contains("  " + command + " "), command + " is listed");
        }
    }
}
