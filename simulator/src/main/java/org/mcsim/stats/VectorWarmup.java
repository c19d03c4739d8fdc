package org.mcsim.stats;

/**
 * Brings the vector pass of {@link BlockSums}, and the vector positions of {@link QuantileSketch},
 * to compiled speed on a daemon thread, so that the engine's threads run the plain code meanwhile
 * instead of the interpreted Vector API.
 *
 * <p>Interpreted, and compiled by C1, every Vector API operation allocates and loops over its
 * lanes: a 2048-value block costs about a millisecond, a thousand times the compiled pass, until
 * C2 has compiled it after some hundreds of calls; a short run of the reference model (10⁵
 * samples, about a thousand blocks of moments) took 2 s with the plain pass and 5 s with the
 * vector pass from the start. This thread calls both forms of each kernel on a fixed block of the
 * lengths a run meets (whole blocks, and last blocks of a run ending inside a chunk or a vector),
 * checks that they give the same results (the same bits of the six sums, the same positions),
 * and declares a kernel ready when, over a window of calls, its vector form's fastest whole block
 * is no slower than its plain form's fastest. The two kernels are judged apart: where one gains
 * nothing (the positions with 128-bit vectors, which have no 64-bit lane multiply), the other is
 * still used. Results never depend on it: both forms give the same results, and the switch only
 * changes which one runs. A kernel whose results ever differed, or that is not fast within a
 * minute, or that, compiled, stayed slower for {@value #SLOW_WINDOWS} windows, is never used
 * (the last, so that the thread does not compete with the workers for a minute for nothing).
 */
final class VectorWarmup implements Runnable {
    /** Lengths of the warm-up blocks: mostly whole blocks, with every kind of remainder. */
    private static final int[] LENGTHS = {2048, 2048, 2048, 2047, 2048, 1500, 2048, 130, 2048, 1};
    /** Calls per comparison of the fastest whole blocks. */
    private static final int WINDOW = 50;
    private static final long GIVE_UP_NANOS = 60_000_000_000L;
    /**
     * A vector form whose fastest whole block takes less than this is compiled (interpreted, a
     * block takes about a millisecond; compiled, a few microseconds).
     */
    static final long COMPILED_NANOS = 100_000;
    /** Windows in which a compiled vector form was slower than the plain form, after which it is given up. */
    static final int SLOW_WINDOWS = 100;

    private final BlockSums.Pass pass;
    private final QuantileSketch.Positions positions;
    private final Verdict moments = new Verdict();
    private final Verdict sketch = new Verdict();
    private volatile boolean started;

    VectorWarmup(BlockSums.Pass pass, QuantileSketch.Positions positions) {
        this.pass = pass;
        this.positions = positions;
    }

    /** What the warm-up has found of one kernel's vector form against its plain form. */
    private static final class Verdict {
        private volatile boolean ready;
        private volatile boolean failed;
        /** Compiled and still slower after {@value #SLOW_WINDOWS} windows: the plain form stays. */
        private volatile boolean slower;
        private int slowWindows;
        private long fastestPlain = Long.MAX_VALUE;
        private long fastestVector = Long.MAX_VALUE;

        boolean decided() {
            return ready || failed || slower;
        }

        void time(long plainNanos, long vectorNanos) {
            fastestPlain = Math.min(fastestPlain, plainNanos);
            fastestVector = Math.min(fastestVector, vectorNanos);
        }

        /**
         * At the end of a window: ready if the vector form was as fast; given up if, compiled, it
         * has been slower for {@value #SLOW_WINDOWS} windows. The next window starts afresh.
         */
        void endWindow() {
            if (!decided() && fastestVector <= fastestPlain) {
                ready = true;
            } else if (!decided() && fastestVector < COMPILED_NANOS && ++slowWindows >= SLOW_WINDOWS) {
                slower = true;
            }
            fastestPlain = Long.MAX_VALUE;
            fastestVector = Long.MAX_VALUE;
        }
    }

    /** Starts the warm-up on a daemon thread, once; later calls do nothing. */
    synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        Thread t = new Thread(this, "mcsim-simd-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** @return whether {@link #start()} has been called */
    boolean started() {
        return started;
    }

    /** @return whether the vector pass is compiled and gave the plain pass's bits */
    boolean ready() {
        return moments.ready;
    }

    /** @return whether the vector pass gave other bits than the plain pass (then it is never used) */
    boolean failed() {
        return moments.failed;
    }

    /** @return whether the vector positions, compiled, stayed slower than the plain ones (then never used) */
    boolean positionsSlower() {
        return sketch.slower;
    }

    /** @return whether both kernels are decided: ready, or never to be used */
    boolean decided() {
        return moments.decided() && sketch.decided();
    }

    /** @return whether the vector positions are compiled and gave the plain positions */
    boolean positionsReady() {
        return sketch.ready;
    }

    /** @return whether the vector positions ever differed from the plain ones (then they are never used) */
    boolean positionsFailed() {
        return sketch.failed;
    }

    @Override
    public void run() {
        final double[] x = block();
        final double shift = 400;
        final BlockSums plain = BlockSums.create();
        final BlockSums vector = BlockSums.create();
        // A fine sketch whose linear and logarithmic buckets, on both sides, the block reaches.
        final QuantileSketch fine = QuantileSketch.create(300, 80, QuantileSketch.MIN_ACCURACY);
        final long[] plainAt = new long[x.length];
        final long[] vectorAt = new long[x.length];
        final long start = System.nanoTime();
        for (int call = 1; System.nanoTime() - start < GIVE_UP_NANOS; call++) {
            final int n = LENGTHS[call % LENGTHS.length];
            if (!moments.decided()) {
                final long t0 = System.nanoTime();
                plain.computePlain(x, n, shift);
                final long t1 = System.nanoTime();
                pass.compute(x, n, shift, vector);
                final long t2 = System.nanoTime();
                if (!sameBits(plain, vector)) {
                    moments.failed = true;
                } else if (n == x.length) {
                    moments.time(t1 - t0, t2 - t1);
                }
            }
            if (!sketch.decided()) {
                final long t0 = System.nanoTime();
                fine.plainPositions(x, 0, n, plainAt, 0);
                final long t1 = System.nanoTime();
                final int whole = positions.positions(fine, x, 0, n, vectorAt);
                final long t2 = System.nanoTime();
                if (!samePositions(plainAt, vectorAt, whole, n)) {
                    sketch.failed = true;
                } else if (n == x.length) {
                    sketch.time(t1 - t0, t2 - t1);
                }
            }
            if (call % WINDOW == 0) {
                moments.endWindow();
                sketch.endWindow();
                if (decided()) {
                    return;
                }
            }
        }
    }

    /** Whether the vector positions of values 0..whole are the plain ones, and whole the whole vectors of n. */
    private static boolean samePositions(long[] plain, long[] vector, int whole, int n) {
        if (whole > n || n - whole >= 16) {
            return false;
        }
        for (int i = 0; i < whole; i++) {
            if (plain[i] != vector[i]) {
                return false;
            }
        }
        return true;
    }

    /** A fixed block of lognormal-like values of both signs, the same on every run. */
    private static double[] block() {
        double[] x = new double[2048];
        long s = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < x.length; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L;
            double u = (s >>> 11) * 0x1.0p-53;
            x[i] = (i % 7 == 0 ? -1 : 1) * Math.exp(6 + 2 * (u - 0.5));
        }
        return x;
    }

    private static boolean sameBits(BlockSums a, BlockSums b) {
        return same(a.sum1, b.sum1) && same(a.sum2, b.sum2) && same(a.sum3, b.sum3) && same(a.sum4, b.sum4)
            && same(a.min, b.min) && same(a.max, b.max);
    }

    private static boolean same(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }
}
