package org.mcsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mcsim.model.Scenario;
import org.mcsim.stats.Interval;

/**
 * The confidence sequence of {@code --until} (Waudby-Smith, Arbour, Sinha, Kennedy &amp; Ramdas,
 * Annals of Statistics 2024) is anytime-valid: over many seeds, the fraction of runs whose
 * sequence ever excludes the true value, looked at after every block as the engine does, stays
 * at or below α = 5% (up to binomial noise), where the fixed-n Student interval looked at as often
 * excludes it far more often. The streams are the engine's own: blocks computed by
 * {@link BlockWorker} and merged by {@link Accumulator}.
 */
class PrecisionTest {
    private static final int BLOCKS = 40;

    /** y ~ N(5, 2²): mean 5; u ~ U(0, 1): P(u &lt; 0.3) = 0.3; y's median 5. */
    private static Scenario scenario(long seed) throws Exception {
        Scenario s = EngineTest.scenario("""
            name: stream
            settings: {samples: 81920, quantiles: [0.5]}
            inputs:
              x: {dist: normal, mean: 5, sd: 2}
              u: {dist: uniform, min: 0, max: 1}
            formulas:
              y: x
            claims:
              hit: u < 0.3
            """);
        return s.withSettings(s.settings().withSeed(seed));
    }

    /** Per target, whether its sequence (or the naive interval) ever excluded the truth. */
    private static boolean[] excursions(long seed, boolean quantile) throws Exception {
        Scenario s = scenario(seed);
        Plan plan = Plan.of(s);
        List<Target> targets = quantile
            ? List.of(Target.parse("mean(y)+-1e-9"), Target.parse("P(hit)+-1e-9"), Target.parse("p50(y)+-1e-9"))
            : List.of(Target.parse("mean(y)+-1e-9"), Target.parse("P(hit)+-1e-9"));
        double[] truth = {5, 0.3, 5};
        Precision precision = new Precision(targets, plan);
        Layout layout = Layout.of(s.settings().method(), (long) BLOCKS * Plan.BLOCK_SIZE);
        int[] kept = Engine.keptVariables(plan);
        Store store = new Store(kept.length, layout.samples());
        BlockWorker worker = new BlockWorker(plan, layout, InputFill.random(plan, layout, seed, false), kept);
        Accumulator acc = new Accumulator(plan, layout);
        boolean[] out = new boolean[targets.size() + 1];
        double t975 = TDistribution.of(Plan.BLOCK_SIZE).inverseCumulativeProbability(0.975);
        for (long b = 0; b < BLOCKS; b++) {
            assertTrue(acc.merge(worker.compute(b, store, null)));
            for (int i = 0; i < targets.size(); i++) {
                Interval cs = precision.interval(i, acc, store, kept).interval();
                out[i] |= !cs.contains(truth[i]);
            }
            double naive = t975 * acc.moments(plan.variableIndex("y")).sd() / Math.sqrt(acc.samples());
            out[targets.size()] |= Math.abs(acc.moments(plan.variableIndex("y")).mean() - 5) > naive;
        }
        return out;
    }

    private static double[] rates(int seeds, boolean quantile) throws Exception {
        double[] rates = new double[quantile ? 4 : 3];
        for (int seed = 1; seed <= seeds; seed++) {
            boolean[] e = excursions(seed, quantile);
            for (int i = 0; i < e.length; i++) {
                rates[i] += e[i] ? 1.0 / seeds : 0;
            }
        }
        return rates;
    }

    @Test
    void sequenceRarelyEverExcludesTheTruthWhereRepeatedStudentIntervalsOftenDo() throws Exception {
        // 500 seeds: the standard deviation of a rate near 0.05 is 0.0097
        double[] r = rates(500, false);
        assertTrue(r[0] <= 0.06, "mean: the sequence ever excluded the truth in " + r[0]);
        assertTrue(r[1] <= 0.06, "claim: the sequence ever excluded the truth in " + r[1]);
        assertTrue(r[2] >= 0.10, "looking at a fixed-n interval after every block should fail often: " + r[2]);
    }

    @Tag("heavy")
    @Test
    void sequenceOfEveryKindOfTargetIsAnytimeValid() throws Exception {
        double[] r = rates(2000, true);
        System.out.printf("confidence sequence, 2000 seeds x %d blocks: ever excluded mean %.4f, claim %.4f, "
            + "p50 %.4f; repeated Student interval %.4f%n", BLOCKS, r[0], r[1], r[2], r[3]);
        for (int i = 0; i < 3; i++) {
            assertTrue(r[i] <= 0.06, "target " + i + " ever excluded the truth in " + r[i]);
        }
    }

    @Test
    void halfWidthShrinksLikeTheIteratedLogarithmAndIsTightestNearTheDesignSize() throws Exception {
        Precision p = new Precision(List.of(Target.parse("mean(y)+-1")), Plan.of(scenario(1)));
        // at the design size t*, t*ρ² = L = l + ln(l + 1) with l = −2 ln α, and the boundary is
        // σ/√t* · √(2(L+1)/L · ln(√(L+1)/α)) = 3.035 σ/√t* for α = 0.05: about 1.55 times the
        // fixed-n 1.96, the price of looking after every block
        double l = -2 * Math.log(0.05);
        double big = l + Math.log(l + 1);
        double expected = Math.sqrt(2 * (big + 1) / big * Math.log(Math.sqrt(big + 1) / 0.05));
        assertEquals(expected, p.halfWidth(1, 81920) * Math.sqrt(81920), 1e-12);
        assertEquals(3.035, expected, 5e-4);
        for (long t : new long[] {2048, 81920, 1 << 22}) {
            assertTrue(p.halfWidth(1, 2 * t) < p.halfWidth(1, t), "shrinks with t");
        }
        assertEquals(0.0, p.halfWidth(0, 5000), "a constant has a zero-width sequence");
    }

    @Test
    void theExpectedSampleCountOfATargetIsWhereItIsMet() throws Exception {
        Scenario s = scenario(3);
        Plan plan = Plan.of(s);
        Precision scale = new Precision(List.of(Target.parse("mean(y)+-1")), plan);
        // targets met near 10^6 samples: y ~ N(5, 2²); P(u < 0.3) has sd √0.21; the median of y
        // has density 1/(2√(2π)) there and the proportion below it sd 1/2
        double density = 1 / (2 * Math.sqrt(2 * Math.PI));
        String[] targets = {
            String.format("mean(y)+-%.6g", scale.halfWidth(2, 1_000_000)),
            String.format("P(hit)+-%.6g", scale.halfWidth(Math.sqrt(0.21), 1_000_000)),
            String.format("p50(y)+-%.6g", scale.halfWidth(0.5, 1_000_000) / density)};
        // after 40 blocks (81920 samples) an sd is known to 1/√(2 · 81920) = 0.25 %, so the count,
        // which goes as its square, to 0.5 %: 2 % is four times that and a block; the median's
        // interval spans about 870 order statistics, so its width is known to about 3.4 % and the
        // count to about 7 %: 20 %
        double[] tolerance = {0.02, 0.02, 0.2};
        for (int i = 0; i < targets.length; i++) {
            Precision precision = new Precision(List.of(Target.parse(targets[i])), plan);
            Layout layout = Layout.of(s.settings().method(), 1000L * Plan.BLOCK_SIZE);
            int[] kept = Engine.keptVariables(plan);
            Store store = new Store(kept.length, layout.samples());
            store.ensure(layout.samples(), 1, 0);
            BlockWorker worker = new BlockWorker(plan, layout, InputFill.random(plan, layout, 3, false), kept);
            Accumulator acc = new Accumulator(plan, layout);
            long expected = 0;
            long stop = 0;
            for (long b = 0; b < layout.blocks() && stop == 0; b++) {
                assertTrue(acc.merge(worker.compute(b, store, null)));
                if (precision.met(acc, store, kept)) {
                    stop = acc.samples();
                }
                if (b == 39) {
                    expected = precision.expectedSamples(acc);
                }
            }
            assertTrue(stop > 40L * Plan.BLOCK_SIZE, targets[i] + " is met within the run, after the forecast");
            assertEquals(1.0, (double) expected / stop, tolerance[i], targets[i] + ": forecast " + expected
                + ", met at " + stop);
        }
        // a met target expects nothing more
        Precision loose = new Precision(List.of(Target.parse("mean(y)+-100")), plan);
        Accumulator acc = new Accumulator(plan, Layout.of(s.settings().method(), Plan.BLOCK_SIZE));
        assertEquals(0, loose.expectedSamples(acc), "nothing merged, nothing known");
    }
}
