package org.mcsim.sensitivity;

import org.mcsim.engine.Estimate;
import org.mcsim.stats.Intervals;
import org.mcsim.stats.Spearman;

/**
 * Spearman's rank correlation with its Fisher-z interval.
 *
 * <p>The coefficient is {@link Spearman}'s (mid-ranks, Pearson's correlation of the ranks). The
 * interval transforms by z = atanh(r) and uses the standard error {@code √(1.06/(n−3))} of
 * Fieller, Hartley &amp; Pearson ("Tests for rank correlation coefficients. I", Biometrika 44,
 * 1957), then maps the ends back with tanh.
 *
 * <p>Stateless and thread-safe.
 */
public final class RankCorrelation {
    private RankCorrelation() {
    }

    /**
     * Spearman's rank correlation of {@code x} and {@code y} with its interval.
     *
     * @param x the first sample
     * @param y the second sample, as long as {@code x}
     * @param confidence the two-sided level of the interval, in (0, 1)
     * @return the estimate; its value is NaN when either sample is constant (undefined), its
     *     interval NaN when n &lt; 4
     */
    public static Estimate of(double[] x, double[] y, double confidence) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
        }
        int n = x.length;
        double r = Spearman.of(x, y, n);
        if (Double.isNaN(r) || n < 4) {
            return Estimate.of(r);
        }
        if (Math.abs(r) >= 1) {
            return new Estimate(r, r, r);
        }
        double z = 0.5 * Math.log((1 + r) / (1 - r));
        double half = Intervals.z(confidence) * Math.sqrt(1.06 / (n - 3));
        return new Estimate(r, Math.tanh(z - half), Math.tanh(z + half));
    }
}
