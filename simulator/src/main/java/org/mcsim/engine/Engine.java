package org.mcsim.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link Plan}: its blocks are computed by a {@link BlockExecutor} (this machine's threads
 * by default, or a Spark cluster) in waves and merged strictly in block order, so the result is
 * the same bytes for any thread count and any executor.
 *
 * <p>The calling thread asks the executor for a wave of blocks, merges the wave in order, then
 * asks for the next. A failed sample (a non-finite formula or claim) stops the run at the first
 * such sample in sample order; under {@code --until} the run stops at the first block after which
 * every target is met, and blocks computed beyond it are discarded. Every command (run, compare,
 * sweep, solve, sensitivity) goes through {@link #sample}.
 */
public final class Engine {
    /**
     * Above this many kept values (samples x outputs) exact quantiles are refused. The limit
     * depends on nothing but the run's shape, never on the memory available.
     */
    public static final long EXACT_LIMIT = 50_000_000L;

    private Engine() {
    }

    /** Runs the plan on this machine's cores ({@code options.threads()}) and summarizes it. */
    public static RunResult run(Plan plan, RunOptions options) throws RunFailedException {
        try (BlockExecutor local = BlockExecutor.local(options.threads())) {
            return run(plan, options, local);
        }
    }

    /**
     * Runs the plan on {@code executor} and summarizes it. An executor other than the local one
     * needs a plan with a {@link PlanSource}.
     */
    public static RunResult run(Plan plan, RunOptions options, BlockExecutor executor) throws RunFailedException {
        long start = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        long most = EXACT_LIMIT / Math.max(1, keptVariables(plan).length);
        if (!options.until().isEmpty() && options.samples() > most) {
            warnings.add("--until: the ceiling of " + options.samples() + " samples is lowered to " + most
                + ", the exact-quantile limit of " + EXACT_LIMIT + " kept values");
            options = new RunOptions(most, options.threads(), options.keepSamples(), options.progress(),
                options.until(), options.commonRandomNumbers());
        }
        int[] kept = keptVariables(plan);
        checkExactLimit(options.samples(), kept.length);
        BlockJob job = BlockJob.of(plan, options.samples(), options.commonRandomNumbers(), null, kept);
        Precision precision = options.until().isEmpty() ? null : new Precision(options.until(), plan);
        Sampled s = sample(job, executor, precision, options.progress());
        if (s.acc.failure != null) {
            throw new RunFailedException(s.acc.failureMessage());
        }
        return Summarizer.summarize(plan, job.layout(), options, s, warnings, System.nanoTime() - start);
    }

    /**
     * The values of the named variables (inputs or formulas) for samples 0..n-1, in sample
     * order, computed on this machine's cores. With a {@code source}, each input is its quantile
     * function applied to the source's uniforms (designs such as Saltelli's); without one, a
     * plain run of the scenario's method and correlations.
     */
    public static double[][] values(Plan plan, long n, int threads, UniformSource source, List<String> variables)
        throws RunFailedException {
        try (BlockExecutor local = BlockExecutor.local(threads)) {
            return values(plan, n, local, source, variables);
        }
    }

    /** As {@link #values(Plan, long, int, UniformSource, List)}, with the blocks computed by {@code executor}. */
    public static double[][] values(Plan plan, long n, BlockExecutor executor, UniformSource source,
                                    List<String> variables) throws RunFailedException {
        checkExactLimit(n, variables.size());
        int[] kept = new int[variables.size()];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = plan.variableIndex(variables.get(i));
            if (kept[i] < 0) {
                throw new IllegalArgumentException("unknown variable " + variables.get(i));
            }
        }
        BlockJob job = BlockJob.of(plan, n, false, source, kept);
        Sampled s = sample(job, executor, null, RunOptions.Progress.NONE);
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

    /** The merged state of a sampled run and its kept samples. */
    record Sampled(Accumulator acc, Store store, int[] kept, String stopReason) { }

    /** Samples blocks in order until the end, a failure, or the precision targets. */
    static Sampled sample(BlockJob job, BlockExecutor executor, Precision precision, RunOptions.Progress progress)
        throws RunFailedException {
        if (!job.portable() && !(executor instanceof LocalExecutor)) {
            throw new IllegalArgumentException("the " + executor.name()
                + " engine needs a plan that can be built elsewhere: Plan.of(scenario, source)");
        }
        Layout layout = job.layout();
        Store store = job.store();
        int[] kept = job.kept();
        long blocks = layout.blocks();
        Accumulator acc = new Accumulator(job.plan(), layout);
        long wave = Math.max(1, Math.min(Integer.MAX_VALUE, executor.wave(blocks, precision != null)));
        for (long first = 0; first < blocks; first += wave) {
            int count = (int) Math.min(wave, blocks - first);
            store.ensure(Math.min(layout.samples(), layout.start(first + count)));
            for (BlockRange range : executor.compute(job, first, count)) {
                range.copyInto(store);
                for (int i = 0; i < range.count(); i++) {
                    if (!acc.merge(range.result(i))) {
                        return new Sampled(acc, store, kept, "failed");
                    }
                    if (precision != null && precision.met(acc, store, kept)) {
                        progress.update(acc.samples, layout.samples());
                        return new Sampled(acc, store, kept, "precision");
                    }
                }
            }
            progress.update(acc.samples, layout.samples());
        }
        return new Sampled(acc, store, kept, precision == null ? "samples" : "ceiling");
    }
}
