package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Overflow to infinity and 0/0 stop the run at the first such sample in sample order, with the
 * inputs involved, the same for any thread count (scenario-format.md, Errors); NaN from a log
 * of a negative number is covered by RunCommandTest.
 */
class NonFiniteTest {

    @TempDir
    Path dir;

    private Cli run(String formulaAndClaims, int threads) throws IOException {
        Path f = Cli.write(dir, "s.yaml", "name: s\nsettings: {samples: 50000, seed: 3}\ninputs:\n"
            + "  x: {dist: uniform, min: 0, max: 800}\n  z: {dist: discrete, values: [0, 1], weights: [1, 3]}\n"
            + "  unused: {dist: normal, mean: 0, sd: 1}\n" + formulaAndClaims);
        return Cli.run("run", f.toString(), "-o", dir.resolve("out").toString(), "--threads",
            Integer.toString(threads), "--quiet");
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 4})
    void overflowToInfinityShowsTheSampleAndItsInputs(int threads) throws IOException {
        Cli r = run("formulas:\n  big: exp(x)\n", threads);
        assertEquals(1, r.status, r.toString());
        // exp overflows above ln(Double.MAX_VALUE) = 709.78, i.e. for about 11% of the samples
        // z and unused are used by no formula here: their warnings come first
        assertTrue(r.err.matches("(?s)(?:[^\n]*: warning: [^\n]*\n)*"
            + dir.resolve("s.yaml").toString().replace("\\", "\\\\")
            + ": formula big is Infinity at sample \\d+: x = 7(09\\.[89]|[1-9]\\d)[0-9.E]*\\n"), r.err);
        assertFalse(r.err.substring(r.err.indexOf(": formula big")).contains("unused"), r.err);
        assertFalse(Files.exists(dir.resolve("out").resolve("s")));
        assertEquals(r.err, run("formulas:\n  big: exp(x)\n", 5 - threads).err, "same sample for 1 and 4 threads");
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 4})
    void zeroOverZeroInAClaimShowsTheSampleAndItsInputs(int threads) throws IOException {
        Cli r = run("claims:\n  odd: z / z > 0\n", threads);
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.matches("(?s).*s\\.yaml: claim odd is NaN at sample \\d+: z = 0(\\.0)?\\n"), r.err);
        assertFalse(Files.exists(dir.resolve("out").resolve("s")));
        assertEquals(r.err, run("claims:\n  odd: z / z > 0\n", 5 - threads).err, "same sample for 1 and 4 threads");
    }
}
