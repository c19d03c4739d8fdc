package org.mcsim.sensitivity;

import java.util.Arrays;
import org.mcsim.engine.Estimate;
import org.mcsim.stats.Intervals;

/**
 * Spearman's rank correlation with its Fisher-z interval.
 *
 * <p>Ranks are mid-ranks (ties share the average of their positions), and the coefficient is
 * Pearson's correlation of the ranks. The interval transforms by z = atanh(r) and uses the
 * standard error {@code √(1.06/(n−3))} of Fieller, Hartley &amp; Pearson ("Tests for rank
 * correlation coefficients. I", Biometrika 44, 1957), then maps the ends back with tanh.
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
        double r = pearson(ranks(x), ranks(y));
        int n = x.length;
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

    /** Mid-ranks, 1-based: tied values share the average of the positions they occupy. */
    static double[] ranks(double[] x) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double[] rank = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int first = lowerBound(sorted, x[i]);
            int last = upperBound(sorted, x[i]) - 1;
            rank[i] = (first + last) / 2.0 + 1;
        }
        return rank;
    }

    /** Pearson's correlation, NaN when either sample has no spread. */
    static double pearson(double[] a, double[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        if (saa == 0 || sbb == 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
    }

    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
