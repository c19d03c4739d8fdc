package org.mcsim.stats;

import java.util.Arrays;
import org.mcsim.lanes.LaneFills;
import org.mcsim.lanes.Lanes;

/**
 * Working memory for {@link Moments#accept(double[], int, BlockSums)}: the one pass over a block
 * that sums the powers of d = x − K about a shift K and finds the minimum and maximum.
 *
 * <p>The pass is written so that the JIT compiler's superword pass turns it into SIMD code (C2
 * vectorizes counted loops of elementwise loads and stores, but not a floating-point reduction
 * into a scalar, whose order it must keep). Value i of the block goes to lane i mod
 * {@value #LANES}; each lane keeps its own Σd, Σd², Σd³, Σd⁴, min and max in a small array, so
 * the inner loop is elementwise over the lanes. Two chunks of {@value #LANES} values are added per
 * pass over the lanes (lane j adds value j of the first chunk, then value j of the second), which
 * halves the stores; a remainder shorter than two chunks goes one chunk at a time. At the end the
 * lanes are folded in halves (lane j takes lane j + h, h = 64, 32, 16, 8) and the
 * last 8 added as a balanced tree. Every step is in a fixed order, so the sums are a fixed function
 * of the values and their count: the same block gives the same bits on any thread, compiled or
 * interpreted, vectorized or not.
 *
 * <p>The loops read a copy of the current chunks placed in the same array as the lanes, at fixed
 * offsets: C2 (JDK 17) does not vectorize a loop whose loads ({@code x[base + j]}) and stores
 * ({@code lanes[j]}) have different loop-invariant offsets, since it cannot prove they do not
 * overlap. Sums and extremes are two loops because one loop with both exceeds C2's unrolling budget
 * and stays scalar. {@link Math#min(double, double)} and {@link Math#max(double, double)} vectorize;
 * a NaN among the values makes the minimum and maximum NaN (and the sums, hence the mean).
 *
 * <p>That plain pass is the definition of the results. Where {@link Lanes#vectorEnabled()} holds,
 * {@link #compute} runs instead {@link VectorBlockSums}, the same lanes and additions written with
 * the Vector API, which reads the values in place and keeps each vector of lanes in registers: the
 * same bits, in about half the time once compiled (AVX-512, JDK 17 and 25: 0.2–0.35 against
 * 0.5–0.7 ns per value on blocks in the caches, 0.45–0.65 against 0.65–1.1 on blocks read from
 * memory). The choice is made once, when this class is initialized. Interpreted,
 * the vector pass costs about a millisecond per 2048-value block, for the first several hundred
 * blocks of a JVM, so it is used only once {@link VectorWarmup} has brought it to compiled speed
 * on a thread of its own (about 0.9 s of a core); the plain pass runs until then. The warm-up
 * starts after {@value #WARMUP_AFTER_BLOCKS} blocks: shorter runs, which the vector pass would
 * save less than the warm-up costs, never pay for it.
 *
 * <p>Not thread-safe: one instance per thread, reused for every block; it allocates nothing after
 * construction.
 */
public final class BlockSums {
    /** Independent partial sums per quantity; {@link #compute} folds exactly 128 to 8. */
    static final int LANES = 128;
    static final int S1 = 0;
    static final int S2 = LANES;
    static final int S3 = 2 * LANES;
    static final int S4 = 3 * LANES;
    static final int LO = 4 * LANES;
    static final int HI = 5 * LANES;
    /** Where the current one or two chunks of values are copied. */
    private static final int XS = 6 * LANES;

    /** The lanes of each quantity, then two chunks of values; offsets keep all equally aligned. */
    final double[] a = new double[8 * LANES];
    /** Results of the last {@link #compute}: Σd, Σd², Σd³, Σd⁴, min, max. */
    double sum1;
    double sum2;
    double sum3;
    double sum4;
    double min;
    double max;
    /** What the vector pass's read-ahead saw, stored so that the JIT compiler keeps its loads. */
    long readAhead;

    /**
     * The Vector API pass ({@link VectorBlockSums}), or null where it may not run
     * ({@link Lanes#vectorEnabled()}); chosen once, so that the JIT compiler sees a constant.
     */
    private static final Pass VECTOR =
        Lanes.vectorEnabled() ? Lanes.load("org.mcsim.stats.VectorBlockSums", Pass.class) : null;
    /** Compiles {@link #VECTOR} on its own thread; {@link #compute} runs the plain pass until it is ready. */
    private static final VectorWarmup WARMUP =
        VECTOR == null ? null : new VectorWarmup(VECTOR, QuantileSketch.VECTOR_POSITIONS);
    /**
     * Plain blocks after which the warm-up starts: 2¹⁸, about 24 million samples of 22 variables and
     * a third of a second of the plain pass. The warm-up costs about 0.9 s of a core and the vector
     * pass saves about 0.35 ns per value, so only runs several times longer win it back; on a machine
     * whose cores all sample, starting it after 2¹⁴ blocks made a run of 10⁷ samples 0.4 s slower.
     * When the run's threads take every core ({@link LaneFills#busyCores()}) it also waits for the
     * lane fill's warm-up to start, which such runs start only from about 1.3·10⁸ samples of 15
     * inputs: a 10⁸-sample run of the reference model at two threads on two vCPUs took 6.9–7.7 s
     * with this warm-up against 5.7–6.5 s without.
     */
    static final int WARMUP_AFTER_BLOCKS = 1 << 18;
    /** Plain blocks so far in this JVM, counted without synchronization (an estimate is enough). */
    private static int plainBlocks;

    private BlockSums() {
    }

    /** The pass of {@link #compute} implemented with the Vector API, loaded by name. */
    interface Pass {
        /**
         * Does what {@link #computePlain} does, bit for bit: fills the lanes of {@code out} and
         * calls {@link #finish()}.
         */
        void compute(double[] x, int n, double shift, BlockSums out);
    }

    /** @return whether {@link #compute} runs the vector pass in this JVM (once it is warm) */
    static boolean vectorized() {
        return VECTOR != null;
    }

    /**
     * Starts the warm-up of the vector pass if it has not started, and waits, at most
     * {@code millis} milliseconds, until it is warm (and the sketch's vector positions too, or
     * found not worth using): for benchmarks that must measure one pass, not the switch from one
     * to the other.
     *
     * @param millis how long to wait at most
     * @return whether {@link Moments#accept(double[], int, BlockSums)} now runs the vector pass
     * @throws InterruptedException if interrupted while waiting
     */
    public static boolean awaitVectorPass(long millis) throws InterruptedException {
        if (WARMUP == null) {
            return false;
        }
        WARMUP.start();
        final long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!WARMUP.decided() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return WARMUP.ready();
    }

    /**
     * @return whether the warm-up has seen {@link QuantileSketch}'s vector positions compiled,
     *     as fast as the plain ones and giving the same positions: from then on sketches use them
     */
    static boolean positionsReady() {
        return WARMUP != null && WARMUP.positionsReady();
    }

    /** @return the warm-up of the vector pass, null where there is none */
    static VectorWarmup warmup() {
        return WARMUP;
    }

    /**
     * Creates working memory for {@link Moments#accept(double[], int, BlockSums)}, 8 KB.
     *
     * @return a new instance, to be reused by one thread
     */
    public static BlockSums create() {
        return new BlockSums();
    }

    /**
     * Sets the results to the sums of powers of x[i] − shift over x[0..n), and min and max: by the
     * vector pass where it may run and is compiled, else by {@link #computePlain}; the bits are
     * the same.
     */
    void compute(double[] x, int n, double shift) {
        if (WARMUP != null) {
            if (WARMUP.ready()) {
                VECTOR.compute(x, n, shift, this);
                return;
            }
            if (++plainBlocks >= WARMUP_AFTER_BLOCKS && !WARMUP.started()
                && warmUpMayStart(plainBlocks, LaneFills.busyCores(), LaneFills.warmUpStarted())) {
                WARMUP.start();
            }
        }
        computePlain(x, n, shift);
    }

    /**
     * Whether the warm-up may start after {@code plainBlocks} plain blocks: after
     * {@value #WARMUP_AFTER_BLOCKS}, and when the run's threads take every core only once the
     * lane fill's warm-up has started too.
     */
    static boolean warmUpMayStart(long plainBlocks, boolean busyCores, boolean laneWarmUpStarted) {
        return plainBlocks >= WARMUP_AFTER_BLOCKS && (!busyCores || laneWarmUpStarted);
    }

    /** {@link #compute} in plain Java, whatever the JVM: the definition of the results. */
    void computePlain(double[] x, int n, double shift) {
        final double[] a = this.a;
        Arrays.fill(a, S1, LO, 0);
        Arrays.fill(a, LO, HI, Double.POSITIVE_INFINITY);
        Arrays.fill(a, HI, XS, Double.NEGATIVE_INFINITY);
        int base = 0;
        for (; base + 2 * LANES <= n; base += 2 * LANES) {
            System.arraycopy(x, base, a, XS, 2 * LANES);
            addPairs(a, shift);
            extremesOfPairs(a);
        }
        for (; base < n; base += LANES) {
            final int len = Math.min(LANES, n - base);
            System.arraycopy(x, base, a, XS, len);
            add(a, len, shift);
            extremes(a, len);
        }
        finish();
    }

    /**
     * Folds the {@value #LANES} lanes of each quantity, as left by the plain pass, to the results.
     * The vector pass shares {@link #finishSums()}, so that the sums differ only in how the lanes
     * are filled; its min and max are exact whatever the order.
     */
    void finish() {
        finishSums();
        final double[] a = this.a;
        // Constant widths, so that C2 sees constant offsets and vectorizes the folds.
        foldExtremes(a, LANES / 2);
        foldExtremes(a, LANES / 4);
        foldExtremes(a, LANES / 8);
        foldExtremes(a, LANES / 16);
        min = Math.min(Math.min(Math.min(a[LO], a[LO + 1]), Math.min(a[LO + 2], a[LO + 3])),
            Math.min(Math.min(a[LO + 4], a[LO + 5]), Math.min(a[LO + 6], a[LO + 7])));
        max = Math.max(Math.max(Math.max(a[HI], a[HI + 1]), Math.max(a[HI + 2], a[HI + 3])),
            Math.max(Math.max(a[HI + 4], a[HI + 5]), Math.max(a[HI + 6], a[HI + 7])));
    }

    /**
     * The four sums of {@link #finish()}: their 128 lanes folded to 8 in halves, then the last 8
     * added as a balanced tree. Min and max are left to the caller: the vector pass finds those
     * from its own keys.
     */
    void finishSums() {
        final double[] a = this.a;
        foldSums(a, LANES / 2);
        foldSums(a, LANES / 4);
        foldSums(a, LANES / 8);
        foldSums(a, LANES / 16);
        sum1 = tree8(a, S1);
        sum2 = tree8(a, S2);
        sum3 = tree8(a, S3);
        sum4 = tree8(a, S4);
    }

    /**
     * Adds the powers of the two chunks at XS. The additions are written left to right, not as
     * (s + (da + db)): C2 leaves the latter scalar when da*da feeds two sums.
     */
    private static void addPairs(double[] a, double shift) {
        for (int j = 0; j < LANES; j++) {
            final double da = a[XS + j] - shift;
            final double db = a[XS + LANES + j] - shift;
            final double qa = da * da;
            final double qb = db * db;
            a[S1 + j] = a[S1 + j] + da + db;
            a[S2 + j] = a[S2 + j] + qa + qb;
            a[S3 + j] = a[S3 + j] + qa * da + qb * db;
            a[S4 + j] = a[S4 + j] + qa * qa + qb * qb;
        }
    }

    private static void extremesOfPairs(double[] a) {
        for (int j = 0; j < LANES; j++) {
            final double va = a[XS + j];
            final double vb = a[XS + LANES + j];
            a[LO + j] = Math.min(a[LO + j], Math.min(va, vb));
            a[HI + j] = Math.max(a[HI + j], Math.max(va, vb));
        }
    }

    /** Adds the powers of the {@code len} values at XS to lanes 0..len. */
    private static void add(double[] a, int len, double shift) {
        for (int j = 0; j < len; j++) {
            final double d = a[XS + j] - shift;
            final double q = d * d;
            a[S1 + j] += d;
            a[S2 + j] += q;
            a[S3 + j] += q * d;
            a[S4 + j] += q * q;
        }
    }

    private static void extremes(double[] a, int len) {
        for (int j = 0; j < len; j++) {
            final double v = a[XS + j];
            a[LO + j] = Math.min(a[LO + j], v);
            a[HI + j] = Math.max(a[HI + j], v);
        }
    }

    /** Lane j of each sum takes in lane j + h, for j &lt; h. */
    private static void foldSums(double[] a, int h) {
        for (int j = 0; j < h; j++) {
            a[S1 + j] += a[S1 + h + j];
            a[S2 + j] += a[S2 + h + j];
            a[S3 + j] += a[S3 + h + j];
            a[S4 + j] += a[S4 + h + j];
        }
    }

    /** Lane j of the minima and of the maxima takes in lane j + h, for j &lt; h. */
    private static void foldExtremes(double[] a, int h) {
        for (int j = 0; j < h; j++) {
            a[LO + j] = Math.min(a[LO + j], a[LO + h + j]);
            a[HI + j] = Math.max(a[HI + j], a[HI + h + j]);
        }
    }

    private static double tree8(double[] a, int o) {
        return ((a[o] + a[o + 1]) + (a[o + 2] + a[o + 3])) + ((a[o + 4] + a[o + 5]) + (a[o + 6] + a[o + 7]));
    }
}
