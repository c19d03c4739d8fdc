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
 * <p>Each wave holds a few blocks per thread; workers take blocks from a shared counter, and the
 * calling thread merges the wave in order before starting the next one. A failed sample (a
 * non-finite formula or claim) stops the run at the first such sample in sample order; under
 * {@code --until} the run stops at the first block after which every target is met, and blocks
 * computed beyond it are discarded. Every command (run, compare, sweep, solve, sensitivity) goes
 * through {@link #sample}.
 *
 * <p>Up to {@link #EXACT_LIMIT} kept values (samples × kept columns) every output's samples are
 * kept and quantiles are exact; above it a plain random run adds each block to a
 * {@link QuantileSketch} per output and worker, and quantiles, their intervals and the
 * histograms are read from the combined sketches.
 */
public final class Engine {
    /**
     * Above this many kept values (samples x kept columns) a plain run's quantiles come from
     * sketches instead of the kept samples (5×10⁷ doubles are 400 MB); other runs above it
     * are refused. The switch depends on nothing but the run's shape, never on the memory
     * available.
     */
    public static final long EXACT_LIMIT = 50_000_000L;

    /** Most samples in one run: order-statistic ranks and sample indices are ints. */
    public static final long MAX_SAMPLES = Integer.MAX_VALUE - 8;

    private static final int BLOCKS_PER_THREAD_PER_WAVE = 8;

    private Engine() {
    }

    /** Runs the plan and summarizes it. */
    public static RunResult run(Plan plan, RunOptions options) throws RunFailedException {
        return run(plan, options, EXACT_LIMIT);
    }

    /** {@link #run(Plan, RunOptions)} with another exact-quantile limit (tests use a small one). */
    static RunResult run(Plan plan, RunOptions options, long exactLimit) throws RunFailedException {
        long start = System.nanoTime();
        Method method = plan.scenario().settings().method();
        List<String> warnings = new ArrayList<>();
        long most = exactLimit / Math.max(1, keptVariables(plan).length);
        if (!options.until().isEmpty() && options.samples() > most) {
            warnings.add("--until: the ceiling of " + options.samples() + " samples is lowered to " + most
                + ", the exact-quantile limit of " + exactLimit + " kept values");
            options = new RunOptions(most, options.threads(), options.keepSamples(), options.progress(),
                options.until(), options.commonRandomNumbers());
        }
        Layout layout = Layout.of(method, options.samples());
        int[] kept = keptVariables(plan);
        boolean sketch = sketched(plan, options, kept, exactLimit);
        if (!sketch) {
            checkExactLimit(options.samples(), kept.length, exactLimit);
        }
        InputFill fill = fill(plan, layout, options.commonRandomNumbers());
        Precision precision = options.until().isEmpty() ? null : new Precision(options.until(), plan);
        Sampled s = sample(plan, layout, fill, options.threads(), sketch ? null : kept, precision,
            options.progress(), sketch ? sketchAccuracy(options.samples()) : 0);
        if (s.acc.failure != null) {
            throw new RunFailedException(s.acc.failureMessage());
        }
        return Summarizer.summarize(plan, layout, options, s, warnings, System.nanoTime() - start);
    }

    /**
     * Whether the run's quantiles come from sketches: above the exact limit, for a plain random
     * run whose kept columns are its outputs (no correlations, no {@code --until}). Refuses
     * --write-samples and more than {@link #MAX_SAMPLES} there.
     */
    private static boolean sketched(Plan plan, RunOptions options, int[] kept, long exactLimit)
        throws RunFailedException {
        long n = options.samples();
        boolean eligible = plan.scenario().settings().method() == Method.RANDOM && plan.dependence() == null
            && options.until().isEmpty();
        if (!eligible || n * kept.length <= exactLimit) {
            return false;
        }
        if (n > MAX_SAMPLES) {
            throw new RunFailedException(String.format("%d samples is above the limit of %d per run", n, MAX_SAMPLES));
        }
        if (options.keepSamples()) {
            throw new RunFailedException(String.format(
                "%d samples x %d outputs = %d values is above the %d that --write-samples can keep; "
                    + "use fewer samples or drop --write-samples", n, kept.length, n * kept.length, exactLimit));
        }
        return true;
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
     * The values of the named variables (inputs or formulas) for samples 0..n-1, in sample
     * order. With a {@code source}, each input is its quantile function applied to the source's
     * uniforms (designs such as Saltelli's); without one, a plain run of the scenario's method
     * and correlations.
     */
    public static double[][] values(Plan plan, long n, int threads, UniformSource source, List<String> variables)
        throws RunFailedException {
        Method method = source == null ? plan.scenario().settings().method() : Method.RANDOM;
        Layout layout = Layout.of(method, n);
        checkExactLimit(n, variables.size(), EXACT_LIMIT);
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

    private static void checkExactLimit(long n, int outputs, long limit) throws RunFailedException {
        long kept = n * outputs;
        if (kept > limit || n > MAX_SAMPLES) {
            throw new RunFailedException(String.format(
                "%d samples x %d kept columns (outputs and correlated inputs) = %d values is above the "
                    + "exact-quantile limit of %d (sketched quantiles need method random, no correlations "
                    + "and no --until); use fewer samples or fewer outputs", n, outputs, kept, limit));
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
        return sample(plan, layout, fill, requestedThreads, kept, precision, progress, 0);
    }

    /**
     * Samples blocks in order until the end, a failure, or the precision targets.
     *
     * @param kept the variables whose samples are kept, or null to keep none
     * @param sketchAccuracy 0 for no sketches; else the accuracy of one sketch per output and
     *     worker, centred on the mean and scaled by the sd of block 0 (computed first, alone),
     *     combined into {@link Accumulator#sketches} at the end
     */
    static Sampled sample(Plan plan, Layout layout, InputFill fill, int requestedThreads, int[] kept,
                          Precision precision, RunOptions.Progress progress, double sketchAccuracy) {
        long blocks = layout.blocks();
        int threads = (int) Math.min(requestedThreads, blocks);
        Accumulator acc = new Accumulator(plan, layout);
        Store store = kept == null ? null : new Store(kept.length, layout.samples());
        if (store != null && precision == null) {
            // Every sample will be drawn: one allocation instead of copies while doubling.
            store.ensure(layout.samples());
        }
        BlockWorker[] workers = new BlockWorker[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new BlockWorker(plan, layout, fill, kept == null ? new int[0] : kept, store);
        }
        long first = 0;
        if (sketchAccuracy > 0) {
            if (!acc.merge(startSketches(plan, workers, sketchAccuracy))) {
                return new Sampled(acc, store, kept, "failed");
            }
            first = 1;
        }
        int wave = threads * BLOCKS_PER_THREAD_PER_WAVE;
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, Engine::daemon) : null;
        try {
            for (; first < blocks; first += wave) {
                int count = (int) Math.min(wave, blocks - first);
                if (store != null) {
                    store.ensure(Math.min(layout.samples(), layout.start(first + count)));
                }
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
        if (sketchAccuracy > 0) {
            acc.sketches = combineSketches(workers);
        }
        return new Sampled(acc, store, kept, precision == null ? "samples" : "ceiling");
    }

    /**
     * Computes block 0 alone and gives every worker empty sketches, one per output, centred on
     * block 0's mean and scaled by its sd (by |mean|, or 1, when block 0 is constant); block 0
     * goes into the first worker's. Block 0 is the same for any thread count, so are the sketches.
     */
    private static BlockResult startSketches(Plan plan, BlockWorker[] workers, double accuracy) {
        BlockResult pilot = workers[0].compute(0);
        if (pilot.failSample >= 0) {
            return pilot;
        }
        QuantileSketch[] prototypes = new QuantileSketch[plan.outputCount()];
        for (int o = 0; o < prototypes.length; o++) {
            Moments m = pilot.moments[plan.outputVariable(o)];
            double scale = m.sd();
            if (!(scale > 0) || Double.isInfinite(scale)) {
                scale = m.mean() != 0 ? Math.abs(m.mean()) : 1;
            }
            prototypes[o] = QuantileSketch.create(m.mean(), scale, accuracy);
        }
        for (BlockWorker w : workers) {
            w.useSketches(Arrays.stream(prototypes).map(QuantileSketch::emptyCopy).toArray(QuantileSketch[]::new));
        }
        workers[0].sketchBlock(pilot.length);
        return pilot;
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

    private static void drain(BlockWorker w, BlockResult[] results, AtomicLong next, long first) {
        for (long i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
            results[(int) i] = w.compute(first + i);
        }
    }

    static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "mcsim-worker");
        t.setDaemon(true);
        return t;
    }
}
