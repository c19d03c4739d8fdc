package org.mcsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.mcsim.model.Scenario;
import org.mcsim.scenario.ScenarioDocument;
import org.mcsim.scenario.ScenarioException;

/**
 * The engine end to end against closed forms. Tolerances are five Monte Carlo standard errors:
 * sd/sqrt(n) for means, sigma/sqrt(2n) for the sd of a normal, sqrt(p(1-p)/n)/f(q) for quantiles
 * and sqrt(p(1-p)/n) for probabilities.
 */
class EngineTest {
    private static final int N = 200_000;

    static Scenario scenario(String yaml) throws ScenarioException {
        return ScenarioDocument.of(yaml.getBytes(StandardCharsets.UTF_8), Path.of("test.yaml"), "test.yaml")
            .build(Map.of());
    }

    static RunResult run(String yaml, long n, int threads) throws Exception {
        Scenario s = scenario(yaml);
        return Engine.run(Plan.of(s), new RunOptions(n, threads, false, RunOptions.Progress.NONE));
    }

    static double quantile(VariableSummary v, String label) {
        return v.quantiles().stream().filter(q -> q.label().equals(label)).findFirst().orElseThrow()
            .estimate().value();
    }

    @Test
    void sumOfNormalsIsNormalWithAddedVariances() throws Exception {
        RunResult r = run("""
            name: sum
            settings: {quantiles: [0.05, 0.5, 0.95]}
            inputs:
              a: {dist: normal, mean: 1, sd: 2}
              b: {dist: normal, mean: 3, sd: 1.5}
            formulas:
              s: a + b
              d: a - b
            """, N, 2);
        double sigma = 2.5; // sqrt(2^2 + 1.5^2)
        VariableSummary s = r.variable("s");
        assertEquals(4.0, s.mean().value(), 5 * sigma / Math.sqrt(N));
        assertEquals(sigma, s.sd().value(), 5 * sigma / Math.sqrt(2.0 * N));
        assertEquals(-2.0, r.variable("d").mean().value(), 5 * sigma / Math.sqrt(N));
        NormalDistribution law = NormalDistribution.of(4, sigma);
        for (double q : new double[] {0.05, 0.5, 0.95}) {
            double truth = law.inverseCumulativeProbability(q);
            double se = Math.sqrt(q * (1 - q) / N) / law.density(truth);
            String label = q == 0.5 ? "p50" : q == 0.05 ? "p5" : "p95";
            assertEquals(truth, quantile(s, label), 5 * se, label);
        }
        // the mean's interval is Student's: half-width t * s / sqrt(n), close to 1.96 sigma / sqrt(n)
        double half = (s.mean().high() - s.mean().low()) / 2;
        assertEquals(1.96 * sigma / Math.sqrt(N), half, 0.02 * half);
    }

    @Test
    void productOfLognormalsIsLognormal() throws Exception {
        RunResult r = run("""
            name: product
            settings: {quantiles: [0.5, 0.9]}
            inputs:
              x: {dist: lognormal, mu: 0.1, sigma: 0.3}
              y: {dist: lognormal, mu: 0.2, sigma: 0.4}
            formulas:
              p: x * y
              q: x / y
            """, N, 2);
        // p = exp(N(0.3, 0.5^2)), q = exp(N(-0.1, 0.5^2))
        double mean = Math.exp(0.3 + 0.125);
        double sd = mean * Math.sqrt(Math.exp(0.25) - 1);
        VariableSummary p = r.variable("p");
        assertEquals(mean, p.mean().value(), 5 * sd / Math.sqrt(N));
        double median = Math.exp(0.3);
        double density = 1 / (median * 0.5 * Math.sqrt(2 * Math.PI));
        assertEquals(median, quantile(p, "p50"), 5 * Math.sqrt(0.25 / N) / density);
        assertEquals(Math.exp(-0.1), quantile(r.variable("q"), "p50"), 5 * Math.sqrt(0.25 / N) * Math.exp(-0.1)
            * 0.5 * Math.sqrt(2 * Math.PI));
    }

    @Test
    void claimProbabilityMatchesTheNormalTail() throws Exception {
        RunResult r = run("""
            name: tail
            inputs:
              z: {dist: normal, mean: 0, sd: 1}
            formulas:
              y: 2 * z
            claims:
              above: z > 1.6448536269514722
              both: z > 0 && y < 2
            """, N, 3);
        ClaimSummary above = r.claims().get(0);
        assertEquals(0.05, above.probability().value(), 5 * Math.sqrt(0.05 * 0.95 / N));
        assertEquals(N, above.samples());
        assertTrue(above.probability().low() < above.probability().value());
        double both = NormalDistribution.of(0, 1).cumulativeProbability(1) - 0.5;
        assertEquals(both, r.claims().get(1).probability().value(), 5 * Math.sqrt(both * (1 - both) / N));
    }

    @Test
    void resultsAreIdenticalForAnyThreadCount() throws Exception {
        String yaml = """
            name: det
            inputs:
              a: {dist: triangular, min: 0, mode: 1, max: 4}
              b: {dist: gamma, shape: 2, scale: 3}
              c: {dist: discrete, values: [1, 2, 3], weights: [1, 1, 2]}
            formulas:
              t: a * b + c
            claims:
              big: t > 10
            """;
        RunResult one = run(yaml, 50_001, 1);
        RunResult four = run(yaml, 50_001, 4);
        assertEquals(one.variables(), four.variables());
        assertEquals(one.claims(), four.claims());
    }

    @Test
    void outputsKeepTheirSamplesInSampleOrderWhenAsked() throws Exception {
        Scenario s = scenario("""
            name: keep
            inputs:
              a: {dist: uniform, min: 0, max: 1}
            formulas:
              b: a * 2
            """);
        RunResult small = Engine.run(Plan.of(s), new RunOptions(5000, 2, true, RunOptions.Progress.NONE));
        RunResult large = Engine.run(Plan.of(s), new RunOptions(9000, 3, true, RunOptions.Progress.NONE));
        double[] a = small.outputSamples()[0];
        double[] b = large.outputSamples()[0];
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], "sample " + i + " is shared by the smaller and the larger run");
        }
    }

    private static final String SKETCHED = """
        name: sketched
        settings: {seed: 3, quantiles: [0.01, 0.05, 0.5, 0.95, 0.99], histogram_bins: 30}
        inputs:
          a: {dist: lognormal, mu: 1, sigma: 0.5}
          b: {dist: normal, mean: 2.788e6, sd: 3.0e4}
        formulas:
          s: a * b
        outputs: [s, b]
        """;

    private static RunResult runWithLimit(String yaml, long n, int threads, long limit) throws Exception {
        return Engine.run(Plan.of(scenario(yaml)), new RunOptions(n, threads, false, RunOptions.Progress.NONE), limit);
    }

    @Test
    void sketchedRunsAreIdenticalForAnyThreadCount() throws Exception {
        RunResult one = runWithLimit(SKETCHED, 50_001, 1, 1000);
        RunResult four = runWithLimit(SKETCHED, 50_001, 4, 1000);
        assertEquals("sketch", one.quantileMethod());
        assertEquals(one.variables(), four.variables());
        assertEquals(one.claims(), four.claims());
        assertEquals(one.sketch(), four.sketch());
    }

    /** α = 0.03/√n, from 10⁻³ for small runs down to 3·10⁻⁶ at 10⁸ samples, and no finer beyond. */
    @Test
    void theSketchAccuracyFollowsTheSamplesDownToItsFinest() {
        assertEquals(1e-3, Engine.sketchAccuracy(100));
        assertEquals(0.03 / Math.sqrt(25_000_001), Engine.sketchAccuracy(25_000_001));
        assertEquals(3e-6, Engine.sketchAccuracy(100_000_000));
        assertEquals(3e-6, Engine.sketchAccuracy(1_000_000_000));
        assertEquals(3e-6, Engine.sketchAccuracy(Long.MAX_VALUE));
    }

    @Test
    void sketchedQuantilesAreWithinTheirBoundOfTheExactOnes() throws Exception {
        int n = 50_001;
        RunResult exact = runWithLimit(SKETCHED, n, 2, Long.MAX_VALUE);
        RunResult sketched = runWithLimit(SKETCHED, n, 2, 1000);
        assertEquals("exact", exact.quantileMethod());
        double alpha = Engine.sketchAccuracy(n);
        assertEquals(alpha, sketched.sketch().accuracy());
        for (String name : new String[] {"s", "b"}) {
            VariableSummary e = exact.variable(name);
            VariableSummary k = sketched.variable(name);
            assertEquals(e.mean(), k.mean());
            SketchSummary.Output o = sketched.sketch().outputs().stream()
                .filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            for (int i = 0; i < e.quantiles().size(); i++) {
                Estimate ex = e.quantiles().get(i).estimate();
                Estimate sk = k.quantiles().get(i).estimate();
                double bound = alpha * 1.001 * Math.max(o.scale(), Math.abs(ex.value() - o.center()) * 1.001);
                assertEquals(ex.value(), sk.value(), bound, name + " " + e.quantiles().get(i).label());
                assertEquals(ex.low(), sk.low(), 2 * bound);
                assertEquals(ex.high(), sk.high(), 2 * bound);
            }
            assertEquals(n, java.util.Arrays.stream(k.histogram().counts()).sum());
        }
        // alpha = 0.03/sqrt(n) keeps the sketch's error far below the Monte Carlo half-width
        assertTrue(sketched.sketch().worstRatio() < 0.05, "ratio " + sketched.sketch().worstRatio());
    }

    @Test
    void writingSamplesAboveTheLimitIsRefusedClearly() {
        RunFailedException e = org.junit.jupiter.api.Assertions.assertThrows(RunFailedException.class,
            () -> Engine.run(Plan.of(scenario(SKETCHED)), new RunOptions(50_001, 1, true, RunOptions.Progress.NONE), 1000));
        assertTrue(e.getMessage().contains("--write-samples"), e.getMessage());
    }

    private static RunResult untilWithLimit(long ceiling, int threads, long limit, String... targets) throws Exception {
        List<Target> t = java.util.Arrays.stream(targets).map(Target::parse).toList();
        return Engine.run(Plan.of(scenario(SKETCHED)),
            new RunOptions(ceiling, threads, false, RunOptions.Progress.NONE).withUntil(t), limit);
    }

    @Test
    void untilGoesOnPastTheExactLimitWithSketchesAndStopsWhereAnExactRunStops() throws Exception {
        // limit 20000 kept values, 2 outputs: exact up to 4 blocks (8192 samples), sketched after
        RunResult exact = untilWithLimit(400_000, 2, Long.MAX_VALUE, "mean(s)+-60000");
        RunResult one = untilWithLimit(400_000, 1, 20_000, "mean(s)+-60000");
        RunResult three = untilWithLimit(400_000, 3, 20_000, "mean(s)+-60000");
        assertEquals("precision", one.stopReason());
        assertEquals("exact", exact.quantileMethod());
        assertEquals("sketch", one.quantileMethod());
        assertEquals(400_000, one.samplesRequested(), "the ceiling is not lowered to the exact limit");
        assertTrue(one.samples() > 8192 && one.samples() < 400_000, one.samples() + " samples");
        // the stopping rule of a mean does not look at quantiles: the same block, the same means
        assertEquals(exact.samples(), one.samples());
        assertEquals(exact.variable("s").mean(), one.variable("s").mean());
        // and the run does not depend on the threads
        assertEquals(one.samples(), three.samples());
        assertEquals(one.variables(), three.variables());
        assertEquals(one.sketch(), three.sketch());
        // every merged sample is in the sketches, each quantile within the bound of the exact one
        double alpha = Engine.sketchAccuracy(400_000);
        for (String name : new String[] {"s", "b"}) {
            VariableSummary e = exact.variable(name);
            VariableSummary k = one.variable(name);
            assertEquals(one.samples(), java.util.Arrays.stream(k.histogram().counts()).sum());
            SketchSummary.Output o = one.sketch().outputs().stream()
                .filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            for (int i = 0; i < e.quantiles().size(); i++) {
                double ex = e.quantiles().get(i).estimate().value();
                double bound = alpha * 1.001 * Math.max(o.scale(), Math.abs(ex - o.center()) * 1.001);
                assertEquals(ex, k.quantiles().get(i).estimate().value(), bound, name + " " + e.quantiles().get(i).label());
            }
        }
    }

    @Test
    void untilPastTheExactLimitSketchesEveryBlockOnceOnWavesThatGrow() throws Exception {
        // 977 blocks up to the ceiling; at two and three threads the waves grow past the window of
        // the first sketched wave and are cut to it
        RunResult one = untilWithLimit(2_000_000, 1, 20_000, "mean(s)+-1");
        RunResult two = untilWithLimit(2_000_000, 2, 20_000, "mean(s)+-1");
        RunResult three = untilWithLimit(2_000_000, 3, 20_000, "mean(s)+-1");
        assertEquals("ceiling", one.stopReason());
        assertEquals("sketch", one.quantileMethod());
        assertEquals(2_000_000, one.samples());
        for (RunResult r : List.of(two, three)) {
            assertEquals(one.samples(), r.samples());
            assertEquals(one.variables(), r.variables());
            assertEquals(one.sketch(), r.sketch());
        }
        for (String name : new String[] {"s", "b"}) {
            assertEquals(2_000_000, java.util.Arrays.stream(two.variable(name).histogram().counts()).sum());
        }
    }

    @Test
    void aQuantileTargetPastTheExactLimitIsCheckedOnTheSketches() throws Exception {
        RunResult one = untilWithLimit(400_000, 1, 20_000, "p95(s)+-150000");
        RunResult two = untilWithLimit(400_000, 2, 20_000, "p95(s)+-150000");
        assertEquals("precision", one.stopReason());
        assertEquals("sketch", one.quantileMethod());
        assertTrue(one.samples() > 8192, one.samples() + " samples");
        assertEquals(one.samples(), two.samples());
        assertEquals(one.variables(), two.variables());
        // the targeted quantile carries the sequence's interval, of half-width at most the target's
        Estimate p95 = one.variable("s").quantiles().stream().filter(q -> q.label().equals("p95"))
            .findFirst().orElseThrow().estimate();
        assertTrue((p95.high() - p95.low()) / 2 <= 150_000, p95.toString());
        assertTrue(p95.low() < p95.value() && p95.value() < p95.high(), p95.toString());
    }

    @Test
    void untilStoppingBeforeTheExactLimitStaysExact() throws Exception {
        RunResult r = untilWithLimit(400_000, 2, 20_000, "mean(b)+-2000");
        assertEquals("precision", r.stopReason());
        assertTrue(r.samples() <= 8192, r.samples() + " samples");
        assertEquals("exact", r.quantileMethod());
        assertEquals(null, r.sketch());
    }

    @Test
    void untilUnderLhsStillLowersItsCeilingToTheExactLimit() throws Exception {
        Scenario lhs = scenario(SKETCHED.replace("seed: 3,", "seed: 3, method: lhs,"));
        RunResult r = Engine.run(Plan.of(lhs), new RunOptions(400_000, 2, false, RunOptions.Progress.NONE)
            .withUntil(List.of(Target.parse("mean(s)+-1"))), 20_000);
        assertEquals("ceiling", r.stopReason());
        assertEquals("exact", r.quantileMethod());
        assertEquals(10_000, r.samples(), "20000 kept values over 2 outputs");
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("lowered to 10000")), r.warnings().toString());
    }
}
