package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcsim.sensitivity.SweepAxis;

/**
 * Valid scenarios at the edges of the double range give a result, with what cannot be a finite
 * double left empty and said plainly, or a clear refusal; never an internal error.
 */
class ExtremeValuesTest {

    @TempDir
    Path dir;

    private Cli run(String inputs, String formulas, String... flags) throws IOException {
        Path f = Cli.write(dir, "s.yaml", "name: s\ninputs:\n" + inputs + "formulas:\n" + formulas);
        String[] args = {"run", f.toString(), "-o", dir.resolve("out").toString(), "--quiet"};
        String[] all = Arrays.copyOf(args, args.length + flags.length);
        System.arraycopy(flags, 0, all, args.length, flags.length);
        return Cli.run(all);
    }

    private String summaryRow(String variable, String statistic) throws IOException {
        return Cli.read(dir.resolve("out/s/summary.csv")).lines()
            .filter(l -> l.startsWith(variable + ",") && l.split(",", -1)[2].equals(statistic))
            .findFirst().orElseThrow();
    }

    @Test
    void oneSampleRunsWithTheSdAndEveryIntervalEmpty() throws IOException {
        Cli r = run("  x: {dist: normal, mean: 0, sd: 1}\n", "  y: x * 2\n", "-n", "1");
        assertEquals(0, r.status, r.toString());
        assertEquals("y,formula,sd,,,", summaryRow("y", "sd"));
        assertTrue(summaryRow("y", "mean").matches("y,formula,mean,-?[0-9.E-]+,,"), summaryRow("y", "mean"));
        assertFalse(r.err.contains("internal error"), r.err);
    }

    @Test
    void anOutputNear1e200KeepsItsMeanAndQuantilesAndSaysItsSdOverflows() throws IOException {
        // The sum of squared deviations of values near 1e200 is beyond the double range.
        Cli r = run("  x: {dist: normal, mean: 0, sd: 1}\n", "  y: x * 1e200\n", "-n", "1000");
        assertEquals(0, r.status, r.toString());
        assertEquals("y,formula,sd,,,", summaryRow("y", "sd"));
        assertTrue(summaryRow("y", "p50").matches("y,formula,p50,[-0-9.E]+,[-0-9.E]+,[-0-9.E]+"),
            summaryRow("y", "p50"));
        assertTrue(r.err.contains("warning: y: sd not representable as a finite double (the values reach "), r.err);
        assertTrue(Cli.read(dir.resolve("out/s/run.json")).contains("y: sd not representable"));
    }

    @Test
    void aConstantOf1e200HasSdZero() throws IOException {
        Cli r = run("  x: {dist: constant, value: 1e200}\n  u: {dist: uniform, min: 0, max: 1}\n",
            "  y: x + u\n", "-n", "1000");
        assertEquals(0, r.status, r.toString());
        assertEquals("x,input,sd,0.0,,", summaryRow("x", "sd"));
        assertEquals("y,formula,sd,0.0,,", summaryRow("y", "sd"));
    }

    @Test
    void aLognormalWithMu700Runs() throws IOException {
        Cli r = run("  x: {dist: lognormal, mu: 700, sigma: 1}\n", "  y: x / 2\n", "-n", "1000");
        assertEquals(0, r.status, r.toString());
        assertEquals("y,formula,sd,,,", summaryRow("y", "sd"));
        assertFalse(r.err.contains("internal error"), r.err);
    }

    @Test
    void aConfidenceThatRoundsTo1IsRefusedAtItsPosition() throws IOException {
        Path f = Cli.write(dir, "c.yaml", "name: c\nsettings: {confidence: 0.9999999999999999}\n"
            + "inputs:\n  x: {dist: normal, mean: 0, sd: 1}\n");
        Cli r = Cli.run("run", f.toString(), "-o", dir.resolve("out").toString(), "--quiet");
        assertEquals(1, r.status, r.toString());
        assertEquals(f + ":2:12: settings.confidence: must be at most 1 - 1e-12 (the intervals' quantiles are "
            + "not finite doubles closer to 1), got 0.9999999999999999\n", r.err);
    }

    @Test
    void theHighestConfidenceAllowedGivesFiniteIntervals() throws IOException {
        Path f = Cli.write(dir, "c.yaml", "name: s\nsettings: {confidence: 0.999999999999}\n"
            + "inputs:\n  x: {dist: normal, mean: 0, sd: 1}\n");
        for (String method : new String[] {"random", "lhs", "sobol"}) {
            Cli r = Cli.run("run", f.toString(), "-o", dir.resolve("out").toString(), "--quiet", "-n", "20480",
                "--method", method);
            assertEquals(0, r.status, method + ": " + r);
            assertTrue(summaryRow("x", "mean").matches("x,input,mean,[-0-9.E]+,[-0-9.E]+,[-0-9.E]+"), method);
        }
    }

    @Test
    void aSweepAxisAcrossTheWholeDoubleRangeHasFinitePoints() {
        SweepAxis axis = SweepAxis.parse("x.min=-1e308:1e308:3");
        assertEquals(-1e308, axis.value(0));
        assertEquals(0.0, axis.value(1));
        assertEquals(1e308, axis.value(2));
        SweepAxis quarters = SweepAxis.parse("x.min=-1e308:1e308:5");
        assertEquals(-5e307, quarters.value(1));
        assertEquals(5e307, quarters.value(3));
    }

    @Test
    void aSweepThatReachesAnInvalidPointSaysWhichAndWhy() throws IOException {
        Path f = Cli.write(dir, "u.yaml", "name: u\ninputs:\n  x: {dist: uniform, min: -1e300, max: 1e300}\n");
        Cli r = Cli.run("sweep", f.toString(), "--vary", "x.min=-1e308:1e308:3", "-n", "100", "-o",
            dir.resolve("out").toString(), "--quiet");
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.startsWith(f + ": at x.min=1.0E308: " + f + ":3:35: x.max: must be greater than min"), r.err);
    }

    @Test
    void aFlatSumOfTwentyThousandTermsValidatesAndRuns() throws IOException {
        // A chain of + is flat, not nested: it is not refused as "nested too deeply".
        String sum = "x" + " + x".repeat(19_999);
        Cli r = run("  x: {dist: uniform, min: 1, max: 2}\n", "  y: " + sum + "\n  z: x * 20000\n",
            "-n", "2000");
        assertEquals(0, r.status, r.toString());
        double y = Double.parseDouble(summaryRow("y", "mean").split(",")[3]);
        double z = Double.parseDouble(summaryRow("z", "mean").split(",")[3]);
        // the same values but for the rounding of 20,000 additions (relative 20000 * 2^-53)
        assertEquals(z, y, z * 1e-11);
    }
}
