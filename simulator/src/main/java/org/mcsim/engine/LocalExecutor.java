package org.mcsim.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.mcsim.stats.QuantileSketch;

/**
 * The local engine: a wave of blocks is computed by worker threads that take blocks from a
 * shared counter and write kept samples straight into the run's store (disjoint slices), so
 * nothing is copied; in a sketched run each worker adds its blocks' samples to its own sketches,
 * added together and returned with the last wave. Each worker owns a frame of columns allocated
 * once per run.
 *
 * <p>Used from the merging thread only; the pool's threads are daemons, stopped by
 * {@link #close}.
 */
final class LocalExecutor implements BlockExecutor {
    /**
     * Blocks per thread in a wave when the run may stop early (--until): blocks computed beyond
     * the stopping point are wasted.
     */
    private static final int BLOCKS_PER_THREAD_PER_STOPPING_WAVE = 8;
    /**
     * On several threads, a wave of a run that may stop early is also at least this fraction of
     * the blocks merged so far: every wave ends at a barrier where the threads wait for the last
     * block and for each other to wake up. Growing with the run, the waves stay few (a
     * 8.6×10⁶-sample --until run on the reference model: 63 waves instead of 261, 1.33 → 1.30 s
     * at two threads), and at most 1/16 of the blocks are computed beyond the stopping point.
     */
    private static final int STOPPING_WAVE_GROWTH = 16;
    /** Blocks per thread in a wave that cannot stop early, at least (and in the first). */
    private static final int BLOCKS_PER_THREAD_PER_WAVE = 64;
    /**
     * A wave that cannot stop early is sized to last about this long at the pace of the one
     * before: long enough that the barrier at its end costs next to nothing, short enough that
     * the progress line moves a few times a second.
     */
    private static final long WAVE_NANOS = 250_000_000L;
    /**
     * Blocks in a wave that cannot stop early, at most, unless the threads need more: its results
     * (moments of every variable of every block) are held until the wave is merged, so waves of a
     * scenario with many variables are shorter.
     */
    private static final int BLOCKS_PER_WAVE = 2048;
    /** Variables × blocks of one wave's results, at most (unless the threads need more), 4 MB of moments. */
    private static final int VARIABLE_BLOCKS_PER_WAVE = 1 << 16;

    private final int threads;
    private ExecutorService pool;
    private BlockJob job;
    private BlockWorker[] workers;
    /**
     * In the sketched phase, each worker's sketches ([worker][kept variable]), kept from wave to
     * wave so that their pages are allocated once, handed over with the last wave; else null.
     */
    private QuantileSketch[][] sketches;
    /** Blocks in the job's last wave and its wall time in nanoseconds; 0 before the first. */
    private long lastBlocks;
    private long lastNanos;

    LocalExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public int localThreads() {
        return threads;
    }

    /**
     * Few waves: each ends at a barrier where the threads that finish first wait for the last
     * block, and the next starts by waking them up. On the reference model at 10⁸ samples and two
     * threads, 128-block waves left the threads idle 3.4 % of the time and 2048-block waves
     * 0.4 %, and the blocks themselves ran faster (5.41 → 4.77 s of work per thread). A wave
     * that cannot stop early takes as many blocks as the last wave's pace fits in a quarter of a
     * second, between 64 a thread and what memory allows; the sizes change only the pace, never a
     * result.
     */
    @Override
    public long wave(BlockJob job, long merged, boolean stopsEarly) {
        long t = Math.min(threads, job.blocks());
        if (stopsEarly) {
            long wave = t * BLOCKS_PER_THREAD_PER_STOPPING_WAVE;
            return t > 1 ? Math.max(wave, merged / STOPPING_WAVE_GROWTH) : wave;
        }
        long least = t * BLOCKS_PER_THREAD_PER_WAVE;
        return job.sameRun(this.job) ? paced(lastBlocks, lastNanos, least, most(job, least)) : least;
    }

    /** The wall time of the current job's last wave in nanoseconds (0 before the first). */
    long lastWaveNanos() {
        return lastNanos;
    }

    /** The most blocks in a wave that cannot stop early: what memory allows, or {@code least}. */
    static long most(BlockJob job, long least) {
        return Math.max(least, Math.min(BLOCKS_PER_WAVE, VARIABLE_BLOCKS_PER_WAVE / Math.max(1, job.variableCount())));
    }

    /**
     * The blocks that fit in {@link #WAVE_NANOS} at the pace of a wave of {@code blocks}
     * blocks that took {@code nanos} ns, within [least, most]; {@code least} before any wave.
     */
    static long paced(long blocks, long nanos, long least, long most) {
        if (blocks <= 0 || nanos <= 0) {
            return least;
        }
        double fit = (double) WAVE_NANOS * blocks / nanos;
        return Math.max(least, (long) Math.min(most, fit));
    }

    /**
     * Computes the wave on the workers of the job's run (made at its first wave), keeping what
     * the job says: every sample straight into its store, or sketches that each worker keeps
     * until the last wave, when they are added together and returned.
     */
    @Override
    public List<BlockRange> compute(BlockJob j, long first, int count) {
        Keep keep = j.keep();
        if (!keep.sketched() && keep.store() == null) {
            throw new IllegalArgumentException("a local executor computes jobs of this machine only");
        }
        if (!j.sameRun(job)) {
            startRun(j);
        }
        job = j;
        if (workers.length > 1 && pool == null) {
            pool = Executors.newFixedThreadPool(threads, LocalExecutor::daemon);
        }
        if (keep.sketched() && sketches == null) {
            sketches = new QuantileSketch[workers.length][];
            for (int t = 0; t < workers.length; t++) {
                sketches[t] = keep.emptySketches();
            }
        }
        long started = System.nanoTime();
        BlockResult[] results = runWave(first, count, keep.sketched() ? null : keep.store());
        lastNanos = System.nanoTime() - started;
        lastBlocks = count;
        QuantileSketch[] total = keep.sketched() && first + count == j.blocks() ? collectSketches() : null;
        return List.of(new BlockRange(first, results, j.layout().start(first), null, total));
    }

    private void startRun(BlockJob j) {
        lastBlocks = 0;
        lastNanos = 0;
        sketches = null;
        workers = new BlockWorker[(int) Math.min(threads, j.blocks())];
        for (int t = 0; t < workers.length; t++) {
            workers[t] = new BlockWorker(j.plan(), j.layout(), j.fill(), j.kept());
        }
    }

    /**
     * The workers' sketches added together (integer counts: the same whichever worker sketched
     * which block), taken from the workers.
     */
    private QuantileSketch[] collectSketches() {
        QuantileSketch[] total = sketches[0];
        for (int t = 1; t < sketches.length; t++) {
            for (int o = 0; o < total.length; o++) {
                total[o].combine(sketches[t][o]);
            }
        }
        sketches = null;
        return total;
    }

    private BlockResult[] runWave(long first, int count, Store store) {
        BlockResult[] results = new BlockResult[count];
        AtomicLong next = new AtomicLong();
        if (workers.length == 1) {
            drain(workers[0], store, sketchesOf(0), results, next, first);
            return results;
        }
        List<Future<?>> futures = new ArrayList<>(workers.length);
        for (int t = 0; t < workers.length; t++) {
            BlockWorker w = workers[t];
            QuantileSketch[] into = sketchesOf(t);
            futures.add(pool.submit(() -> drain(w, store, into, results, next, first)));
        }
        for (Future<?> f : futures) {
            Parallel.await(f, "a worker failed");
        }
        return results;
    }

    private QuantileSketch[] sketchesOf(int worker) {
        return sketches == null ? null : sketches[worker];
    }

    private static void drain(BlockWorker w, Store store, QuantileSketch[] sketches, BlockResult[] results,
                              AtomicLong next, long first) {
        for (long i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
            results[(int) i] = w.compute(first + i, store, sketches);
        }
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "mcsim-worker");
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
        job = null;
        workers = null;
        sketches = null;
    }
}
