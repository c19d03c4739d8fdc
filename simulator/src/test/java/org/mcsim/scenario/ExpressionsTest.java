package org.mcsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mcsim.scenario.Scenarios.HEAD;
import static org.mcsim.scenario.Scenarios.build;
import static org.mcsim.scenario.Scenarios.errors;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcsim.model.Scenario;

/** Formulas and claims: parse errors placed in the file, names, cycles, evaluation order. */
class ExpressionsTest {

    @TempDir
    Path dir;

    @Test
    void evaluationOrderIsTopologicalWithTiesInFileOrder() throws Exception {
        Scenario s = build(dir, HEAD + "formulas:\n  c: b + a\n  b: a * 2\n  d: x\n  a: x + 1\n");
        assertEquals(List.of("d", "a", "b", "c"), s.evaluationOrder());
        assertEquals(List.of("c", "b", "d", "a"), s.formulas().stream().map(f -> f.name()).toList());
    }

    @Test
    void textIsKeptTrimmedAsWritten() throws Exception {
        Scenario s = build(dir, HEAD + "formulas:\n  f: |\n    x +\n      1\nclaims:\n  \"big.1\": '  x > 1 '\n");
        assertEquals("x +\n  1", s.formulas().get(0).text());
        assertEquals("x > 1", s.claims().get(0).text());
        assertEquals("big.1", s.claims().get(0).name());
    }

    @Test
    void parseErrorInAPlainScalarIsAtItsToken() {
        // "  f: x + * 2": the scalar starts at column 6, '*' is at offset 4
        List<String> e = errors(dir, HEAD + "formulas:\n  f: x + ) 2\n");
        assertEquals(1, e.size());
        assertEquals(true, e.get(0).startsWith("s.yaml:5:10: formula f: "), e.get(0));
    }

    @Test
    void errorInAQuotedScalarCountsTheQuote() {
        List<String> e = errors(dir, HEAD + "formulas:\n  f: \"x + ) 2\"\n");
        assertEquals(true, e.get(0).startsWith("s.yaml:5:11: formula f: "), e.get(0));
        e = errors(dir, HEAD + "formulas:\n  f: 'é + ) 2'\n");
        assertEquals(true, e.get(0).startsWith("s.yaml:5:"), e.get(0));
    }

    @Test
    void unknownNameSuggestsTheNearestAtItsPosition() {
        assertEquals(List.of("s.yaml:5:14: formula f: unknown name 'capx'; did you mean 'capex'?"),
            errors(dir, HEAD + "formulas:\n  f: 2 * x + capx\n  capex: x\n"));
        assertEquals(List.of("s.yaml:5:10: claim c: unknown name 'xx'; did you mean 'x'?"),
            errors(dir, HEAD + "claims:\n  c: x > xx\n"));
    }

    @Test
    void errorInALiteralBlockIsFoundByWalkingTheText() {
        assertEquals(List.of("s.yaml:7:7: formula f: unknown name 'zz'"),
            errors(dir, HEAD + "formulas:\n  f: |\n    x +\n      zz\n"));
    }

    @Test
    void errorInAFoldedBlockFallsBackToTheScalarStart() {
        assertEquals(List.of("s.yaml:5:6: formula f: unknown name 'zz'"),
            errors(dir, HEAD + "formulas:\n  f: >\n    x +\n    zz\n"));
    }

    @Test
    void cycleIsReportedOnceWithItsNamesInOrder() {
        assertEquals(List.of("s.yaml:5:3: formula a: cycle a -> b -> c -> a"),
            errors(dir, HEAD + "formulas:\n  a: b + 1\n  b: c * 2\n  c: a + x\n  d: a\n"));
        assertEquals(List.of("s.yaml:5:3: formula s: cycle s -> s"), errors(dir, HEAD + "formulas:\n  s: s + 1\n"));
    }

    @Test
    void cycleStartsAtItsEarliestFormulaAndSeveralAreReported() {
        assertEquals(List.of("s.yaml:6:3: formula b: cycle b -> c -> b",
                "s.yaml:8:3: formula e: cycle e -> f -> e"),
            errors(dir, HEAD + "formulas:\n  a: c\n  b: c\n  c: b\n  e: f\n  f: e\n"));
    }

    @Test
    void cyclesAreReportedBesideOtherErrors() {
        assertEquals(List.of("s.yaml:5:3: formula a: cycle a -> b -> a",
                "s.yaml:6:10: formula b: unknown name 'q'"),
            errors(dir, HEAD + "formulas:\n  a: b\n  b: a + q\n"));
    }

    @Test
    void formulaMustBeAScalar() {
        assertEquals(List.of("s.yaml:5:3: formula f: must be an expression, not a list (quote an expression"
                + " that starts with !, *, &, [ or {, or contains ' #')"),
            errors(dir, HEAD + "formulas:\n  f: [x]\n"));
        assertEquals(List.of("s.yaml:5:3: claim c: must be an expression, not nothing (quote an expression"
                + " that starts with !, *, &, [ or {, or contains ' #')"),
            errors(dir, HEAD + "claims:\n  c:\n"));
    }

    @Test
    void claimNamesFollowTheirRule() {
        assertEquals(List.of("s.yaml:5:3: claims: '-x' is not a valid name; names match [A-Za-z0-9_][A-Za-z0-9_.-]*"),
            errors(dir, HEAD + "claims:\n  -x: x > 1\n"));
    }

    @Test
    void namesMayBeConstantsInputsOrFormulas() throws Exception {
        Scenario s = build(dir, HEAD + "constants: {pi: 3.14159}\nformulas:\n  f: pi * x\nclaims:\n  c: f > pi\n");
        assertEquals("f > pi", s.claims().get(0).text());
    }
}
