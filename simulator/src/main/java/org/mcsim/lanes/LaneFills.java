package org.mcsim.lanes;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Picks the {@link LaneFill} for each block, and the {@link TableLookup} for each tabulated column:
 * the Vector API ones once they are compiled, the plain ones until then and wherever vectors are
 * unavailable. Both give the same bits, so the choice changes
 * the speed of a run and nothing else; it may differ from block to block and between threads.
 *
 * <p><b>Why a warm-up.</b> Until C2 has compiled them, Vector API methods run in the interpreter
 * or in C1 code that boxes every vector: a few hundred times slower than plain Java (measured: a
 * first pass of 10⁶ samples took over a second). So once the runs of this JVM are about to draw
 * enough values to pay for it ({@link #anticipate}), a daemon thread ({@code mcsim-simd-warmup})
 * starts calling every vector transform (and the table evaluation, on a table of its own) on a
 * scratch column and times each round,
 * while the engine keeps using the plain fill; once a round of the vector transforms takes less
 * than {@value #SPEED_UP_WANTED} of the plain round, the vector fill and the vector tables take
 * over (a volatile flag, read once per column). If that never happens within {@value #MAX_ROUNDS}
 * rounds (a CPU where the vector operations are not compiled to vector instructions), the plain
 * fill stays.
 *
 * <p>The system property {@value Lanes#PROPERTY} set to {@code eager} skips the wait (every column
 * vector from the start, for tests of the vector path) and {@code off} never uses vectors.
 */
public final class LaneFills {
    /** The vector round must take at most this fraction of the plain one. */
    static final double SPEED_UP_WANTED = 0.5;
    /** Rounds before the vector fill may be declared compiled. */
    static final int MIN_ROUNDS = 8;
    /**
     * A compiled vector round (six transforms of 2048 values) takes 15–50 µs on a busy 2-vCPU
     * machine, an interpreted or C1-compiled one milliseconds: a round slower than this is not
     * compiled, whatever the plain round took.
     */
    static final long MAX_VECTOR_ROUND_NANOS = 400_000;
    /** Rounds after which the warm-up gives up. */
    static final int MAX_ROUNDS = 2000;
    private static final int COLUMN = 2048;
    /** Length of the compiling calls' columns (odd ones exercise the plain finish of a partial step). */
    private static final int SHORT = 32;
    /** Short calls per round. */
    private static final int SHORT_CALLS = 32;

    private static final LaneFill VECTOR = Lanes.vectorEnabled()
        ? Lanes.load("org.mcsim.lanes.VectorLaneFill", LaneFill.class) : null;
    private static final TableLookup VECTOR_TABLES = VECTOR != null
        ? Lanes.load("org.mcsim.lanes.VectorTableLookup", TableLookup.class) : null;
    /** A table for the warm-up's rounds: the uniforms' own values, one cubic per interval. */
    private static final double[] WARM_UP_TABLE = VECTOR != null ? warmUpTable() : null;
    /** Its split intervals' sub-intervals: all constant 0. */
    private static final double[] WARM_UP_FINE = new double[4 * TableLookup.SUB + 4];
    private static final boolean EAGER = "eager".equals(
        System.getProperty(Lanes.PROPERTY, "").trim().toLowerCase(Locale.ROOT));
    private static volatile boolean warm = EAGER && VECTOR != null;
    private static volatile boolean started;
    /** {@link #busyCores()}: set by every run that announces its threads. */
    private static volatile boolean busyCores;
    private static final AtomicLong ANTICIPATED = new AtomicLong();
    /** Values a JVM must be about to draw before the warm-up starts (3.3·10⁷ samples of 15 inputs). */
    static final long WORTH_WARMING = 500_000_000L;
    /** A run whose threads take every core counts its values divided by this ({@link #counted}). */
    static final int BUSY_DISCOUNT = 4;

    private LaneFills() {
    }

    /**
     * The fill to use now: vector when enabled and compiled, plain otherwise.
     *
     * @return an implementation
     */
    public static LaneFill current() {
        return warm ? VECTOR : PlainLaneFill.INSTANCE;
    }

    /**
     * Tells how many values the caller is about to draw (samples × inputs of a run, or of a Spark
     * task's blocks); once the total in this JVM reaches {@value #WORTH_WARMING} values, the
     * warm-up starts. Below that, a run ends before the warm-up could pay for itself (on a 2-vCPU
     * machine whose cores both sample it took 2–5 s, competing with the workers; a 10⁷-sample run
     * of the reference model that started it was slower than one that did not), so small runs and
     * the tests' many small runs stay on the plain fill.
     *
     * @param values values about to be drawn
     */
    public static void anticipate(long values) {
        if (VECTOR != null && !warm && !started && ANTICIPATED.addAndGet(Math.max(0, values)) >= WORTH_WARMING) {
            startWarmUp();
        }
    }

    /**
     * {@link #anticipate(long)} for a run on {@code threads} worker threads. When they take every
     * core, the warm-up (a thread of its own, and the JIT compiling the Vector API code) can only
     * take its time from them, so such a run counts a quarter of its values
     * ({@link #counted}): on a 2-vCPU machine a 10⁸-sample run of the reference model at 2
     * threads took 6.8–7.1 s with the warm-up against 5.9–6.6 s without it, and 1.5·10⁸ samples
     * 7.2–7.5 s against 8.7–9.3 s.
     *
     * @param values values about to be drawn
     * @param threads the run's worker threads
     */
    public static void anticipate(long values, int threads) {
        final int cores = Runtime.getRuntime().availableProcessors();
        busyCores = threads >= cores;
        anticipate(counted(values, threads, cores));
    }

    /**
     * Whether the last run announced by {@link #anticipate(long, int)} takes every core, so that a
     * warm-up could only take its time from the workers. Other warm-ups ({@code BlockSums}') then
     * wait for this one to start: they pay off only in the runs large enough to start it.
     *
     * @return true when the last run's threads were at least the cores
     */
    public static boolean busyCores() {
        return busyCores;
    }

    /**
     * Whether the warm-up of the vector fill has started in this JVM.
     *
     * @return true once {@link #anticipate} has seen enough values (or a benchmark asked for it)
     */
    public static boolean warmUpStarted() {
        return started;
    }

    /**
     * The values a run counts towards {@value #WORTH_WARMING}: all of them when a core is left
     * free for the warm-up, a quarter when the workers take every core.
     *
     * @param values values about to be drawn
     * @param threads the run's worker threads
     * @param cores the processors available to the JVM
     * @return the values to count
     */
    static long counted(long values, int threads, int cores) {
        return threads >= cores ? values / BUSY_DISCOUNT : values;
    }

    /**
     * The table evaluation to use now: vector when enabled and compiled (together with the fill),
     * plain otherwise. Like the fill, it waits for {@link #anticipate} to start the warm-up.
     *
     * @return an implementation
     */
    public static TableLookup tables() {
        return warm ? VECTOR_TABLES : PlainTableLookup.INSTANCE;
    }

    /**
     * The vector table evaluation, or null when {@link Lanes#vectorEnabled()} is false (tests and
     * benchmarks).
     *
     * @return the vector implementation or null
     */
    public static TableLookup vectorTables() {
        return VECTOR_TABLES;
    }

    /**
     * The plain implementation, the definition of the results.
     *
     * @return the plain fill
     */
    public static LaneFill plain() {
        return PlainLaneFill.INSTANCE;
    }

    /**
     * The vector implementation, or null when {@link Lanes#vectorEnabled()} is false. For tests
     * and benchmarks; the engine uses {@link #current()}.
     *
     * @return the vector fill or null
     */
    public static LaneFill vector() {
        return VECTOR;
    }

    /**
     * True once the vector fill is in use.
     *
     * @return whether {@link #current()} returns the vector fill
     */
    public static boolean warm() {
        return warm;
    }

    /**
     * Starts the warm-up (if vectors are enabled) and waits, at most {@code millis} ms, until the
     * vector fill is in use: for benchmarks that must measure one path, not the switch.
     *
     * @param millis how long to wait at most
     * @return whether {@link #current()} now returns the vector fill
     * @throws InterruptedException if interrupted while waiting
     */
    public static boolean awaitWarm(long millis) throws InterruptedException {
        if (VECTOR == null) {
            return false;
        }
        anticipate(WORTH_WARMING);
        final long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!warm && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return warm;
    }

    private static synchronized void startWarmUp() {
        if (started) {
            return;
        }
        started = true;
        Thread t = new Thread(LaneFills::warmUp, "mcsim-simd-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void warmUp() {
        final long begun = System.nanoTime();
        trace("warm-up started");
        long[] state = new long[LaneFill.STATE_LENGTH];
        double[] column = new double[COLUMN];
        long bestPlain = Long.MAX_VALUE;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            seed(state, round);
            // Short columns: until compiled, a call costs in proportion to its length, and what
            // triggers compilation is the number of calls and loop iterations, not their length.
            for (int i = 0; i < SHORT_CALLS; i++) {
                int n = i % 4 == 3 ? SHORT - 5 : SHORT;
                everyTransform(VECTOR, VECTOR_TABLES, state, column, n);
            }
            // A pause between rounds: what brings compilation is the number of calls, and the
            // compiler threads and the engine's own threads need the cores more than this one.
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (round % 4 == 0) {
                long t0 = System.nanoTime();
                everyTransform(PlainLaneFill.INSTANCE, PlainTableLookup.INSTANCE, state, column, COLUMN);
                bestPlain = Math.min(bestPlain, System.nanoTime() - t0);
            }
            long t0 = System.nanoTime();
            everyTransform(VECTOR, VECTOR_TABLES, state, column, COLUMN);
            long vector = System.nanoTime() - t0;
            // At least a few rounds, and an absolute bound: before the plain fill is compiled its
            // round is slow too, and an interpreted vector round could pass the ratio alone.
            if (round >= MIN_ROUNDS && vector <= SPEED_UP_WANTED * bestPlain && vector <= MAX_VECTOR_ROUND_NANOS) {
                warm = true;
                trace("vector fill in use after " + round + " rounds, "
                    + (System.nanoTime() - begun) / 1_000_000 + " ms (vector " + vector + " ns, plain " + bestPlain
                    + " ns a round)");
                return;
            }
        }
    }

    /** With {@code -Dmcsim.simd.trace=true}, what the warm-up does goes to standard error. */
    private static void trace(String message) {
        if (Boolean.getBoolean("mcsim.simd.trace")) {
            System.err.println("mcsim simd: " + message);
        }
    }

    private static void seed(long[] state, int round) {
        for (int i = 0; i < state.length; i++) {
            state[i] = 0x9E3779B97F4A7C15L * (i + 1) + round;
        }
    }

    private static void everyTransform(LaneFill fill, TableLookup tables, long[] state, double[] column,
            int n) {
        fill.uniforms(state, column, n);
        tables.map(WARM_UP_TABLE, WARM_UP_FINE, u -> u, column, column, n);
        fill.uniform(state, column, n, 1.0, 2.0, 3.0);
        fill.normal(state, column, n, 1.0, 2.0);
        fill.lognormal(state, column, n, 0.5, 0.5);
        fill.exponential(state, column, n, 2.0);
        fill.triangular(state, column, n, LaneFill.Triangle.of(1.0, 2.0, 4.0));
    }

    /**
     * The table of x = u: a linear cubic per interval, y = v − 1 on the upper side, except every
     * 16th interval, split (into sub-intervals that are 0), so the warm-up takes that branch too.
     */
    private static double[] warmUpTable() {
        double[] c = new double[2 * TableLookup.SIDE];
        for (int side = 0; side < 2; side++) {
            for (int k = 0; k <= TableLookup.INTERVALS; k++) {
                double v = knot(k);
                int j = side * TableLookup.SIDE + 4 * k;
                c[j] = side == 0 ? v : v - 1;
                c[j + 1] = k % 16 == 15 && k < TableLookup.INTERVALS ? Double.NaN : knot(k + 1) - v;
            }
        }
        return c;
    }

    private static double knot(int k) {
        return Math.scalb(1 + (double) (k & 63) / 64, (k >> TableLookup.LOG_PER_BINADE) - TableLookup.BINADES);
    }
}
