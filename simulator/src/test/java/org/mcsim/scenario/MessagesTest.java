package org.mcsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mcsim.scenario.Scenarios.errors;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages for common slips say what was meant, not the nearest spelling. */
class MessagesTest {

    @TempDir
    Path dir;

    @Test
    void lnSuggestsLogNotMin() {
        assertEquals(List.of("s.yaml:5:6: formula y: unknown function 'ln'; did you mean 'log'?"),
            errors(dir, "name: t\ninputs:\n  b: {dist: uniform, min: 1, max: 2}\nformulas:\n  y: ln(b)\n"));
    }

    @Test
    void aMagnitudeSuffixSaysHowToWriteThePowerOfTen() {
        assertEquals(List.of("s.yaml:5:10: formula y: malformed number '100M'; suffixes are not numbers: write 100e6 "
                + "(or 100 * NAME for a name)"),
            errors(dir, "name: t\ninputs:\n  b: {dist: uniform, min: 1, max: 2}\nformulas:\n  y: b * 100M\n"));
    }

    @Test
    void aParameterOfAnotherFamilySaysWhatThisOneTakes() {
        assertEquals(List.of("s.yaml:3:3: b: missing parameters; lognormal takes mu, sigma or mean, sd or low, high",
                "s.yaml:3:24: b: lognormal has no parameter 'min'; lognormal takes mu, sigma or mean, sd or low, high "
                    + "(to bound it, add truncate: [lo, hi])",
                "s.yaml:3:32: b: lognormal has no parameter 'max'; lognormal takes mu, sigma or mean, sd or low, high "
                    + "(to bound it, add truncate: [lo, hi])"),
            errors(dir, "name: t\ninputs:\n  b: {dist: lognormal, min: 1, max: 2}\n"));
        assertEquals("s.yaml:3:19: b: beta has no parameter 'mean'; beta takes alpha, beta",
            errors(dir, "name: t\ninputs:\n  b: {dist: beta, mean: 0.5, alpha: 2, beta: 2}\n").get(0));
    }

    @Test
    void aThousandsCommaInAFlowMapIsExplained() {
        assertEquals(List.of("s.yaml:3:30: b: '000' looks like the rest of a number written with a thousands comma: "
                + "in a {...} map a comma separates entries, so write the number as 20000 or 20_000"),
            errors(dir, "name: t\ninputs:\n  b: {dist: uniform, min: 20,000, max: 30000}\n"));
    }

    @Test
    void anUnquotedClaimStartingWithBangSaysToQuoteIt() {
        List<String> e = errors(dir, "name: t\ninputs:\n  b: {dist: normal, mean: 0, sd: 1}\nclaims:\n  neg: !(b > 0)\n");
        assertEquals(1, e.size(), e.toString());
        assertEquals(true, e.get(0).startsWith("s.yaml:5:") && e.get(0).endsWith(
            "; a formula or claim that starts with '!' must be quoted, as in \"!(b > 0)\""), e.get(0));
    }
}
