package org.mcsim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.mcsim.model.Method;
import org.mcsim.stats.Moments;
import org.mcsim.stats.QuantileSketch;

/**
 * Runs a {@link Plan}: blocks are computed on worker threads in waves and merged strictly in
 * block order, so the result is the same bytes for any thread count.
 *
 * <p>Each wave holds a few blocks per thread; workers take blocks from a shared counter, and
 * the calling thread merges the wave in order before starting the next one. A failed sample
 * (a non-finite formula or claim) stops the run at the first such sample in sample order.
 *
 * <p>Up to {@link #EXACT_LIMIT} kept values (samples × outputs) every output's samples are kept
 * and quantiles are exact; above it each worker adds its blocks to a {@link QuantileSketch} per
 * output, and quantiles, their intervals and the histograms are read from the combined sketches.
 */
public final class Engine {
    /**
     * Above this many kept values (samples x outputs) quantiles come from sketches instead of
     * the kept samples: 5×10⁷ doubles are 400 MB. The switch depends on nothing but the run's
     * shape, never on the memory available.
     */
    public static final long EXACT_LIMIT = 50_000_000L;

    /** Most samples in one run: order-statistic ranks and sample indices are ints. */
    public static final long MAX_SAMPLES = Integer.MAX_VALUE - 8;

    private static final int BLOCKS_PER_THREAD_PER_WAVE = 8;

    private Engine() {
    }

    /** Runs the plan to completion and summarizes it. */
    public static RunResult run(Plan plan, RunOptions options) throws RunFailedException {
        return run(plan, options, EXACT_LIMIT);
    }

    /** {@link #run(Plan, RunOptions)} with another exact-quantile limit (tests use a small one). */
    static RunResult run(Plan plan, RunOptions options, long exactLimit) throws RunFailedException {
        Method method = plan.scenario().settings().method();
        if (method != Method.RANDOM) {
            throw new RunFailedException("method " + method.label() + " is not supported yet; use random");
        }
        if (!plan.scenario().correlations().isEmpty()) {
            throw new RunFailedException("correlations are not supported yet; remove the correlations key");
        }
        long n = options.samples();
        if (n > MAX_SAMPLES) {
            throw new RunFailedException(String.format("%d samples is above the limit of %d per run", n, MAX_SAMPLES));
        }
        long kept = n * plan.outputCount();
        boolean sketch = kept > exactLimit;
        if (sketch && options.keepSamples()) {
            throw new RunFailedException(String.format(
                "%d samples x %d outputs = %d values is above the %d that --write-samples can keep; "
                    + "use fewer samples or drop --write-samples", n, plan.outputCount(), kept, exactLimit));
        }
        long start = System.nanoTime();
        double[][] store = sketch ? null : new double[plan.outputCount()][(int) n];
        Accumulator acc = sample(plan, options, InputFill.RANDOM, store, sketch ? sketchAccuracy(n) : 0);
        if (acc.failure != null) {
            throw new RunFailedException(acc.failureMessage());
        }
        return Summarizer.summarize(plan, options, acc, store, System.nanoTime() - start);
    }

    /**
     * The sketch accuracy α for a run of n samples: 0.03/√n, at least
     * {@link QuantileSketch#MIN_ACCURACY}. The Monte Carlo half-width of a median is about
     * 1.96·1.25·sd/√n for a smooth law, so the sketch's error near the centre, α·sd, is about
     * 1/80 of it; in the tails the half-width grows faster than the bound α·|x − mean|.
     */
    static double sketchAccuracy(long n) {
        return Math.max(QuantileSketch.MIN_ACCURACY, Math.min(1e-3, 0.03 / Math.sqrt(n)));
    }

    /**
     * Samples every block of the run and merges them in order; stops at the first failed block.
     *
     * @param store each output's samples, written in place, or null
     * @param sketchAccuracy 0 for no sketches; else the accuracy of one sketch per output and
     *     worker, centred on the mean and scaled by the sd of block 0 (computed first, alone),
     *     combined into {@link Accumulator#sketches} at the end
     */
    static Accumulator sample(Plan plan, RunOptions options, InputFill fill, double[][] store,
                              double sketchAccuracy) {
        long n = options.samples();
        long blocks = (n + Plan.BLOCK_SIZE - 1) / Plan.BLOCK_SIZE;
        int threads = (int) Math.min(options.threads(), blocks);
        Accumulator acc = new Accumulator(plan);
        long seed = plan.scenario().settings().seed();
        BlockWorker[] workers = new BlockWorker[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new BlockWorker(plan, seed, fill, store);
        }
        long first = 0;
        if (sketchAccuracy > 0) {
            BlockResult pilot = workers[0].compute(0, (int) Math.min(Plan.BLOCK_SIZE, n));
            if (!acc.merge(pilot)) {
                return acc;
            }
            QuantileSketch[] prototypes = pilotSketches(plan, pilot, sketchAccuracy);
            for (BlockWorker w : workers) {
                w.useSketches(Arrays.stream(prototypes).map(QuantileSketch::emptyCopy).toArray(QuantileSketch[]::new));
            }
            workers[0].sketchBlock(pilot.length);
            first = 1;
        }
        int wave = threads * BLOCKS_PER_THREAD_PER_WAVE;
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, Engine::daemon) : null;
        try {
            for (; first < blocks; first += wave) {
                BlockResult[] results = runWave(workers, pool, first, (int) Math.min(wave, blocks - first), n);
                for (BlockResult r : results) {
                    if (!acc.merge(r)) {
                        return acc;
                    }
                }
                options.progress().update(acc.samples, n);
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        if (sketchAccuracy > 0) {
            acc.sketches = combineSketches(workers);
        }
        return acc;
    }

    /**
     * Empty sketches, one per output, centred on block 0's mean and scaled by its sd (by |mean|,
     * or 1, when block 0 is constant). Block 0 is the same for any thread count, so are these.
     */
    private static QuantileSketch[] pilotSketches(Plan plan, BlockResult pilot, double accuracy) {
        QuantileSketch[] sketches = new QuantileSketch[plan.outputCount()];
        for (int o = 0; o < sketches.length; o++) {
            Moments m = pilot.moments[plan.outputVariable(o)];
            double scale = m.sd();
            if (!(scale > 0) || Double.isInfinite(scale)) {
                scale = m.mean() != 0 ? Math.abs(m.mean()) : 1;
            }
            sketches[o] = QuantileSketch.create(m.mean(), scale, accuracy);
        }
        return sketches;
    }

    /**
     * Adds every worker's sketches into the first worker's. Counts are integers, so the sum is
     * the same whichever worker computed which block: the result depends only on the samples.
     */
    private static QuantileSketch[] combineSketches(BlockWorker[] workers) {
        QuantileSketch[] total = workers[0].sketches();
        for (int t = 1; t < workers.length; t++) {
            for (int o = 0; o < total.length; o++) {
                total[o].combine(workers[t].sketches()[o]);
            }
        }
        return total;
    }

    private static BlockResult[] runWave(BlockWorker[] workers, ExecutorService pool, long first,
                                         int count, long n) {
        BlockResult[] results = new BlockResult[count];
        AtomicLong next = new AtomicLong();
        if (pool == null) {
            drain(workers[0], results, next, first, n);
            return results;
        }
        List<Future<?>> futures = new ArrayList<>(workers.length);
        for (BlockWorker w : workers) {
            futures.add(pool.submit(() -> drain(w, results, next, first, n)));
        }
        for (Future<?> f : futures) {
            await(f);
        }
        return results;
    }

    /** The result of a task; a failure of the task is rethrown unchecked. */
    static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a worker failed: " + e.getCause(), e.getCause());
        }
    }

    private static void drain(BlockWorker w, BlockResult[] results, AtomicLong next, long first, long n) {
        for (long i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
            long block = first + i;
            int length = (int) Math.min(Plan.BLOCK_SIZE, n - block * Plan.BLOCK_SIZE);
            results[(int) i] = w.compute(block, length);
        }
    }

    static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "mcsim-worker");
        t.setDaemon(true);
        return t;
    }
}
