package org.mcsim.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.mcsim.lanes.LaneFill;

/**
 * Exponential with the given mean: draws −mean·log(u) from the lanes' open uniforms
 * ({@link LaneFill#exponential}) and the closed form quantile −mean·log(1 − u). Immutable and thread-safe.
 */
final class ExponentialLaw extends Law implements LaneSampled {
    private final double mean;

    ExponentialLaw(double mean) {
        this.mean = mean;
    }

    @Override
    public void sample(UniformRandomProvider rng, double[] out, int n) {
        LaneSampled.fromGenerator(this, rng, out, n);
    }

    @Override
    public void sampleLanes(LaneFill fill, long[] state, double[] out, int n) {
        fill.exponential(state, out, n, mean);
    }

    @Override
    public double quantile(double p) {
        return -mean * Math.log1p(-p);
    }

    @Override
    double inverseSurvival(double q) {
        return -mean * Math.log(q);
    }

    @Override
    double density(double x) {
        return x < 0 ? 0 : Math.exp(-x / mean) / mean;
    }

    @Override
    public double cdf(double x) {
        return x <= 0 ? 0 : -Math.expm1(-x / mean);
    }

    @Override
    double survival(double x) {
        return x <= 0 ? 1 : Math.exp(-x / mean);
    }

    @Override
    public double mean() {
        return mean;
    }

    /**
     * By memorylessness, E[X | a &lt;= X &lt;= b] = a + mean − d / (exp(d / mean) − 1) with
     * a = max(lo, 0) and d = b − a (the last term vanishes for an open upper bound).
     */
    @Override
    double truncatedMean(double lo, double hi) {
        double a = Math.max(lo, 0);
        if (hi == Double.POSITIVE_INFINITY) {
            return a + mean;
        }
        double x = (hi - a) / mean;
        return a + mean * excessFraction(x);
    }

    /**
     * 1 − x / (exp(x) − 1), by its Bernoulli series below 0.05 where the direct form cancels
     * (Abramowitz and Stegun 23.1.1).
     */
    private static double excessFraction(double x) {
        if (x < 0.05) {
            double x2 = x * x;
            return x * (0.5 - x * (1.0 / 12 - x2 * (1.0 / 720 - x2 * (1.0 / 30240 - x2 / 1209600))));
        }
        return 1 - x / Math.expm1(x);
    }

    @Override
    public String toString() {
        return "exponential(" + mean + ")";
    }
}
