package org.mcsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mcsim.scenario.Scenarios.build;
import static org.mcsim.scenario.Scenarios.errors;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcsim.model.Correlation;

/** Entries of {@code correlations:} and the positive definiteness of the converted matrix. */
class CorrelationsTest {

    private static final String INPUTS = "name: t\nconstants: {k: 1}\ninputs:\n"
        + "  a: {dist: uniform, min: 0, max: 1}\n  b: {dist: uniform, min: 0, max: 1}\n"
        + "  c: {dist: uniform, min: 0, max: 1}\n  z: {dist: constant, value: 1}\nformulas: {f: a}\n"
        + "correlations:\n";

    @TempDir
    Path dir;

    @Test
    void entriesAreKeptInFileOrder() throws Exception {
        List<Correlation> cs = build(dir, INPUTS + "  - {between: [a, b], rank: 0.5}\n  - {between: [c, a], rank: -1e-1}\n")
            .correlations();
        assertEquals(List.of(new Correlation("a", "b", 0.5), new Correlation("c", "a", -0.1)), cs);
    }

    @Test
    void eachEntryIsChecked() {
        assertEquals(List.of(
                "s.yaml:10:19: correlations[0].between: an input cannot be correlated with itself ('a')",
                "s.yaml:11:19: correlations[1].between: 'z' is a constant input; it cannot be correlated",
                "s.yaml:12:19: correlations[2].between: unknown input 'bb'; did you mean 'b'?",
                "s.yaml:13:16: correlations[3].between: 'f' is a formula; correlations are between inputs",
                "s.yaml:14:23: correlations[4].rank: must be between -1 and 1, got 1.5",
                "s.yaml:15:5: correlations[5]: missing key 'rank'",
                "s.yaml:16:6: correlations[6].between: must be a list of two inputs such as [a, b], not a list of 3",
                "s.yaml:17:16: correlations[7].between: 'k' is a constant; correlations are between inputs"),
            errors(dir, INPUTS
                + "  - {between: [a, a], rank: 0.5}\n"
                + "  - {between: [a, z], rank: 0.5}\n"
                + "  - {between: [a, bb], rank: 0.5}\n"
                + "  - {between: [f, a], rank: 0.5}\n"
                + "  - {between: [a, b], rank: 1.5}\n"
                + "  - {between: [a, b]}\n"
                + "  - {between: [a, b, c], rank: 0.1}\n"
                + "  - {between: [k, a], rank: 0.1}\n"));
    }

    @Test
    void pairNamedTwiceInEitherOrderIsAnErrorAtTheLaterEntry() {
        assertEquals(List.of("s.yaml:11:5: correlations[1]: the pair b, a is already given in correlations[0]"),
            errors(dir, INPUTS + "  - {between: [a, b], rank: 0.5}\n  - {between: [b, a], rank: 0.2}\n"));
    }

    @Test
    void targetsThatCannotHoldTogetherAreRefusedNamingThePairs() {
        // a~b and b~c strongly positive with a~c strongly negative: the converted 3x3 matrix has a
        // negative determinant, while the 2x2 block of a and b alone is fine
        assertEquals(List.of("s.yaml:9:1: correlations: the targets cannot hold together (converted by"
                + " r = 2 sin(pi rank / 6), the matrix is not positive definite); pairs involved:"
                + " [a, b] 0.9, [b, c] 0.9, [a, c] -0.9"),
            errors(dir, INPUTS + "  - {between: [a, b], rank: 0.9}\n  - {between: [b, c], rank: 0.9}\n"
                + "  - {between: [a, c], rank: -0.9}\n"));
    }

    @Test
    void perfectRankCorrelationIsSingularAndRefused() {
        assertEquals(List.of("s.yaml:9:1: correlations: the targets cannot hold together (converted by"
                + " r = 2 sin(pi rank / 6), the matrix is not positive definite); pairs involved: [a, b] 1"),
            errors(dir, INPUTS + "  - {between: [a, b], rank: 1}\n"));
    }

    @Test
    void definitenessChecksTheConvertedMatrix() {
        // rank 0.5 converts to r = 2 sin(pi/12) = 0.5176; three equal pairs need r > -1/2, so -0.5 is
        // refused only after conversion (2 sin(-pi/12) = -0.5176 < -0.5)
        assertEquals(null, Definiteness.check(List.of(new Correlation("a", "b", 0.5),
            new Correlation("b", "c", 0.5), new Correlation("a", "c", 0.5))));
        assertEquals("[a, b] -0.5, [b, c] -0.5, [a, c] -0.5", Definiteness.check(List.of(
            new Correlation("a", "b", -0.5), new Correlation("b", "c", -0.5), new Correlation("a", "c", -0.5))));
    }
}
