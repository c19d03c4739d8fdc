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

    /**
     * The 1-based ranks of x[0..n), ties averaged (−0.0 and 0.0 are tied). The values' indices
     * are sorted by an LSD radix sort of the values' order-preserving bit patterns (a byte a
     * pass, no boxing, linear in n), then each run of equal values gets the mean of its
     * positions: a million values in tens of milliseconds, where a binary search per value in a
     * sorted copy spent most of its time in cache misses.
     */
    public static double[] ranks(double[] x, int n) {
        long[] keys = new long[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToRawLongBits(x[i] + 0.0); // -0.0 + 0.0 is 0.0
            keys[i] = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE; // unsigned order = numeric order
            order[i] = i;
        }
        radixSort(keys, order);
        double[] r = new double[n];
        for (int first = 0; first < n;) {
            int last = first;
            while (last + 1 < n && keys[last + 1] == keys[first]) {
                last++;
            }
            double rank = (first + last) / 2.0 + 1;
            for (int j = first; j <= last; j++) {
                r[order[j]] = rank;
            }
            first = last + 1;
        }
        return r;
    }

    /** Sorts {@code keys} as unsigned numbers, permuting {@code payload} alike; stable. */
    private static void radixSort(long[] keys, int[] payload) {
        int n = keys.length;
        long[] k2 = new long[n];
        int[] p2 = new int[n];
        int[] count = new int[257];
        for (int shift = 0; shift < 64; shift += 8) {
            Arrays.fill(count, 0);
            for (long k : keys) {
                count[(int) (k >>> shift & 0xFF) + 1]++;
            }
            if (oneBucket(count, n)) {
                continue; // every key has the same byte here: the pass would change nothing
            }
            for (int b = 0; b < 256; b++) {
                count[b + 1] += count[b];
            }
            for (int i = 0; i < n; i++) {
                int dest = count[(int) (keys[i] >>> shift & 0xFF)]++;
                k2[dest] = keys[i];
                p2[dest] = payload[i];
            }
            System.arraycopy(k2, 0, keys, 0, n);
            System.arraycopy(p2, 0, payload, 0, n);
        }
    }

    private static boolean oneBucket(int[] count, int n) {
        for (int b = 1; b <= 256; b++) {
            if (count[b] == n) {
                return true;
            }
        }
        return false;
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
