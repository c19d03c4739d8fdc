package org.mcsim.stats;

import java.util.Arrays;

/**
 * Spearman's rank correlation: Pearson's correlation of the ranks, ties given their average
 * rank. Ranks are found by sorting a copy and binary search, O(n log n) without boxing.
 * Stateless and thread-safe.
 */
public final class Spearman {
    private Spearman() {
    }

    /** The rank correlation of x[0..n) and y[0..n), in [-1, 1]; NaN when either is constant. */
    public static double of(double[] x, double[] y, int n) {
        return pearson(ranks(x, n), ranks(y, n), n);
    }

    /** The 1-based ranks of x[0..n), ties averaged. */
    public static double[] ranks(double[] x, int n) {
        double[] sorted = Arrays.copyOf(x, n);
        Arrays.sort(sorted);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            int first = lowerBound(sorted, x[i]);
            int last = lowerBound(sorted, Math.nextUp(x[i])) - 1;
            r[i] = (first + last) / 2.0 + 1;
        }
        return r;
    }

    private static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Pearson's correlation of a[0..n) and b[0..n), by two passes; NaN when either has no spread. */
    public static double pearson(double[] a, double[] b, int n) {
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
}
