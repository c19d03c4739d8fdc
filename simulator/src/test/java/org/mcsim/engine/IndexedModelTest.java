package org.mcsim.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mcsim.model.Scenario;

/**
 * Indexed scenarios end to end against closed forms, and the element-keyed random streams.
 * Tolerances are five Monte Carlo standard errors.
 */
class IndexedModelTest {
    private static final int N = 200_000;

    private static RunResult run(String yaml, long n, int threads, boolean keep) throws Exception {
        Scenario s = EngineTest.scenario(yaml);
        return Engine.run(Plan.of(s), new RunOptions(n, threads, keep, RunOptions.Progress.NONE));
    }

    @Test
    void aSumOfKIndependentNormalsOverAnIndexIsNormal() throws Exception {
        RunResult r = run("""
            name: sum
            indexes:
              i: 1..8
            inputs:
              x: {index: i, dist: normal, mean: 2, sd: 3, draw: independent}
              y: {index: i, dist: normal, mean: 2, sd: 3, draw: shared}
            formulas:
              s: sum(x, i)
              t: sum(y, i)
              m: mean(x, i)
            """, N, 2, false);
        double sigma = 3 * Math.sqrt(8); // independent draws add variances
        VariableSummary s = r.variable("s");
        assertEquals(16.0, s.mean().value(), 5 * sigma / Math.sqrt(N));
        assertEquals(sigma, s.sd().value(), 5 * sigma / Math.sqrt(2.0 * N));
        assertEquals(sigma / 8, r.variable("m").sd().value(), 5 * sigma / 8 / Math.sqrt(2.0 * N));
        // one shared draw taken eight times: 8 y, sd 24
        VariableSummary t = r.variable("t");
        assertEquals(16.0, t.mean().value(), 5 * 24 / Math.sqrt(N));
        assertEquals(24.0, t.sd().value(), 5 * 24 / Math.sqrt(2.0 * N));
    }

    @Test
    void aGeometricGrowthPathThroughALagHasItsExactMean() throws Exception {
        // path[t] = 100 g[2021+1] ... g[t]; independent factors of mean 1.05: E path[t] = 100 * 1.05^(t-2021)
        RunResult r = run("""
            name: growth
            indexes:
              year: 2021..2026
            inputs:
              g: {index: year, dist: lognormal, mean: 1.05, sd: 0.1, draw: independent}
            formulas:
              path: if(year == 2021, 100, path[year-1] * g)
              total: sum(path, year)
              running: cumsum(path, year)
            """, N, 2, false);
        double totalMean = 0;
        for (int t = 2021; t <= 2026; t++) {
            double mean = 100 * Math.pow(1.05, t - 2021);
            totalMean += mean;
            VariableSummary v = r.variable("path[" + t + "]");
            assertEquals(mean, v.mean().value(), 5 * v.sd().value() / Math.sqrt(N) + 1e-9, "path[" + t + "]");
        }
        VariableSummary total = r.variable("total");
        assertEquals(totalMean, total.mean().value(), 5 * total.sd().value() / Math.sqrt(N));
        assertEquals(total.mean().value(), r.variable("running[2026]").mean().value(), 1e-9 * totalMean);
    }

    @Test
    void correlationsHoldElementByElement() throws Exception {
        RunResult r = run("""
            name: corr
            indexes:
              gpu: [a100, h800, h20]
            inputs:
              p: {index: gpu, dist: lognormal, low: 1, high: 2, draw: independent}
              q: {index: gpu, dist: uniform, min: 0, max: 1, draw: independent}
            formulas:
              f: p * q
            correlations:
              - {between: [p, q], rank: 0.6}
              - {between: ["p[a100]", "p[h800]"], rank: -0.4}
            """, 50_000, 2, false);
        assertEquals(4, r.correlations().size());
        for (CorrelationSummary c : r.correlations()) {
            assertEquals(c.target(), c.achieved(), 0.03, c.a() + " ~ " + c.b());
        }
        assertEquals(List.of("p[a100]", "p[h800]", "p[h20]", "p[a100]"),
            r.correlations().stream().map(CorrelationSummary::a).toList());
    }

    @Test
    void addingAnElementLeavesTheOthersDrawsBitForBit() throws Exception {
        String three = """
            name: keyed
            indexes:
              gpu: [a100, h800, h20]
            inputs:
              p: {index: gpu, dist: lognormal, low: 1, high: 2, draw: independent}
              n: {dist: uniform, min: 1, max: 2}
            formulas:
              cost: n * p
            outputs: [cost]
            """;
        String four = three.replace("[a100, h800, h20]", "[a100, b200, h800, h20]");
        RunResult a = run(three, 20_000, 3, true);
        RunResult b = run(four, 20_000, 1, true);
        List<String> outA = a.scenario().outputs();
        List<String> outB = b.scenario().outputs();
        assertEquals(List.of("cost[a100]", "cost[b200]", "cost[h800]", "cost[h20]"), outB);
        for (String name : outA) {
            assertArrayEquals(a.outputSamples()[outA.indexOf(name)], b.outputSamples()[outB.indexOf(name)], 0.0, name);
            assertEquals(a.variable(name).mean(), b.variable(name).mean(), name);
        }
        // and the new element has draws of its own
        assertTrue(a.variable("cost[a100]").mean().value() != b.variable("cost[b200]").mean().value());
    }
}
