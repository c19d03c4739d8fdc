package org.mcsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.mcsim.lanes.LaneFills;
import org.mcsim.lanes.Lanes;

/**
 * The vector pass gives the same six results, bit for bit, as the plain pass that defines them, for
 * every block length and for values that stress the order of the additions (wide exponents, mixed
 * signs, overflow to infinity, underflow) and the semantics of min and max (NaN, ±∞, ±0.0).
 *
 * <p>The pass uses the CPU's preferred species, a constant, so the checks run here with that
 * species and again in child JVMs whose preferred vectors are 256 and 128 bits wide
 * ({@code -XX:UseAVX=2}, {@code -XX:MaxVectorSize=16}): the code, compiled, as it runs on such CPUs.
 */
class VectorBlockSumsTest {
    private static final List<VectorSpecies<Double>> SPECIES = List.of(
        DoubleVector.SPECIES_PREFERRED, DoubleVector.SPECIES_256, DoubleVector.SPECIES_128);
    private static final int KINDS = 8;

    /** A block of the given kind; every kind but the first two varies its values' exponents widely. */
    private static double[] block(UniformRandomProvider rng, int kind, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double g = gaussian(rng);
            x[i] = switch (kind) {
                case 0 -> Math.exp(6 + 0.23 * g);
                case 1 -> 1e6 + Math.exp(2 * g);
                // spans 2^-1074 .. 2^1023 and both signs: powers overflow and underflow
                case 2 -> (rng.nextBoolean() ? 1 : -1) * Math.scalb(1 + rng.nextDouble(), rng.nextInt(2098) - 1074);
                case 3 -> g * Math.exp(3 * gaussian(rng));
                case 4 -> (rng.nextBoolean() ? 1e300 : 1e-300) * g;
                // zeros of both signs at the minimum or the maximum
                case 5 -> zeroOr(rng, Math.abs(g));
                case 6 -> zeroOr(rng, -Math.abs(g));
                default -> special(rng, g);
            };
        }
        return x;
    }

    private static double zeroOr(UniformRandomProvider rng, double v) {
        int r = rng.nextInt(4);
        return r == 0 ? 0.0 : r == 1 ? -0.0 : v;
    }

    /** Mostly ordinary values with NaN, ±∞ and ±0.0 sprinkled in. */
    private static double special(UniformRandomProvider rng, double g) {
        return switch (rng.nextInt(200)) {
            case 0 -> Double.NaN;
            case 1 -> Double.POSITIVE_INFINITY;
            case 2 -> Double.NEGATIVE_INFINITY;
            case 3 -> -0.0;
            case 4 -> 0.0;
            case 5 -> Double.MAX_VALUE;
            case 6 -> Double.MIN_VALUE;
            default -> 10 * g;
        };
    }

    private static double gaussian(UniformRandomProvider rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    /** The shift {@link Moments} uses, the mean of the first 8 values (0 for an empty block). */
    private static double shift(double[] x, int n) {
        int k = Math.min(n, 8);
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += x[i];
        }
        return k == 0 ? 0 : s / k;
    }

    private static void assertSame(BlockSums plain, BlockSums vector, String what) {
        double[] p = {plain.sum1, plain.sum2, plain.sum3, plain.sum4, plain.min, plain.max};
        double[] v = {vector.sum1, vector.sum2, vector.sum3, vector.sum4, vector.min, vector.max};
        String[] names = {"sum1", "sum2", "sum3", "sum4", "min", "max"};
        for (int q = 0; q < p.length; q++) {
            // raw bits, so that -0.0 and 0.0 differ; a NaN is a NaN whatever its payload
            long pb = Double.isNaN(p[q]) ? 0x7ff8000000000000L : Double.doubleToRawLongBits(p[q]);
            long vb = Double.isNaN(v[q]) ? 0x7ff8000000000000L : Double.doubleToRawLongBits(v[q]);
            if (pb != vb) {
                fail(String.format(Locale.ROOT, "%s: %s plain %s (%x) vector %s (%x)",
                    what, names[q], p[q], pb, v[q], vb));
            }
        }
    }

    private static final VectorBlockSums PASS = new VectorBlockSums();

    private static void check(double[] x, int n, double shift, String what) {
        BlockSums plain = BlockSums.create();
        BlockSums vector = BlockSums.create();
        plain.computePlain(x, n, shift);
        PASS.compute(x, n, shift, vector);
        assertSame(plain, vector, what);
    }

    @Test
    void everyLengthGivesThePlainBits() {
        everyLength();
    }

    @Test
    void boundaryLengthsOfEveryKindGiveThePlainBits() {
        boundaryLengths();
    }

    /** Blocks of one repeated special value, where min and max are that value (or NaN). */
    @Test
    void constantSpecialBlocksGiveThePlainBits() {
        constantSpecialBlocks();
    }

    @Test
    void with256BitVectorsTheBitsAreThePlainBits() throws Exception {
        VectorChildJvm.at256Bits(VectorBlockSumsTest.class);
    }

    @Test
    void with128BitVectorsTheBitsAreThePlainBits() throws Exception {
        VectorChildJvm.at128Bits(VectorBlockSumsTest.class);
    }

    private static void everyLength() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261204L);
        for (int n = 0; n <= 4500; n++) {
            int kind = n % KINDS;
            // longer arrays than n: the pass must read only x[0..n)
            double[] x = block(rng, kind, n + rng.nextInt(3) * 100);
            check(x, n, shift(x, n), "n=" + n + " kind=" + kind);
        }
    }

    private static void boundaryLengths() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        int[] lengths = {2048, 2047, 2049, 256, 257, 255, 128, 129, 127, 384, 383, 7, 8, 9, 1};
        for (int n : lengths) {
            for (int kind = 0; kind < KINDS; kind++) {
                for (int rep = 0; rep < 5; rep++) {
                    double[] x = block(rng, kind, n);
                    // the engine's shift, and shifts far off the values
                    double[] shifts = {shift(x, n), 0, -1e6, 3e200};
                    for (double shift : shifts) {
                        check(x, n, shift, "n=" + n + " kind=" + kind + " shift=" + shift);
                    }
                }
            }
        }
    }

    private static void constantSpecialBlocks() {
        double[] values = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double v : values) {
            for (int n : new int[] {1, 5, 127, 128, 200, 256, 2048, 2047}) {
                double[] x = new double[n];
                Arrays.fill(x, v);
                check(x, n, shift(x, n), "all " + v + " n=" + n);
                for (int at = 0; at < n; at += 37) {
                    // one opposite-signed zero or one NaN somewhere in the block
                    double[] y = x.clone();
                    y[at] = v == 0 ? -v : Double.NaN;
                    String what = "all " + v + " but " + y[at] + " at " + at + " n=" + n;
                    check(y, n, shift(y, n), what);
                    check(y, n, 0, what + " shift 0");
                }
            }
        }
    }


    /**
     * The checks, in a child JVM: {@code args[0]} is the number of lanes its vectors must hold.
     *
     * @param args the expected lanes
     */
    public static void main(String[] args) {
        int lanes = VectorBlockSums.width();
        if (lanes != Integer.parseInt(args[0])) {
            System.out.println("vectors of " + lanes + " lanes, not " + args[0]);
            System.exit(2);
        }
        try {
            everyLength();
            boundaryLengths();
            constantSpecialBlocks();
        } catch (AssertionError e) {
            System.out.println(e.getMessage());
            System.exit(1);
        }
        System.out.println("checked " + lanes + " lanes");
    }

    /** The lanewise MIN and MAX the pass relies on behave as Math.min and Math.max. */
    @Test
    void lanewiseMinAndMaxAreMathMinAndMax() {
        double[] values = {Double.NaN, -0.0, 0.0, 1, -1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_VALUE};
        for (VectorSpecies<Double> s : SPECIES) {
            double[] a = new double[s.length()];
            double[] b = new double[s.length()];
            double[] lo = new double[s.length()];
            double[] hi = new double[s.length()];
            for (double u : values) {
                for (double w : values) {
                    Arrays.fill(a, u);
                    Arrays.fill(b, w);
                    DoubleVector va = DoubleVector.fromArray(s, a, 0);
                    DoubleVector vb = DoubleVector.fromArray(s, b, 0);
                    va.min(vb).intoArray(lo, 0);
                    va.max(vb).intoArray(hi, 0);
                    for (int j = 0; j < s.length(); j++) {
                        assertEquals(Double.doubleToLongBits(Math.min(u, w)), Double.doubleToLongBits(lo[j]),
                            () -> "min(" + u + ", " + w + ")");
                        assertEquals(Double.doubleToLongBits(Math.max(u, w)), Double.doubleToLongBits(hi[j]),
                            () -> "max(" + u + ", " + w + ")");
                    }
                }
            }
        }
    }

    /**
     * The same with the preferred species as a constant, after enough calls for C2 to compile the
     * loop to its MinV/MaxV instructions (which are not the Java code run above).
     */
    @Test
    void compiledLanewiseMinAndMaxAreMathMinAndMax() {
        double[] values = {Double.NaN, -0.0, 0.0, 1, -1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_VALUE};
        int width = DoubleVector.SPECIES_PREFERRED.length();
        int pairs = values.length * values.length;
        int len = (pairs + width - 1) / width * width;
        double[] a = new double[len];
        double[] b = new double[len];
        for (int k = 0; k < pairs; k++) {
            a[k] = values[k / values.length];
            b[k] = values[k % values.length];
        }
        double[] lo = new double[len];
        double[] hi = new double[len];
        for (int rep = 0; rep < 20_000; rep++) {
            minMax(a, b, lo, hi);
        }
        for (int k = 0; k < pairs; k++) {
            double u = a[k];
            double w = b[k];
            assertEquals(Double.doubleToLongBits(Math.min(u, w)), Double.doubleToLongBits(lo[k]),
                () -> "min(" + u + ", " + w + ")");
            assertEquals(Double.doubleToLongBits(Math.max(u, w)), Double.doubleToLongBits(hi[k]),
                () -> "max(" + u + ", " + w + ")");
        }
    }

    private static void minMax(double[] a, double[] b, double[] lo, double[] hi) {
        for (int i = 0; i < a.length; i += DoubleVector.SPECIES_PREFERRED.length()) {
            DoubleVector va = DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, a, i);
            DoubleVector vb = DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, b, i);
            va.min(vb).intoArray(lo, i);
            va.max(vb).intoArray(hi, i);
        }
    }

    @Test
    void blockSumsRunsTheVectorPassWhereLanesAllowIt() {
        assertEquals(Lanes.vectorEnabled(), BlockSums.vectorized());
        assertEquals(Lanes.vectorEnabled(), BlockSums.warmup() != null);
    }

    /** The warm-up thread finds the compiled vector pass as fast as the plain one, and hands over. */
    @Test
    void theWarmUpHandsOverToTheVectorPass() throws InterruptedException {
        assumeTrue(BlockSums.vectorized(), "no vector pass in this JVM");
        VectorWarmup w = BlockSums.warmup();
        // a run with a core to spare (on a machine of one core, every run takes them all)
        LaneFills.anticipate(0, 1);
        assumeTrue(w.started() || !LaneFills.busyCores() || LaneFills.warmUpStarted(), "every core taken");
        // what the engine's threads do: the warm-up starts after enough plain blocks
        double[] x = {1.5};
        BlockSums work = BlockSums.create();
        for (int i = 0; i <= BlockSums.WARMUP_AFTER_BLOCKS && !w.started(); i++) {
            work.compute(x, x.length, 1);
        }
        assertTrue(w.started());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!w.ready() && !w.failed() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(w.ready());
        assertFalse(w.failed());
    }

    /**
     * After {@value BlockSums#WARMUP_AFTER_BLOCKS} plain blocks; and when the run's threads take
     * every core, only once the lane fill's warm-up has started (a run large enough to pay for both).
     */
    @Test
    void theWarmUpWaitsForTheLaneWarmUpWhenEveryCoreIsTaken() {
        long after = BlockSums.WARMUP_AFTER_BLOCKS;
        assertFalse(BlockSums.warmUpMayStart(after - 1, false, false));
        assertTrue(BlockSums.warmUpMayStart(after, false, false));
        assertFalse(BlockSums.warmUpMayStart(after, true, false));
        assertFalse(BlockSums.warmUpMayStart(after - 1, true, true));
        assertTrue(BlockSums.warmUpMayStart(after, true, true));
        assertTrue(BlockSums.warmUpMayStart(10 * after, false, true));
    }

    /** Once warm, the pass allocates nothing, whole blocks or not (the vectors stay in registers). */
    @Test
    void theWarmPassAllocatesNothing() throws InterruptedException {
        assumeTrue(BlockSums.awaitVectorPass(60_000), "no warm vector pass in this JVM");
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        double[] x = block(rng, 0, 2048);
        int[] lengths = {2048, 2048, 2047, 2048, 1500, 2048, 130, 1};
        BlockSums out = BlockSums.create();
        for (int i = 0; i < 20_000; i++) {
            PASS.compute(x, lengths[i % lengths.length], 400, out);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 2_000; i++) {
            PASS.compute(x, lengths[i % lengths.length], 400, out);
        }
        long bytes = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(bytes < 2_000, () -> bytes + " bytes allocated by 2000 blocks");
    }

    /** A pass that does not give the plain pass's bits is never handed over. */
    @Test
    void aPassWithOtherBitsIsNeverUsed() {
        VectorWarmup w = new VectorWarmup((x, n, shift, out) -> {
            out.computePlain(x, n, shift);
            out.sum3 = Math.nextUp(out.sum3);
        }, new VectorSketchPositions());
        w.run();
        assertTrue(w.failed());
        assertFalse(w.ready());
    }

    /**
     * Compiled vector positions that stay slower than the plain ones are given up after
     * {@value VectorWarmup#SLOW_WINDOWS} windows, not after the minute of the give-up: here the
     * plain positions, taking twice as long.
     */
    @Test
    void slowerPositionsAreGivenUpSoon() {
        VectorWarmup w = new VectorWarmup(new VectorBlockSums(), (sketch, x, from, n, at) -> {
            long t0 = System.nanoTime();
            sketch.plainPositions(x, from, n, at, 0);
            long spent = System.nanoTime() - t0;
            while (System.nanoTime() - t0 < 2 * spent + 1_000) {
                Thread.onSpinWait();
            }
            return n;
        });
        long t0 = System.nanoTime();
        w.run();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        assertTrue(w.positionsSlower());
        assertFalse(w.positionsReady());
        assertFalse(w.positionsFailed());
        assertTrue(seconds < 30, () -> "decided after " + seconds + " s");
    }

    /** Nor are sketch positions that are not the plain ones (here one in a block is off by one). */
    @Test
    void positionsOtherThanThePlainOnesAreNeverUsed() {
        VectorWarmup w = new VectorWarmup(new VectorBlockSums(), (sketch, x, from, n, at) -> {
            int whole = new VectorSketchPositions().positions(sketch, x, from, n, at);
            if (whole > 100) {
                at[100]++;
            }
            return whole;
        });
        w.run();
        assertTrue(w.positionsFailed());
        assertFalse(w.positionsReady());
        // judged apart: the moments pass is still handed over
        assertFalse(w.failed());
        assertTrue(w.ready());
    }
}
