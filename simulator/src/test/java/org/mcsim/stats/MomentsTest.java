package org.mcsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.descriptive.Kurtosis;
import org.apache.commons.statistics.descriptive.Variance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MomentsTest {

    /** A skewed sample with a large offset, where naive one-pass sums lose digits. */
    private static double[] sample(long seed, int n) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1e6 + Math.exp(2 * rng.nextDouble()) * 10;
        }
        return x;
    }

    /** Direct two-pass central sums {mean, M2, M3, M4}. */
    private static double[] reference(double[] x) {
        double mean = Arrays.stream(x).sum() / x.length;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
        }
        return new double[] {mean, m2, m3, m4};
    }

    private static Moments inBlocks(double[] x, int... sizes) {
        Moments total = Moments.create();
        int from = 0;
        for (int size : sizes) {
            Moments block = Moments.create();
            block.accept(Arrays.copyOfRange(x, from, from + size), size);
            total.combine(block);
            from += size;
        }
        assertEquals(x.length, from);
        return total;
    }

    private static void assertRelative(double expected, double actual, double tol) {
        assertEquals(expected, actual, Math.abs(expected) * tol, () -> "expected " + expected + " got " + actual);
    }

    @Test
    void oneBlockMatchesTwoPassReference() {
        double[] x = sample(1, 10_000);
        double[] ref = reference(x);
        Moments m = Moments.create();
        m.accept(x, x.length);
        assertEquals(10_000, m.count());
        assertRelative(ref[0], m.mean(), 1e-15);
        assertRelative(ref[1] / 9_999, m.variance(), 1e-12);
        assertRelative(ref[3] / 10_000, m.centralMoment4(), 1e-11);
        assertRelative(ref[2] / 10_000, m.centralMoment3(), 1e-9);
        assertEquals(Arrays.stream(x).min().getAsDouble(), m.min());
        assertEquals(Arrays.stream(x).max().getAsDouble(), m.max());
    }

    @Test
    void varianceAndKurtosisAgreeWithCommonsStatistics() {
        double[] x = sample(2, 5_000);
        Moments m = inBlocks(x, 1000, 1000, 3000);
        assertRelative(Variance.of(x).getAsDouble(), m.variance(), 1e-12);
        assertRelative(Kurtosis.of(x).getAsDouble(), m.kurtosis(), 1e-10);
    }

    @Test
    void differentSplitsAgreeUpToRounding() {
        double[] x = sample(3, 10_000);
        double[] ref = reference(x);
        int[][] splits = {{10_000}, {1, 9_999}, {9_999, 1}, {4096, 4096, 1808}, {3, 5000, 4997}, {2, 2, 9_996}};
        for (int[] split : splits) {
            Moments m = inBlocks(x, split);
            assertEquals(10_000, m.count());
            assertRelative(ref[0], m.mean(), 1e-15);
            assertRelative(ref[1], m.variance() * 9_999, 1e-12);
            assertRelative(ref[3], m.centralMoment4() * 10_000, 1e-11);
            assertRelative(ref[2], m.centralMoment3() * 10_000, 1e-8);
        }
    }

    @Test
    void fixedSplitIsBitReproducible() {
        double[] x = sample(4, 7_777);
        Moments a = inBlocks(x, 1000, 2000, 4777);
        Moments b = inBlocks(x, 1000, 2000, 4777);
        assertEquals(Double.doubleToRawLongBits(a.mean()), Double.doubleToRawLongBits(b.mean()));
        assertEquals(Double.doubleToRawLongBits(a.variance()), Double.doubleToRawLongBits(b.variance()));
        assertEquals(Double.doubleToRawLongBits(a.centralMoment3()), Double.doubleToRawLongBits(b.centralMoment3()));
        assertEquals(Double.doubleToRawLongBits(a.centralMoment4()), Double.doubleToRawLongBits(b.centralMoment4()));
    }

    @Test
    void combineWithEmptyIsIdentityAndLeavesOtherUnchanged() {
        double[] x = {1, 2, 3, 4};
        Moments m = Moments.create();
        m.accept(x, 4);
        Moments empty = Moments.create();
        m.combine(empty);
        assertEquals(2.5, m.mean());
        assertEquals(0, empty.count());
        empty.combine(m);
        assertEquals(2.5, empty.mean());
        assertEquals(5.0 / 3, empty.variance(), 1e-15);
        assertEquals(4, m.count());
    }

    @Test
    void acceptReadsOnlyThePrefix() {
        Moments m = Moments.create();
        m.accept(new double[] {1, 3, 1000}, 2);
        assertEquals(2, m.count());
        assertEquals(2.0, m.mean());
        assertEquals(3.0, m.max());
    }

    @Test
    void smallAndConstantSamples() {
        Moments empty = Moments.create();
        assertTrue(Double.isNaN(empty.mean()));
        assertTrue(Double.isNaN(empty.min()));
        Moments one = Moments.create();
        one.accept(new double[] {7}, 1);
        assertEquals(7.0, one.mean());
        assertTrue(Double.isNaN(one.variance()));
        Moments constant = Moments.create();
        constant.accept(new double[] {0.1, 0.1, 0.1, 0.1, 0.1}, 5);
        assertEquals(0.0, constant.variance());
        assertEquals(0.1, constant.mean());
        assertTrue(Double.isNaN(constant.kurtosis()));
    }

    @Test
    void kurtosisOfUniformApproachesMinusSixFifths() {
        // Excess kurtosis of U(0,1) is -1.2; with n = 1e6 its standard error is about
        // sqrt(24/n)·(smaller for light tails) < 0.005, so 0.025 is 5 standard errors.
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        double[] x = new double[1_000_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble();
        }
        Moments m = Moments.create();
        m.accept(x, x.length);
        assertEquals(-1.2, m.kurtosis(), 0.025);
    }

    /** Block lengths around the lane count and the two-chunk step of {@link BlockSums}. */
    private static final int W = BlockSums.LANES;

    /** Awkward data: a large offset with a small spread, or heavy tails of both signs. */
    private static double[] awkward(long seed, int n, boolean offset) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = offset ? 1e9 + rng.nextDouble() * 3 - 1 : (rng.nextDouble() - 0.4) * Math.exp(3 * rng.nextDouble());
        }
        return x;
    }

    /**
     * {mean, M2, M3, M4} of double values, exact but for the final rounding: with S the exact sum,
     * M_k = Σ(n·x − S)^k / n^k, all in exact decimal arithmetic.
     */
    private static double[] exactReference(double[] x) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : x) {
            sum = sum.add(new BigDecimal(v));
        }
        BigDecimal n = BigDecimal.valueOf(x.length);
        BigDecimal[] m = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (double v : x) {
            BigDecimal d = new BigDecimal(v).multiply(n).subtract(sum);
            BigDecimal p = d.multiply(d);
            for (int k = 0; k < 3; k++) {
                m[k] = m[k].add(p);
                p = p.multiply(d);
            }
        }
        MathContext mc = MathContext.DECIMAL128;
        return new double[] {sum.divide(n, mc).doubleValue(), m[0].divide(n.pow(2), mc).doubleValue(),
            m[1].divide(n.pow(3), mc).doubleValue(), m[2].divide(n.pow(4), mc).doubleValue()};
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 8, 9, W - 1, W, W + 1, 2 * W - 1, 2 * W, 2 * W + 1, 3 * W + 5, 2048, 2049})
    void vectorizedPassMatchesExactCentralSumsOnAwkwardData(int n) {
        for (boolean offset : new boolean[] {true, false}) {
            double[] x = awkward(n, n, offset);
            double[] ref = exactReference(x);
            Moments m = Moments.create();
            m.accept(x, n, BlockSums.create());
            // The central sums are computed about a shift near the mean, so their error is a few
            // ulps of n·sd^k (the size of the terms), not of the offset's powers.
            double sd = Math.sqrt(ref[1] / n);
            String what = "n=" + n + " offset=" + offset;
            assertEquals(ref[0], m.mean(), Math.ulp(Math.abs(ref[0])) * 2 + 1e-15 * sd, what);
            assertEquals(ref[1], m.centralMoment2() * n, 1e-13 * n * sd * sd, what);
            assertEquals(ref[2], m.centralMoment3() * n, 1e-13 * n * sd * sd * sd, what);
            assertEquals(ref[3], m.centralMoment4() * n, 1e-13 * n * sd * sd * sd * sd, what);
            assertEquals(Arrays.stream(x).min().getAsDouble(), m.min(), what);
            assertEquals(Arrays.stream(x).max().getAsDouble(), m.max(), what);
        }
    }

    private static long[] bits(Moments m) {
        return new long[] {m.count(), Double.doubleToRawLongBits(m.mean()), Double.doubleToRawLongBits(m.variance()),
            Double.doubleToRawLongBits(m.centralMoment3()), Double.doubleToRawLongBits(m.centralMoment4()),
            Double.doubleToRawLongBits(m.min()), Double.doubleToRawLongBits(m.max())};
    }

    @Test
    void sameBlockGivesSameBitsWhateverWorkingMemoryOrThread() throws Exception {
        double[] x = awkward(11, 2049, false);
        Moments first = Moments.create();
        first.accept(x, 2049, BlockSums.create());
        BlockSums used = BlockSums.create();
        Moments dirty = Moments.create();
        dirty.accept(awkward(12, 5000, true), 5000, used);
        for (int n : new int[] {1, 7, W + 1, 2048}) {
            Moments a = Moments.create();
            a.accept(x, n, BlockSums.create());
            Moments b = Moments.create();
            b.accept(x, n, used);
            Moments c = CompletableFuture.supplyAsync(() -> {
                Moments t = Moments.create();
                t.accept(x, n);
                return t;
            }).get();
            assertTrue(Arrays.equals(bits(a), bits(b)), "n=" + n);
            assertTrue(Arrays.equals(bits(a), bits(c)), "n=" + n);
        }
        Moments again = Moments.create();
        again.accept(x, 2049, used);
        assertTrue(Arrays.equals(bits(first), bits(again)));
    }

    @Test
    void nanAnywhereMakesTheMeanNaN() {
        for (int at : new int[] {0, 5, W + 3, 2047}) {
            double[] x = awkward(13, 2048, false);
            x[at] = Double.NaN;
            Moments m = Moments.create();
            m.accept(x, x.length);
            assertTrue(Double.isNaN(m.mean()), "at " + at);
            assertEquals(2048, m.count());
        }
    }

    @Test
    void infinitiesMakeTheMeanNonFiniteAndShowInTheExtremes() {
        for (int at : new int[] {0, 5, 9, W + 3, 2047}) {
            double[] x = awkward(14, 2048, false);
            double finiteMin = Arrays.stream(x).min().getAsDouble();
            x[at] = Double.POSITIVE_INFINITY;
            Moments m = Moments.create();
            m.accept(x, x.length);
            assertFalse(Double.isFinite(m.mean()), "at " + at);
            assertEquals(Double.POSITIVE_INFINITY, m.max(), "at " + at);
            assertEquals(finiteMin, m.min(), "at " + at);
            if (at >= 8) {
                // Outside the values that set the shift, +inf stays +inf in the mean.
                assertEquals(Double.POSITIVE_INFINITY, m.mean(), "at " + at);
            }
            x[(at + 1000) % 2048] = Double.NEGATIVE_INFINITY;
            Moments both = Moments.create();
            both.accept(x, x.length);
            assertTrue(Double.isNaN(both.mean()), "at " + at);
            assertEquals(Double.NEGATIVE_INFINITY, both.min());
            assertEquals(Double.POSITIVE_INFINITY, both.max());
        }
    }
}
