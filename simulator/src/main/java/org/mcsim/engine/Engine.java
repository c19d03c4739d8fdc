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
 * <p>Each wave holds a few blocks per thread; workers take blocks from a shared counter, and the
 * calling thread merges the wave in order before starting the next one. A failed sample (a
 * non-finite formula or claim) stops the run at the first such sample in sample order; under
 * {@code --until} the run stops at the first block after which every target is met, and blocks
 * computed beyond it are discarded. Every command (run, compare, sweep, solve, sensitivity) goes
 * through {@link #sample}.
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

    /** Runs the plan and summarizes it. */
    public static RunResult run(Plan plan, RunOptions options) throws RunFailedException {
        long start = System.nanoTime();
        Method method = plan.scenario().settings().method();
        List<String> warnings = new ArrayList<>();
        long most = EXACT_LIMIT / Math.max(1, keptVariables(plan).length);
        if (!options.until().isEmpty() && options.samples() > most) {
            warnings.add("--until: the ceiling of " + options.samples() + " samples is lowered to " + most
                + ", the exact-quantile limit of " + EXACT_LIMIT + " kept values");
            options = new RunOptions(most, options.threads(), options.keepSamples(), options.progress(),
                options.until(), options.commonRandomNumbers());
        }
        Layout layout = Layout.of(method, options.samples());
        int[] kept = keptVariables(plan);
        checkExactLimit(options.samples(), kept.length);
        InputFill fill = fill(plan, layout, options.commonRandomNumbers());
        Precision precision = options.until().isEmpty() ? null : new Precision(options.until(), plan);
        Sampled s = sample(plan, layout, fill, options.threads(), kept, precision, options.progress());
        if (s.acc.failure != null) {
            throw new RunFailedException(s.acc.failureMessage());
        }
        return Summarizer.summarize(plan, layout, options, s, warnings, System.nanoTime() - start);
    }

    /**
     * The values of the named variables (inputs or formulas) for samples 0..n-1, in sample
     * order. With a {@code source}, each input is its quantile function applied to the source's
     * uniforms (designs such as Saltelli's); without one, a plain run of the scenario's method
     * and correlations.
     */
    public static double[][] values(Plan plan, long n, int threads, UniformSource source, List<String> variables)
        throws RunFailedException {
        Method method = source == null ? plan.scenario().settings().method() : Method.RANDOM;
        Layout layout = Layout.of(method, n);
        checkExactLimit(n, variables.size());
        int[] kept = new int[variables.size()];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = plan.variableIndex(variables.get(i));
            if (kept[i] < 0) {
                throw new IllegalArgumentException("unknown variable " + variables.get(i));
            }
        }
        InputFill fill = source == null ? fill(plan, layout, false) : InputFill.uniforms(plan, layout, source);
        Sampled s = sample(plan, layout, fill, threads, kept, null, RunOptions.Progress.NONE);
        if (s.acc.failure != null) {
            throw new RunFailedException(s.acc.failureMessage());
        }
        return s.store.trimmed(n);
    }

    /** The outputs, then the correlated inputs that are not outputs (for the achieved correlations). */
    static int[] keptVariables(Plan plan) {
        int[] outputs = plan.outputVariables();
        if (plan.dependence() == null) {
            return outputs;
        }
        java.util.LinkedHashSet<Integer> kept = new java.util.LinkedHashSet<>();
        for (int o : outputs) {
            kept.add(o);
        }
        for (int m : plan.dependence().members()) {
            kept.add(m);
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void checkExactLimit(long n, int outputs) throws RunFailedException {
        long kept = n * outputs;
        if (kept > EXACT_LIMIT || n > Integer.MAX_VALUE - 8) {
            throw new RunFailedException(String.format(
                "%d samples x %d kept columns (outputs and correlated inputs) = %d values is above the "
                    + "exact-quantile limit of %d; use fewer samples or fewer outputs", n, outputs, kept, EXACT_LIMIT));
        }
    }

    private static InputFill fill(Plan plan, Layout layout, boolean commonRandomNumbers) {
        long seed = plan.scenario().settings().seed();
        return switch (plan.scenario().settings().method()) {
            case RANDOM -> InputFill.random(plan, layout, seed, commonRandomNumbers);
            case LHS -> new LatinHypercubeFill(plan, layout, seed);
            case SOBOL -> new SobolFill(plan, layout, seed);
        };
    }

    /** The merged state of a sampled run and its kept samples. */
    record Sampled(Accumulator acc, Store store, int[] kept, String stopReason) { }

    /** Samples blocks in order until the end, a failure, or the precision targets. */
    static Sampled sample(Plan plan, Layout layout, InputFill fill, int requestedThreads, int[] kept,
                          Precision precision, RunOptions.Progress progress) {
        long blocks = layout.blocks();
        int threads = (int) Math.min(requestedThreads, blocks);
        Accumulator acc = new Accumulator(plan, layout);
        Store store = new Store(kept.length, layout.samples());
        BlockWorker[] workers = new BlockWorker[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new BlockWorker(plan, layout, fill, kept, store);
        }
        int wave = threads * BLOCKS_PER_THREAD_PER_WAVE;
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, Engine::daemon) : null;
        try {
            for (long first = 0; first < blocks; first += wave) {
                int count = (int) Math.min(wave, blocks - first);
                store.ensure(Math.min(layout.samples(), layout.start(first + count)));
                for (BlockResult r : runWave(workers, pool, first, count)) {
                    if (!acc.merge(r)) {
                        return new Sampled(acc, store, kept, "failed");
                    }
                    if (precision != null && precision.met(acc, store, kept)) {
                        progress.update(acc.samples, layout.samples());
                        return new Sampled(acc, store, kept, "precision");
                    }
                }
                progress.update(acc.samples, layout.samples());
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return new Sampled(acc, store, kept, precision == null ? "samples" : "ceiling");
    }

    private static BlockResult[] runWave(BlockWorker[] workers, ExecutorService pool, long first, int count) {
        BlockResult[] results = new BlockResult[count];
        AtomicLong next = new AtomicLong();
        if (pool == null) {
            drain(workers[0], results, next, first);
            return results;
        }
        List<Future<?>> futures = new ArrayList<>(workers.length);
        for (BlockWorker w : workers) {
            futures.add(pool.submit(() -> drain(w, results, next, first)));
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

    private static void drain(BlockWorker w, BlockResult[] results, AtomicLong next, long first) {
        for (long i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
            results[(int) i] = w.compute(first + i);
        }
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "mcsim-worker");
        t.setDaemon(true);
        return t;
    }
}
