package org.mcsim.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.mcsim.engine.Estimate;
import org.mcsim.engine.Plan;
import org.mcsim.engine.RunFailedException;
import org.mcsim.model.Scenario;
import org.mcsim.stats.Interval;
import org.mcsim.stats.Intervals;

/**
 * {@code sensitivity --claim}: the indices of a claim's indicator must be those of the same
 * indicator written by hand as a formula, and must match closed forms. Tolerances are five
 * standard errors read from each interval (half-width / z(0.975)).
 */
class ClaimSensitivityTest {

    private static InputIndices row(SensitivityResult r, String input) {
        return r.inputs().stream().filter(i -> i.input().equals(input)).findFirst().orElseThrow();
    }

    private static void assertWithin(double expected, Estimate e, String what) {
        double se = (e.high() - e.low()) / (2 * Intervals.z(0.95));
        assertTrue(se > 0 && se < 0.05, what + ": se " + se);
        assertEquals(expected, e.value(), 5 * se, what + " " + e);
    }

    /** A claim through a formula and a constant, beside the same test written as a formula. */
    static final String BY_HAND = """
        name: byhand
        settings: {seed: 11, method: %s}
        constants: {t: 1}
        inputs:
          x: {dist: normal, mean: 0, sd: 1}
          y: {dist: normal, mean: 0, sd: 2}
          z: {dist: uniform, min: 0, max: 1}
          k: {dist: constant, value: 3}
        formulas:
          s: x + y
          hit: s > t && z < 0.9
        claims:
          c: s > t && z < 0.9
        """;

    /**
     * Every index of {@code --claim c} equals that of the formula {@code hit}, written with the
     * claim's own expression: the same rows in the same order, the same Sobol and rank estimates
     * and intervals to the bit. The tornado's ends are the same proportions (to rounding: the
     * formula's are means of 0/1 values) with Wilson's interval instead of Student's.
     */
    @Test
    void theClaimGivesTheIndicesOfItsIndicatorWrittenAsAFormula() throws Exception {
        for (String method : List.of("random", "lhs", "sobol")) {
            Plan plan = Plan.of(SensitivityAnalysisTest.scenario(BY_HAND.formatted(method)));
            SensitivityResult byHand = SensitivityAnalysis.run(plan, "hit", Indices.ALL, 4000, 2);
            SensitivityResult claim = SensitivityAnalysis.runClaim(plan, "c", Indices.ALL, 4000, 2);
            assertEquals("P(c)", claim.output());
            assertEquals("c", claim.claim());
            assertEquals(byHand.evaluations(), claim.evaluations());
            assertEquals(byHand.mean(), claim.mean(), 1e-15, method);
            assertEquals(byHand.inputs().stream().map(InputIndices::input).toList(),
                claim.inputs().stream().map(InputIndices::input).toList(), method);
            for (int i = 0; i < claim.inputs().size(); i++) {
                InputIndices h = byHand.inputs().get(i);
                InputIndices c = claim.inputs().get(i);
                String what = method + " " + c.input();
                assertEquals(h.sobolFirst(), c.sobolFirst(), what);
                assertEquals(h.sobolTotal(), c.sobolTotal(), what);
                assertEquals(h.rankCorrelation(), c.rankCorrelation(), what);
                assertEquals(h.meanLow().value(), c.meanLow().value(), 1e-12, what);
                assertEquals(h.meanHigh().value(), c.meanHigh().value(), 1e-12, what);
                assertWilson(c.meanLow(), 4000, what);
                assertWilson(c.meanHigh(), 4000, what);
            }
        }
    }

    /** The interval is Wilson's for the proportion over a tenth of n samples (no ties here). */
    private static void assertWilson(Estimate e, int n, String what) {
        long tail = 400;
        long hits = Math.round(e.value() * tail);
        assertEquals((double) hits / tail, e.value(), 0, what + ": a proportion of the tail's " + tail);
        Interval w = Intervals.wilson(hits, tail, 0.95);
        assertEquals(w.low(), e.low(), 0, what);
        assertEquals(w.high(), e.high(), 0, what);
    }

    /**
     * x, y independent uniforms on (0, 1), claim x + y > 1: P = 1/2, V = 1/4; E[I | x] = x has
     * variance 1/12, so S_x = S_y = 1/3, and ST_x = 1 − S_y = 2/3. The tornado's ends are
     * E[x | x ≤ 0.1] = 0.05 and E[x | x ≥ 0.9] = 0.95. A third input w is irrelevant: 0.
     */
    @Test
    void theSumOfTwoUniformsAboveOneHasItsClosedFormIndices() throws Exception {
        Scenario s = SensitivityAnalysisTest.scenario("""
            name: uniforms
            settings: {seed: 3}
            inputs:
              x: {dist: uniform, min: 0, max: 1}
              y: {dist: uniform, min: 0, max: 1}
              w: {dist: uniform, min: 0, max: 1}
            claims:
              above: x + y > 1
            """);
        SensitivityResult r = SensitivityAnalysis.runClaim(Plan.of(s), "above", Indices.ALL, 20_000, 2);
        assertEquals(0.5, r.mean(), 0.02);
        for (String in : List.of("x", "y")) {
            assertWithin(1 / 3.0, row(r, in).sobolFirst(), "S_" + in);
            assertWithin(2 / 3.0, row(r, in).sobolTotal(), "ST_" + in);
            assertWithin(0.05, row(r, in).meanLow(), "P low " + in);
            assertWithin(0.95, row(r, in).meanHigh(), "P high " + in);
        }
        assertEquals(0, row(r, "w").sobolFirst().value(), 0, "w never changes the indicator: S is exactly 0");
        assertEquals(0, row(r, "w").sobolTotal().value(), 0, "and so is ST");
        assertEquals("w", r.inputs().get(2).input(), "the irrelevant input last");
    }

    /**
     * x ~ N(0, 1), y ~ N(0, 2²), claim x + y > 1. With Φ the standard normal cdf:
     * P = 1 − Φ(1/√5); E[I | x] = Φ((x − 1)/2), E[I | y] = Φ(y − 1);
     * S_x = Var(E[I | x]) / V, ST_x = E[Var(I | y)] / V = E[q(1 − q)] / V with q = Φ(y − 1).
     * The expectations are integrals over a normal density, computed here by Simpson's rule on
     * ±12 sd with 24,000 intervals (error far below 1e-9).
     */
    @Test
    void aSumOfNormalsAboveAThresholdMatchesTheIntegratedIndices() throws Exception {
        Scenario s = SensitivityAnalysisTest.scenario("""
            name: normals
            settings: {seed: 9}
            constants: {t: 1}
            inputs:
              x: {dist: normal, mean: 0, sd: 1}
              y: {dist: normal, mean: 0, sd: 2}
            claims:
              over: x + y > t
            """);
        NormalDistribution phi = NormalDistribution.of(0, 1);
        double p = phi.survivalProbability(1 / Math.sqrt(5));
        double v = p * (1 - p);
        double ex2 = integrate(u -> Math.pow(phi.cumulativeProbability((u - 1) / 2), 2) * phi.density(u));
        double ey2 = integrate(u -> Math.pow(phi.cumulativeProbability(2 * u - 1), 2) * phi.density(u));
        double sx = (ex2 - p * p) / v;
        double sy = (ey2 - p * p) / v;
        double stx = integrate(u -> {
            double q = phi.cumulativeProbability(2 * u - 1);
            return q * (1 - q) * phi.density(u);
        }) / v;
        double sty = integrate(u -> {
            double q = phi.cumulativeProbability((u - 1) / 2);
            return q * (1 - q) * phi.density(u);
        }) / v;
        SensitivityResult r = SensitivityAnalysis.runClaim(Plan.of(s), "over", Indices.ALL, 20_000, 2);
        assertEquals(p, r.mean(), 5 * Math.sqrt(v / 20_000));
        assertWithin(sx, row(r, "x").sobolFirst(), "S_x");
        assertWithin(sy, row(r, "y").sobolFirst(), "S_y");
        assertWithin(stx, row(r, "x").sobolTotal(), "ST_x");
        assertWithin(sty, row(r, "y").sobolTotal(), "ST_y");
        assertEquals("y", r.inputs().get(0).input(), "y, with four times the variance, drives the claim");
        assertTrue(sx > 0.1 && sx < stx && sy > sx && sty > sy, sx + " " + stx + " " + sy + " " + sty);
    }

    /** Simpson's rule for ∫ f(u) du over [−12, 12], the integrand holding a standard normal density. */
    private static double integrate(java.util.function.DoubleUnaryOperator f) {
        int m = 24_000;
        double a = -12;
        double h = 24.0 / m;
        double sum = f.applyAsDouble(a) + f.applyAsDouble(12);
        for (int i = 1; i < m; i++) {
            sum += (i % 2 == 0 ? 2 : 4) * f.applyAsDouble(a + i * h);
        }
        return sum * h / 3;
    }

    /**
     * Where a tail never holds the claim, the formula's Student interval is the point [0, 0];
     * the claim's Wilson interval keeps a width that reflects the tail's n.
     */
    @Test
    void aTailThatNeverHoldsTheClaimStillHasAnInterval() throws Exception {
        Scenario s = SensitivityAnalysisTest.scenario("""
            name: tail
            settings: {seed: 4}
            inputs:
              x: {dist: uniform, min: 0, max: 1}
              y: {dist: uniform, min: 0, max: 1}
            formulas:
              hit: x > 0.5 && y > 0.5
            claims:
              both: x > 0.5 && y > 0.5
            """);
        Plan plan = Plan.of(s);
        InputIndices byHand = row(SensitivityAnalysis.run(plan, "hit", Indices.TORNADO, 5000, 1), "x");
        InputIndices claim = row(SensitivityAnalysis.runClaim(plan, "both", Indices.TORNADO, 5000, 1), "x");
        assertEquals(new Estimate(0, 0, 0), byHand.meanLow());
        assertEquals(0, claim.meanLow().value());
        assertEquals(0, claim.meanLow().low());
        assertEquals(Intervals.wilson(0, 500, 0.95).high(), claim.meanLow().high(), 0);
        assertTrue(claim.meanLow().high() > 0.005, claim.meanLow().toString());
    }

    @Test
    void aClaimThatAlwaysOrNeverHoldsIsRefused() throws Exception {
        Scenario s = SensitivityAnalysisTest.scenario("""
            name: sure
            constants: {t: 2}
            inputs:
              x: {dist: uniform, min: 0, max: 1}
            claims:
              always: x < 5
              never: x > 5
              fixed: t > 1
            """);
        Plan plan = Plan.of(s);
        RunFailedException e = assertThrows(RunFailedException.class,
            () -> SensitivityAnalysis.runClaim(plan, "always", Indices.ALL, 500, 1));
        assertEquals("claim always holds in every sample; what moves its probability is undefined", e.getMessage());
        e = assertThrows(RunFailedException.class,
            () -> SensitivityAnalysis.runClaim(plan, "never", Indices.SOBOL, 500, 1));
        assertEquals("claim never holds in no sample; what moves its probability is undefined", e.getMessage());
        e = assertThrows(RunFailedException.class,
            () -> SensitivityAnalysis.runClaim(plan, "fixed", Indices.ALL, 500, 1));
        assertTrue(e.getMessage().startsWith("claim fixed names no input or formula"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> SensitivityAnalysis.runClaim(plan, "nope", Indices.ALL, 500, 1));
    }

    @Test
    void theResultDoesNotDependOnTheThreadCount() throws Exception {
        Plan plan = Plan.of(SensitivityAnalysisTest.scenario(BY_HAND.formatted("random")));
        assertEquals(SensitivityAnalysis.runClaim(plan, "c", Indices.ALL, 5000, 1),
            SensitivityAnalysis.runClaim(plan, "c", Indices.ALL, 5000, 3));
    }
}
