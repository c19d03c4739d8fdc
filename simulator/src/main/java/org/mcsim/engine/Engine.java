package org.mcsim.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.mcsim.model.Method;

/**
 * Runs a {@link Plan}: blocks are computed on worker threads in waves and merged strictly in
 * block order, so the result is the same bytes for any thread count.
 *
 * <p>Each wave holds a few blocks per thread; workers take blocks from a shared counter, and
 * the calling thread merges the wave in order before starting the next one. A failed sample
 * (a non-finite formula or claim) stops the run at the first such sample in sample order.
 */
public final class Engine {
    /**
     * Above this many kept values (samples x outputs) exact quantiles are refused. The limit
     * depends on nothing but the run's shape, never on the memory available.
     */
    public static final long EXACT_LIMIT = 50_000_000L;

    private static final int BLOCKS_PER_THREAD_PER_WAVE = 8;

    private Engine() {
    }

    /** Runs the plan to completion and summarizes it. */
    public static RunResult run(Plan plan, RunOptions options) throws RunFailedException {
        Method method = plan.scenario().settings().method();
        if (method != Method.RANDOM) {
            throw new RunFailedException("method " + method.label() + " is not supported yet; use random");
        }
        if (!plan.scenario().correlations().isEmpty()) {
            throw new RunFailedException("correlations are not supported yet; remove the correlations key");
        }
        long n = options.samples();
        long kept = n * plan.outputCount();
        if (kept > EXACT_LIMIT || n > Integer.MAX_VALUE - 8) {
            throw new RunFailedException(String.format(
                "%d samples x %d outputs = %d values is above the exact-quantile limit of %d; "
                    + "use fewer samples or fewer outputs", n, plan.outputCount(), kept, EXACT_LIMIT));
        }
        long start = System.nanoTime();
        double[][] store = new double[plan.outputCount()][(int) n];
        Accumulator acc = sample(plan, options, InputFill.RANDOM, store);
        if (acc.failure != null) {
            throw new RunFailedException(acc.failureMessage());
        }
        RunResult result = Summarizer.summarize(plan, options, acc, store, System.nanoTime() - start);
        return result;
    }

    /** Samples every block of the run and merges them in order; stops at the first failed block. */
    static Accumulator sample(Plan plan, RunOptions options, InputFill fill, double[][] store) {
        long n = options.samples();
        long blocks = (n + Plan.BLOCK_SIZE - 1) / Plan.BLOCK_SIZE;
        int threads = (int) Math.min(options.threads(), blocks);
        Accumulator acc = new Accumulator(plan);
        long seed = plan.scenario().settings().seed();
        BlockWorker[] workers = new BlockWorker[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new BlockWorker(plan, seed, fill, store);
        }
        int wave = threads * BLOCKS_PER_THREAD_PER_WAVE;
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, Engine::daemon) : null;
        try {
            for (long first = 0; first < blocks; first += wave) {
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
        return acc;
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
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a worker failed: " + e.getCause(), e.getCause());
            }
        }
        return results;
    }

    private static void drain(BlockWorker w, BlockResult[] results, AtomicLong next, long first, long n) {
        for (long i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
            long block = first + i;
            int length = (int) Math.min(Plan.BLOCK_SIZE, n - block * Plan.BLOCK_SIZE);
            results[(int) i] = w.compute(block, length);
        }
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "mcsim-worker");
        t.setDaemon(true);
        return t;
    }
}
