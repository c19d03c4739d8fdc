package org.mcsim.lanes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.junit.jupiter.api.Test;

/**
 * The lane streams' definition (every lane is Commons RNG's xoshiro256++, value i from lane i mod 8)
 * and the vector fill against the plain one, bit for bit, for every transform and column length.
 */
class LaneFillTest {
    private static final int[] LENGTHS = {0, 1, 3, 7, 8, 9, 15, 16, 17, 63, 100, 257, 1000, 2047, 2048, 2049};

    @Test
    void everyLaneIsXoShiRo256PlusPlusAndValueIGoesToLaneIModEight() {
        long[] state = randomState(new SplittableRandom(1));
        long[] copy = state.clone();
        int n = 8 * 50 + 5;
        double[] out = new double[n];
        PlainLaneFill.INSTANCE.uniforms(state, out, n);
        for (int lane = 0; lane < Lanes.COUNT; lane++) {
            XoShiRo256PlusPlus rng = new XoShiRo256PlusPlus(new long[] {
                copy[lane], copy[8 + lane], copy[16 + lane], copy[24 + lane]});
            int steps = (n + 7) / 8;
            for (int k = 0; k < steps; k++) {
                long x = rng.nextLong();
                int i = 8 * k + lane;
                if (i < n) {
                    assertEquals(((x >>> 12) + 0.5) * 0x1.0p-52, out[i], "value " + i);
                }
            }
            // The state has advanced by every step drawn, dropped numbers included.
            XoShiRo256PlusPlus after = new XoShiRo256PlusPlus(new long[] {
                state[lane], state[8 + lane], state[16 + lane], state[24 + lane]});
            assertEquals(rng.nextLong(), after.nextLong(), "lane " + lane);
        }
    }

    @Test
    void firstValuesDoNotDependOnTheColumnLength() {
        long[] a = randomState(new SplittableRandom(2));
        long[] b = a.clone();
        double[] shortColumn = new double[48];
        double[] longColumn = new double[2048];
        PlainLaneFill.INSTANCE.lognormal(a, shortColumn, 37, 1, 0.5);
        PlainLaneFill.INSTANCE.lognormal(b, longColumn, 2048, 1, 0.5);
        for (int i = 0; i < 37; i++) {
            assertEquals(longColumn[i], shortColumn[i]);
        }
    }

    @Test
    void vectorFillHasThePlainFillsBits() {
        LaneFill vector = LaneFills.vector();
        assumeTrue(vector != null, "vector kernels unavailable here: " + Lanes.describe());
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < 40; round++) {
            for (int n : LENGTHS) {
                long[] state = randomState(random);
                double lo = random.nextDouble(-1e6, 1e6);
                double width = Math.scalb(random.nextDouble(0.01, 1), random.nextInt(-20, 20));
                double mode = lo + width * random.nextDouble();
                double sigma = random.nextDouble(0.01, 3);
                LaneFill.Triangle t = LaneFill.Triangle.of(lo, round % 5 == 0 ? lo : mode, lo + width);
                for (int kind = 0; kind < 6; kind++) {
                    long[] s1 = state.clone();
                    long[] s2 = state.clone();
                    double[] plain = new double[n + 1];
                    double[] vec = new double[n + 1];
                    plain[n] = vec[n] = 42;
                    run(PlainLaneFill.INSTANCE, kind, s1, plain, n, lo, width, sigma, t);
                    run(vector, kind, s2, vec, n, lo, width, sigma, t);
                    assertArrayEquals(bits(plain), bits(vec), "kind " + kind + ", n " + n + ", round " + round);
                    assertArrayEquals(s1, s2, "state after kind " + kind + ", n " + n);
                    assertEquals(42, vec[n], "nothing is written beyond n");
                }
            }
        }
    }

    @Test
    void currentIsAlwaysAnImplementation() {
        assertNotNull(LaneFills.current());
        assertNotNull(LaneFills.plain());
    }

    @Test
    void aRunOnEveryCoreCountsAQuarterOfItsValuesTowardsTheWarmUp() {
        assertEquals(1_000, LaneFills.counted(1_000, 1, 2), "a core left free: every value");
        assertEquals(250, LaneFills.counted(1_000, 2, 2));
        assertEquals(250, LaneFills.counted(1_000, 8, 2));
        assertEquals(1_000, LaneFills.counted(1_000, 7, 8));
        // The reference model (15 inputs) on 2 threads of 2 cores: 10^8 samples stay plain,
        // 1.5·10^8 warm the vector code up; on 1 thread 10^8 do.
        assertTrue(LaneFills.counted(100_000_000L * 15, 2, 2) < LaneFills.WORTH_WARMING);
        assertTrue(LaneFills.counted(150_000_000L * 15, 2, 2) >= LaneFills.WORTH_WARMING);
        assertTrue(LaneFills.counted(100_000_000L * 15, 1, 2) >= LaneFills.WORTH_WARMING);
    }

    private static void run(LaneFill f, int kind, long[] state, double[] out, int n, double lo, double width,
            double sigma, LaneFill.Triangle t) {
        switch (kind) {
            case 0 -> f.uniforms(state, out, n);
            case 1 -> f.uniform(state, out, n, lo, width, lo + width);
            case 2 -> f.normal(state, out, n, lo, width);
            case 3 -> f.lognormal(state, out, n, lo / 1e6, sigma);
            case 4 -> f.exponential(state, out, n, width);
            default -> f.triangular(state, out, n, t);
        }
    }

    static long[] randomState(SplittableRandom random) {
        long[] s = new long[LaneFill.STATE_LENGTH];
        for (int i = 0; i < s.length; i++) {
            s[i] = random.nextLong();
        }
        return s;
    }

    private static long[] bits(double[] x) {
        long[] b = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = Double.doubleToRawLongBits(x[i]);
        }
        return b;
    }
}
