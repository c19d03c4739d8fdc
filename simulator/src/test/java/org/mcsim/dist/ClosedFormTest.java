package org.mcsim.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.mcsim.model.Dist;

/** Exact means, kept probabilities and location-scale behaviour against closed forms. */
class ClosedFormTest {

    @Test
    void pertMeanIsMinPlusLambdaModePlusMaxOverLambdaPlusTwo() {
        // scenario-format.md: mean (min + λ·mode + max)/(λ+2)
        assertEquals((2 + 4 * 3 + 11) / 6.0, Samplers.of(new Dist.Pert(2, 3, 11, 4)).mean(), 1e-14);
        assertEquals((0 + 2.5 * 9 + 10) / 4.5, Samplers.of(new Dist.Pert(0, 9, 10, 2.5)).mean(), 1e-14);
    }

    @Test
    void triangularMeanIsThirdOfSum() {
        assertEquals(3, Samplers.of(new Dist.Triangular(1, 2, 6)).mean(), 1e-15);
        assertEquals(1 / 3.0, Samplers.of(new Dist.Triangular(0, 0, 1)).mean(), 1e-15);
    }

    @Test
    void lognormalMeanAndMedian() {
        InputSampler s = Samplers.of(new Dist.LogNormal(1.2, 0.7));
        assertEquals(Math.exp(1.2 + 0.245), s.mean(), 1e-14 * s.mean());
        assertEquals(Math.exp(1.2), s.quantile(0.5), 1e-15 * Math.exp(1.2));
    }

    @Test
    void betaAndGammaMeans() {
        assertEquals(-1 + 4 * 0.5 / 1.3, Samplers.of(new Dist.Beta(0.5, 0.8, -1, 3)).mean(), 1e-14);
        assertEquals(7.5, Samplers.of(new Dist.Gamma(2.5, 3)).mean(), 1e-14);
    }

    @Test
    void truncatedMeansHaveClosedForms() {
        // Uniform on [2, 5] kept on [3, 9]: uniform on [3, 5].
        assertEquals(4, Samplers.of(new Dist.Truncated(new Dist.Uniform(2, 5), 3, 9)).mean(), 1e-15);
        // Exponential: memoryless, E[X | X >= 2] = 2 + mean.
        assertEquals(6, Samplers.of(new Dist.Truncated(new Dist.Exponential(4), 2, Double.POSITIVE_INFINITY)).mean(), 1e-14);
        // Exponential(1e6) kept on [0, 1] is nearly uniform: mean 1/2 − 1/(12 · 1e6) + O(1e-18).
        assertEquals(0.5 - 1 / 12e6, Samplers.of(new Dist.Truncated(new Dist.Exponential(1e6), 0, 1)).mean(), 1e-15);
    }

    @Test
    void keptProbabilityIsBaseProbabilityOfTheInterval() {
        NormalDistribution z = NormalDistribution.of(0, 1);
        InputSampler t = Samplers.of(new Dist.Truncated(new Dist.Normal(0, 1), -1, 2));
        assertEquals(z.probability(-1, 2), t.keptProbability(), 1e-16);
        InputSampler tail = Samplers.of(new Dist.Truncated(new Dist.Normal(0, 1), 5, Double.POSITIVE_INFINITY));
        assertEquals(z.survivalProbability(5), tail.keptProbability(), 1e-15 * tail.keptProbability());
        assertEquals(1, Samplers.of(new Dist.Normal(0, 1)).keptProbability());
    }

    @Test
    void shiftingTheNormalMeanShiftsEveryValue() {
        InputSampler a = Samplers.of(new Dist.Normal(100, 3));
        InputSampler b = Samplers.of(new Dist.Normal(110, 3));
        double[] x = new double[1000];
        double[] y = new double[1000];
        a.sample(RandomSource.XO_SHI_RO_256_PP.create(5L), x, x.length);
        b.sample(RandomSource.XO_SHI_RO_256_PP.create(5L), y, y.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(10, y[i] - x[i], 1e-12);
            assertEquals(10, b.quantile((i + 0.5) / x.length) - a.quantile((i + 0.5) / x.length), 1e-12);
        }
    }

    @Test
    void openUniformIsStrictlyInsideTheUnitInterval() {
        assertEquals(0x1.0p-53, Samplers.openUniform(() -> 0L));
        // The largest is below 1 (with 53 bits it rounded to 1.0, and a normal's quantile to infinity).
        assertEquals(1 - 0x1.0p-53, Samplers.openUniform(() -> -1L));
        assertTrue(Samplers.openUniform(() -> -1L) < 1);
        assertEquals(1.0, Samplers.openUniform(() -> 0L) + Samplers.openUniform(() -> -1L), "symmetric");
    }
}
