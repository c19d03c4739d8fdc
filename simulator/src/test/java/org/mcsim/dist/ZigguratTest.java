package org.mcsim.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * The ziggurat's tables against their defining equations, and its draws against the standard
 * normal law: moments and bin frequencies, tails included, within 5 standard errors from fixed
 * seeds.
 */
class ZigguratTest {
    private static final NormalDistribution PHI = NormalDistribution.of(0, 1);

    @Test
    void publishedRootClosesTheTopLayer() {
        // Bisection on r of the closing condition v / x1 + f(x1) = 1, to adjacent doubles.
        double lo = 3;
        double hi = 4;
        while (Math.nextUp(lo) < hi) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) {
                break;
            }
            double v = Ziggurat.area(mid);
            double[] x = Ziggurat.edges(mid, v);
            boolean tooSmall = x == null || v / x[1] + Math.exp(-0.5 * x[1] * x[1]) > 1;
            if (tooSmall) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        assertEquals(hi, Ziggurat.R, 2e-15);
        // Marsaglia & Tsang (2000) give v = 0.00492867323399 for 256 layers.
        assertEquals(0.00492867323399, Ziggurat.V, 1e-13);
    }

    @Test
    void everyLayerHasTheBaseArea() {
        double[] x = Ziggurat.edges(Ziggurat.R, Ziggurat.V);
        for (int i = 1; i < Ziggurat.LAYERS; i++) {
            double height = (i == 1 ? 1 : Math.exp(-0.5 * x[i - 1] * x[i - 1])) - Math.exp(-0.5 * x[i] * x[i]);
            assertEquals(Ziggurat.V, x[i] * height, 1e-12 * Ziggurat.V, "layer " + i);
            assertTrue(x[i - 1] < x[i], "edges increase");
            assertEquals(x[i], Ziggurat.W[i] * Ziggurat.SCALE, 0, "W");
            assertEquals(Math.exp(-0.5 * x[i] * x[i]), Ziggurat.F[i], 1e-15, "F");
        }
        // the top layer closes at the mode: v / x1 + f(x1) = 1
        assertEquals(1, Ziggurat.V / x[1] + Math.exp(-0.5 * x[1] * x[1]), 1e-13);
    }

    @Test
    void fastPathTakesAbout98Point5PercentOfDraws() {
        // layer i accepts |u| < K[i] of its 2^52 points: the share x_{i-1}/x_i (r/q at the base)
        double fast = 0;
        for (int i = 0; i < Ziggurat.LAYERS; i++) {
            fast += Ziggurat.K[i] / Ziggurat.SCALE / Ziggurat.LAYERS;
        }
        assertEquals(0.985, fast, 0.002);
        long accepted = 0;
        BlockRandom rng = new BlockRandom(9, 8, 7, 6);
        int n = 1_000_000;
        for (int j = 0; j < n; j++) {
            long x = rng.nextLong();
            accepted += Math.abs(Ziggurat.point(x)) < Ziggurat.K[(int) x & Ziggurat.LAYER_MASK] ? 1 : 0;
        }
        assertEquals(fast, (double) accepted / n, 5 * Math.sqrt(fast * (1 - fast) / n));
    }

    @Test
    void momentsAreThoseOfTheStandardNormal() {
        int n = 2_000_000;
        double[] z = new double[n];
        new BlockRandom(11, 22, 33, 44).normals(z, n, 0, 1);
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        for (double v : z) {
            s1 += v;
            s2 += v * v;
            s3 += v * v * v;
            s4 += v * v * v * v;
        }
        // sd of the sample mean of Z^k: sqrt(E Z^2k - (E Z^k)^2 / n): 1, sqrt(2), sqrt(15), sqrt(96)
        assertEquals(0, s1 / n, 5 / Math.sqrt(n), "mean");
        assertEquals(1, s2 / n, 5 * Math.sqrt(2.0 / n), "E Z^2");
        assertEquals(0, s3 / n, 5 * Math.sqrt(15.0 / n), "E Z^3");
        assertEquals(3, s4 / n, 5 * Math.sqrt(96.0 / n), "E Z^4");
    }

    @Test
    void binFrequenciesIncludingTheTailsAreThoseOfTheStandardNormal() {
        int n = 4_000_000;
        double[] z = new double[n];
        new BlockRandom(7, 0, 0, 1).normals(z, n, 0, 1);
        // bins on layer edges, inside wedges, around r and far in the tails
        double[] edges = {-5, -4, -Ziggurat.R, -3, -2.5, -2, -1.5, -1, -0.5, -0.1, 0, 0.05, 0.3, 0.7, 1.2,
            1.9, 2.6, 3.2, Ziggurat.R, 3.9, 4.5, 5};
        long[] counts = new long[edges.length + 1];
        for (double v : z) {
            int b = 0;
            while (b < edges.length && v >= edges[b]) {
                b++;
            }
            counts[b]++;
        }
        for (int b = 0; b <= edges.length; b++) {
            double lo = b == 0 ? Double.NEGATIVE_INFINITY : edges[b - 1];
            double hi = b == edges.length ? Double.POSITIVE_INFINITY : edges[b];
            double p = PHI.probability(lo, hi);
            double se = Math.sqrt(p * (1 - p) / n);
            assertEquals(p, (double) counts[b] / n, 5 * se + 1.0 / n, "bin [" + lo + ", " + hi + ")");
        }
    }

    @Test
    void locationAndScaleAreApplied() {
        double[] a = new double[1000];
        double[] b = new double[1000];
        new BlockRandom(3, 1, 4, 1).normals(a, a.length, 0, 1);
        new BlockRandom(3, 1, 4, 1).normals(b, b.length, 10, 2);
        for (int i = 0; i < a.length; i++) {
            assertEquals(10 + 2 * a[i], b[i], 0);
        }
    }
}
