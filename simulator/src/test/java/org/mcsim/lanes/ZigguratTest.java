package org.mcsim.lanes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * The ziggurat against the normal law (the layers' areas, then 10⁷ draws: moments, equiprobable
 * bins, the tail, with limits of about 5 standard errors at a fixed seed) and against its written
 * definition (value by value from the lanes' uniforms and the spill generator, a Commons RNG
 * xoshiro256++).
 */
class ZigguratTest {
    private static final NormalDistribution PHI = NormalDistribution.of(0, 1);

    @Test
    void everyLayerHasTheSameArea() {
        double[] x = Ziggurat.X;
        double[] f = Ziggurat.F;
        assertEquals(Ziggurat.R, x[1]);
        for (int j = 1; j < Ziggurat.N; j++) {
            assertTrue(x[j + 1] < x[j], "widths decrease at " + j);
            // Layer j: the rectangle [0, X[j]] x [f(X[j]), f(X[j+1])].
            // (R and V are given to 13 digits: the recurrence closes the last layers within 1e-9.)
            assertEquals(Ziggurat.V, x[j] * (f[j + 1] - f[j]), 1e-8 * Ziggurat.V, "area of layer " + j);
        }
        // The base layer: the rectangle under f(R) plus the tail beyond R, of density
        // exp(-x^2/2) (unnormalized): sqrt(2 pi) (1 - Phi(R)).
        double tail = Math.sqrt(2 * Math.PI) * PHI.survivalProbability(Ziggurat.R);
        assertEquals(Ziggurat.V, Ziggurat.R * f[1] + tail, 1e-9 * Ziggurat.V);
        assertEquals(Ziggurat.V / f[1], x[0]);
        // The cap: all of the density above f(X[N-1]) within the last width, the same area.
        assertTrue(x[Ziggurat.N - 1] > 0);
    }

    @Test
    void drawsFollowTheStandardNormal() {
        int n = 10_000_000;
        double[] z = draws(n, new SplittableRandom(11));
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
        // Standard errors of the raw moments: sqrt(E z^2k - (E z^k)^2) / sqrt(n) = 1, sqrt 2, sqrt 15, sqrt 96.
        double root = Math.sqrt(n);
        assertEquals(0, s1 / n, 5 / root, "mean");
        assertEquals(1, s2 / n, 5 * Math.sqrt(2) / root, "E z^2");
        assertEquals(0, s3 / n, 5 * Math.sqrt(15) / root, "E z^3");
        assertEquals(3, s4 / n, 5 * Math.sqrt(96) / root, "E z^4");

        // 1000 equiprobable bins: chi-square with 999 degrees of freedom (mean 999, sd 44.7).
        int bins = 1000;
        long[] counts = new long[bins];
        for (double v : z) {
            counts[Math.min(bins - 1, (int) (PHI.cumulativeProbability(v) * bins))]++;
        }
        double expected = (double) n / bins;
        double chi2 = 0;
        for (long c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        assertTrue(chi2 < 999 + 5 * 44.7, "chi-square " + chi2);

        // The rare regions: beyond the base layer (the tail), beyond 4.5, and inside the cap.
        assertFraction(z, 2 * PHI.survivalProbability(Ziggurat.R), v -> Math.abs(v) >= Ziggurat.R);
        assertFraction(z, 2 * PHI.survivalProbability(4.5), v -> Math.abs(v) >= 4.5);
        double cap = Ziggurat.X[Ziggurat.N - 1];
        assertFraction(z, 1 - 2 * PHI.survivalProbability(cap), v -> Math.abs(v) < cap);
        // The wedge region of layer 100 (between its inner and outer edge).
        double inner = Ziggurat.X[101];
        double outer = Ziggurat.X[100];
        assertFraction(z, 2 * (PHI.survivalProbability(inner) - PHI.survivalProbability(outer)),
            v -> Math.abs(v) >= inner && Math.abs(v) < outer);
    }

    private static void assertFraction(double[] z, double p, java.util.function.DoublePredicate in) {
        long c = 0;
        for (double v : z) {
            if (in.test(v)) {
                c++;
            }
        }
        double se = Math.sqrt(p * (1 - p) / z.length);
        assertEquals(p, (double) c / z.length, 5 * se + 1e-12, "fraction expected " + p);
    }

    /** Value by value: the decision from the uniform's 53 bits, the rejection steps from the spill generator. */
    @Test
    void drawsAreTheWrittenDefinition() {
        SplittableRandom random = new SplittableRandom(12);
        int rejected = 0;
        for (int round = 0; round < 200; round++) {
            long[] state = LaneFillTest.randomState(random);
            double[] u = new double[2048];
            PlainLaneFill.INSTANCE.uniforms(state.clone(), u, u.length);
            XoShiRo256PlusPlus spill = new XoShiRo256PlusPlus(new long[] {state[32], state[33], state[34], state[35]});
            double mean = random.nextDouble(-10, 10);
            double sd = random.nextDouble(0.1, 10);
            double[] z = new double[2048];
            PlainLaneFill.INSTANCE.normal(state, z, z.length, mean, sd);
            for (int i = 0; i < z.length; i++) {
                long k = (long) (u[i] * 0x1.0p52);
                int j = (int) (k & 255);
                long m = (k >>> 8) - (1L << 43);
                double v;
                if (Math.abs(m) * 0x1.0p-43 < Ziggurat.X[j + 1] / Ziggurat.X[j]) {
                    v = m * 0x1.0p-43 * Ziggurat.X[j];
                } else {
                    rejected++;
                    v = slow(spill, j, m);
                }
                assertEquals(mean + sd * v, z[i], "value " + i + " of round " + round);
            }
            // The spill generator advanced by exactly the numbers the rejections used.
            assertEquals(spill.nextLong(), Ziggurat.spillNext(state));
        }
        // The share of first candidates outside their layer: m is uniform on [-2^43, 2^43), so
        // P(|m| < K[j]) = (2 K[j] - 1) / 2^44 (0 for the top layer), layers equally likely (1.49 %).
        double inside = 0;
        for (int j = 0; j < Ziggurat.N; j++) {
            inside += Ziggurat.K[j] == 0 ? 0 : (2.0 * Ziggurat.K[j] - 1) * 0x1.0p-44 / Ziggurat.N;
        }
        double n = 200 * 2048.0;
        double p = 1 - inside;
        assertEquals(p, rejected / n, 5 * Math.sqrt(p * (1 - p) / n), "share rejected");
    }

    private static double slow(XoShiRo256PlusPlus spill, int j, long m) {
        double[] x = Ziggurat.X;
        double[] f = Ziggurat.F;
        while (true) {
            if (j == 0) {
                double a;
                double b;
                do {
                    a = -LaneMath.log(open(spill)) / Ziggurat.R;
                    b = -LaneMath.log(open(spill));
                } while (2 * b < a * a);
                return m < 0 ? -(Ziggurat.R + a) : Ziggurat.R + a;
            }
            double v = m * 0x1.0p-43 * x[j];
            if (f[j] + open(spill) * (f[j + 1] - f[j]) < LaneMath.exp(-0.5 * v * v)) {
                return v;
            }
            long k = spill.nextLong() >>> 12;
            j = (int) (k & 255);
            m = (k >>> 8) - (1L << 43);
            if (Math.abs(m) * 0x1.0p-43 < x[j + 1] / x[j]) {
                return m * 0x1.0p-43 * x[j];
            }
        }
    }

    private static double open(XoShiRo256PlusPlus rng) {
        return ((rng.nextLong() >>> 12) + 0.5) * 0x1.0p-52;
    }

    private static double[] draws(int n, SplittableRandom random) {
        double[] z = new double[n];
        double[] column = new double[2048];
        for (int at = 0; at < n; at += column.length) {
            long[] state = LaneFillTest.randomState(random);
            int len = Math.min(column.length, n - at);
            LaneFills.current().normal(state, column, len, 0, 1);
            System.arraycopy(column, 0, z, at, len);
        }
        return z;
    }
}
