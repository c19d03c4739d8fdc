package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several scenarios in one call: the bad ones are reported, the others finish, a summary ends. */
class BatchTest {

    @TempDir
    Path dir;

    private Path scenario(String name, String formula) throws IOException {
        return Cli.write(dir, name + ".yaml", "name: " + name + "\nsettings: {samples: 3000}\n"
            + "inputs:\n  x: {dist: uniform, min: -1, max: 1}\nformulas:\n  f: " + formula + "\n");
    }

    @Test
    void runFinishesTheGoodOnesAndSummarizesTheFailedInCommandLineOrder() throws IOException {
        Path a = scenario("a", "x + 1");
        Path invalid = Cli.write(dir, "invalid.yaml", "name: invalid\ninputs:\n  x: {dist: normal, mean: 0, sd: -1}\n");
        Path b = scenario("b", "x * 2");
        Path nan = scenario("nan", "sqrt(x)");
        Path c = scenario("c", "x - 1");
        Path out = dir.resolve("out");
        Cli r = Cli.run("run", a.toString(), invalid.toString(), b.toString(), nan.toString(), c.toString(),
            "-o", out.toString(), "--quiet");
        assertEquals(1, r.status, r.toString());
        for (String done : new String[] {"a", "b", "c"}) {
            assertTrue(Files.exists(out.resolve(done).resolve("summary.csv")), done + " finished: " + r);
        }
        assertFalse(Files.exists(out.resolve("nan")));
        assertTrue(r.err.contains(invalid + ":3:30: x.sd: must be positive, got -1"), r.err);
        assertTrue(r.err.contains(nan + ": formula f is NaN at sample "), r.err);
        assertTrue(r.err.endsWith("2 of 5 scenarios failed: " + invalid + ", " + nan + "\n"), r.err);
    }

    @Test
    void twoScenariosWithOneNameFailAloneAndTheOthersRun() throws IOException {
        Path a = scenario("a", "x + 1");
        Path twin = Cli.write(dir, "twin.yaml", "name: a\ninputs:\n  x: {dist: uniform, min: 0, max: 1}\n");
        Path b = scenario("b", "x * 2");
        Path out = dir.resolve("out");
        Cli r = Cli.run("run", a.toString(), twin.toString(), b.toString(), "-o", out.toString(), "--quiet");
        assertEquals(1, r.status, r.toString());
        assertTrue(Files.exists(out.resolve("b/summary.csv")), r.toString());
        assertFalse(Files.exists(out.resolve("a")));
        assertTrue(r.err.contains(twin + ": scenario name 'a' is also the name of " + a + "; both would write the "
            + "same folder (give each a name of its own in its name: field); not run"), r.err);
        assertTrue(r.err.endsWith("2 of 3 scenarios failed: " + a + ", " + twin + "\n"), r.err);
    }

    @Test
    void aBadFlagIsOneLineAndAHintNotTheUsage() {
        Cli r = Cli.run("run", "--bogus", "x.yaml");
        assertEquals(2, r.status);
        assertEquals("Unknown option: '--bogus'\nTry 'mcsim run --help' for more information.\n", r.err);
    }

    @Test
    void debugPrintsTheStackTraceOfTheFailureItself() throws IOException {
        Path nan = scenario("nan", "sqrt(x)");
        Cli r = Cli.run("run", nan.toString(), "-o", dir.resolve("out").toString(), "--quiet", "--debug");
        assertEquals(1, r.status);
        assertTrue(r.err.contains("org.mcsim.engine.RunFailedException: formula f is NaN at sample"), r.err);
        assertFalse(r.err.contains("stack trace (--debug)"), r.err);
    }

    @Test
    void validateSummarizesTheInvalidFiles() throws IOException {
        Path a = scenario("a", "x + 1");
        Path bad = scenario("bad", "x + zz");
        Path missing = dir.resolve("missing.yaml");
        Cli r = Cli.run("validate", a.toString(), bad.toString(), missing.toString());
        assertEquals(1, r.status, r.toString());
        assertEquals("ok a\n", r.out);
        assertTrue(r.err.endsWith("2 of 3 scenarios failed: " + bad + ", " + missing + "\n"), r.err);
    }

    @Test
    void aSingleFailedFileHasNoSummaryAndSuccessHasNone() throws IOException {
        Path bad = scenario("bad", "x + zz");
        Cli one = Cli.run("validate", bad.toString());
        assertEquals(1, one.status);
        assertFalse(one.err.contains("scenarios failed"), one.err);
        Cli ok = Cli.run("validate", scenario("a", "x").toString(), scenario("b", "x").toString());
        assertEquals(0, ok.status);
        assertEquals("", ok.err);
    }
}
