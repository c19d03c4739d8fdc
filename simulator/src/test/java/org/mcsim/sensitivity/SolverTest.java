package org.mcsim.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mcsim.engine.RunResult;

/**
 * Solve on y = x + a, x ~ normal(m, 1), a ~ uniform(0, 1): E y = m + 1/2 and, y being
 * symmetric about m + 1/2, its median is m + 1/2 too. On common random numbers y at m is
 * y at 0 plus m, so the sample's own root is known exactly: VALUE − (statistic at m = 0).
 */
class SolverTest {
    private static final String MODEL = """
        name: root
        settings: {quantiles: [0.5]}
        constants: {c: 1}
        inputs:
          x: {dist: normal, mean: 0, sd: 1}
          a: {dist: uniform, min: 0, max: 1}
        formulas:
          y: x + a
          w: c * (x + a)
        claims:
          high: y >= 3
        """;

    private static RunResult at(double m) throws Exception {
        return new PointRunner(SweepTest.scenarios(MODEL), 2).run(Map.of("x.mean", m));
    }

    @Test
    void meanTargetFindsTheSamplesExactRoot() throws Exception {
        Solution s = Solver.solve(SweepTest.scenarios(MODEL), "x.mean", -5, 10, SolveTarget.parse("mean(y)=3"), 2);
        double mean0 = at(0).variable("y").mean().value();
        assertEquals(3 - mean0, s.value(), 1e-6 * 15);
        assertEquals(2.5, s.value(), 5 * Math.sqrt(1 + 1 / 12.0) / Math.sqrt(20_000));
        assertEquals(3, s.achieved().value(), 1e-5);
        assertTrue(s.valueLow() < s.value() && s.value() < s.valueHigh(), s.toString());
        // The interval of the mean at m = 0 mapped through the shift gives the interval of the root.
        var ci = at(0).variable("y").mean();
        assertEquals(3 - ci.high(), s.valueLow(), 1e-6 * 15);
        assertEquals(3 - ci.low(), s.valueHigh(), 1e-6 * 15);
    }

    @Test
    void quantileTargetOfALevelNotInTheSettings() throws Exception {
        Solution s = Solver.solve(SweepTest.scenarios(MODEL), "x.mean", -5, 10, SolveTarget.parse("p90(y)=4"), 1);
        // p90 of normal(m,1) + uniform(0,1) is m + 1.8344, solving ∫0^1 Φ(t − u) du = 0.9
        // numerically; the density there is Φ(1.8344) − Φ(0.8344) = 0.169, so one standard error
        // of the 90% quantile at n = 20000 is √(0.09/20000)/0.169 = 0.0126.
        assertEquals(4 - 1.8344, s.value(), 5 * 0.0126);
        assertEquals(4, s.achieved().value(), 1e-5);
    }

    /** P(y ≥ 3) = 0.5 where the median of y is 3: m = 2.5, and on the sample where its median crosses 3. */
    @Test
    void probabilityTargetIsSolvedWhereTheEmpiricalProbabilityCrosses() throws Exception {
        Solution s = Solver.solve(SweepTest.scenarios(MODEL), "x.mean", 0, 5, SolveTarget.parse("P(high)=0.5"), 2);
        double median0 = at(0).variable("y").quantiles().get(0).estimate().value();
        assertEquals(3 - median0, s.value(), 1e-3);
        assertEquals(2.5, s.value(), 0.05);
        assertEquals(0.5, s.achieved().value(), 2.0 / 20_000);
        assertTrue(s.valueLow() < s.value() && s.value() < s.valueHigh(), s.toString());
    }

    @Test
    void aConstantCanBeSolvedFor() throws Exception {
        Solution s = Solver.solve(SweepTest.scenarios(MODEL), "c", 0.1, 10, SolveTarget.parse("mean(w)=2"), 1);
        double mean1 = at(0).variable("w").mean().value();
        assertEquals(2 / mean1, s.value(), 1e-6 * 10);
    }

    @Test
    void noRootReportsTheValuesAtBothEnds() {
        NoRootException e = assertThrows(NoRootException.class,
            () -> Solver.solve(SweepTest.scenarios(MODEL), "x.mean", 0, 1, SolveTarget.parse("mean(y)=30"), 1));
        assertEquals(0.5, e.atLow(), 0.05);
        assertEquals(1.5, e.atHigh(), 0.05);
        assertTrue(e.getMessage().contains("mean(y) = ") && e.getMessage().contains("at x.mean=0"), e.getMessage());
    }

    @Test
    void unknownNamesAreReported() {
        PointException e = assertThrows(PointException.class,
            () -> Solver.solve(SweepTest.scenarios(MODEL), "x.mean", 0, 1, SolveTarget.parse("mean(yy)=3"), 1));
        assertTrue(e.lines().get(0).contains("unknown variable 'yy'; did you mean 'y'?"), e.lines().toString());
        e = assertThrows(PointException.class,
            () -> Solver.solve(SweepTest.scenarios(MODEL), "x.mean", 0, 1, SolveTarget.parse("P(hihg)=0.5"), 1));
        assertTrue(e.lines().get(0).contains("unknown claim 'hihg'"), e.lines().toString());
        e = assertThrows(PointException.class,
            () -> Solver.solve(SweepTest.scenarios(MODEL), "q.mean", 0, 1, SolveTarget.parse("mean(y)=3"), 1));
        assertTrue(e.lines().get(0).startsWith("--vary q.mean: "), e.lines().toString());
    }

    @Test
    void targetsAreParsed() {
        SolveTarget t = SolveTarget.parse("p2.5(ratio)=400");
        assertEquals(SolveTarget.Statistic.QUANTILE, t.statistic());
        assertEquals("p2.5", t.level().label());
        assertEquals(0.025, t.level().q(), 1e-15);
        assertEquals(400, t.value(), 0);
        assertEquals(SolveTarget.Statistic.PROBABILITY, SolveTarget.parse("P(400x)=0.5").statistic());
        assertEquals("400x", SolveTarget.parse("P(400x)=0.5").name());
        assertEquals(2e9, SolveTarget.parse("mean(total)=2e9").value(), 0);
        for (String bad : List.of("mean(total)", "sd(total)=1", "P(x)=1.5", "p100(x)=1", "mean(total)=abc", "p(x)=1")) {
            assertThrows(IllegalArgumentException.class, () -> SolveTarget.parse(bad), bad);
        }
    }
}
