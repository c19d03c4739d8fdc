package org.mcsim.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mcsim.model.Dist;

/**
 * The tanh-sinh mean of a truncated law against closed forms the same law also has, so the
 * quadrature can be checked where the answer is known, heavy tails and kinks included.
 */
class QuantileIntegralTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    private static void check(Dist base, double lo, double hi) {
        TruncatedLaw t = new TruncatedLaw(Samplers.law(base), lo, hi);
        double exact = Samplers.law(base).truncatedMean(lo, hi);
        assertEquals(exact, QuantileIntegral.mean(t), 1e-10 * Math.abs(exact), base + " on [" + lo + ", " + hi + "]");
    }

    @Test
    void matchesClosedFormsOnBoundedAndOpenIntervals() {
        check(new Dist.Normal(3, 2), 1, 4);
        check(new Dist.Normal(3, 2), Double.NEGATIVE_INFINITY, 4);
        check(new Dist.Normal(0, 1), 4, INF);
        check(new Dist.Exponential(3), 0.5, 20);
        check(new Dist.LogNormal(0, 0.5), 0.8, 2.5);
    }

    @Test
    void handlesHeavyUpperTails() {
        // E[X | X >= 1] for lognormal(0, 1.5): mass beyond any fixed quantile matters.
        check(new Dist.LogNormal(0, 1.5), 1, INF);
        check(new Dist.LogNormal(2, 1), 0, INF);
    }

    @Test
    void wholeLawMeanMatchesKnownMeans() {
        assertEquals(3, QuantileIntegral.mean(Samplers.law(new Dist.Triangular(1, 2, 6))), 1e-12);
        assertEquals(0.5 / 1.3, QuantileIntegral.mean(Samplers.law(new Dist.Beta(0.5, 0.8, 0, 1))), 1e-11);
        assertEquals(1.0, QuantileIntegral.mean(Samplers.law(new Dist.Gamma(0.5, 2))), 1e-11);
    }
}
