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
 * vector pass from the start. This thread calls both passes on a fixed block of the lengths a run
 * meets (whole blocks, and last blocks of a run ending inside a chunk or a vector), checks that
 * they give the same bits (and the sketch's positions of the same block the same integers), and
 * declares both ready when, over a window of calls, the vector code's fastest whole block is no
 * slower than the plain code's fastest, for each of the two. Results never depend on it:
 * both passes give the same bits, and the switch only changes which one runs. If the bits ever
 * differed, or the pass is not fast within a minute, it is never used.
 */
final class VectorWarmup implements Runnable {
    /** Lengths of the warm-up blocks: mostly whole blocks, with every kind of remainder. */
    private static final int[] LENGTHS = {2048, 2048, 2048, 2047, 2048, 1500, 2048, 130, 2048, 1};
    /** Calls per comparison of the fastest whole blocks. */
    private static final int WINDOW = 50;
    private static final long GIVE_UP_NANOS = 60_000_000_000L;

    private final BlockSums.Pass pass;
    private final QuantileSketch.Positions positions;
    private volatile boolean started;
    private volatile boolean ready;
    private volatile boolean failed;

    VectorWarmup(BlockSums.Pass pass, QuantileSketch.Positions positions) {
        this.pass = pass;
        this.positions = positions;
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
        return ready;
    }

    /** @return whether the vector pass gave other bits than the plain pass (then it is never used) */
    boolean failed() {
        return failed;
    }

    @Override
    public void run() {
        final double[] x = block();
        final double shift = 400;
        final BlockSums plain = BlockSums.create();
        final BlockSums vector = BlockSums.create();
        // A fine sketch whose linear and logarithmic buckets, on both sides, the block reaches.
        final QuantileSketch sketch = QuantileSketch.create(300, 80, QuantileSketch.MIN_ACCURACY);
        final long[] plainAt = new long[x.length];
        final long[] vectorAt = new long[x.length];
        final long start = System.nanoTime();
        long fastestPlain = Long.MAX_VALUE;
        long fastestVector = Long.MAX_VALUE;
        long fastestPlainPositions = Long.MAX_VALUE;
        long fastestVectorPositions = Long.MAX_VALUE;
        for (int call = 1; System.nanoTime() - start < GIVE_UP_NANOS; call++) {
            final int n = LENGTHS[call % LENGTHS.length];
            final long t0 = System.nanoTime();
            plain.computePlain(x, n, shift);
            final long t1 = System.nanoTime();
            pass.compute(x, n, shift, vector);
            final long t2 = System.nanoTime();
            sketch.plainPositions(x, 0, n, plainAt, 0);
            final long t3 = System.nanoTime();
            final int whole = positions.positions(sketch, x, 0, n, vectorAt);
            final long t4 = System.nanoTime();
            if (!sameBits(plain, vector) || !samePositions(plainAt, vectorAt, whole, n)) {
                failed = true;
                return;
            }
            if (n == x.length) {
                fastestPlain = Math.min(fastestPlain, t1 - t0);
                fastestVector = Math.min(fastestVector, t2 - t1);
                fastestPlainPositions = Math.min(fastestPlainPositions, t3 - t2);
                fastestVectorPositions = Math.min(fastestVectorPositions, t4 - t3);
            }
            if (call % WINDOW == 0) {
                if (fastestVector <= fastestPlain && fastestVectorPositions <= fastestPlainPositions) {
                    ready = true;
                    return;
                }
                fastestPlain = Long.MAX_VALUE;
                fastestVector = Long.MAX_VALUE;
                fastestPlainPositions = Long.MAX_VALUE;
                fastestVectorPositions = Long.MAX_VALUE;
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
