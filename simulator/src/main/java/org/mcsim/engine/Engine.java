package org.mcsim.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mcsim.lanes.LaneFills;
import org.mcsim.model.Method;
import org.mcsim.stats.QuantileSketch;

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
 *
 * <p>Up to {@link #EXACT_LIMIT} kept values (samples × kept columns) every output's samples are
 * kept and quantiles are exact. Above it a plain random run keeps no samples: each worker adds
 * its blocks' outputs to its own {@link QuantileSketch}es (with buckets set by block 0), and the
 * sketches are added together; quantiles, their intervals and the histograms are read from the
 * result. A random run under {@code --until} whose ceiling is above the limit keeps every sample
 * up to it (exact if it stops there) and, if it goes on, sketches them all and then each block it
 * merges, so that the sketches hold exactly the blocks before the stopping point. The phases
 * (exact, pilot, sketched, windowed) are in {@link Sampling}; {@link #sample} picks them.
 */
public final class Engine {
    /**
     * Above this many kept values (samples x kept columns) a random run's quantiles come from
     * sketches instead of the kept samples (5×10⁷ doubles are 400 MB); runs of the other methods
     * or with correlations are refused above it. The switch depends on nothing but the run's
     * shape, never on the memory available.
     */
    public static final long EXACT_LIMIT = 50_000_000L;

    /** Most samples in one run: order-statistic ranks and sample indices are ints. */
    public static final long MAX_SAMPLES = Integer.MAX_VALUE - 8;

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
        return run(plan, options, executor, EXACT_LIMIT);
    }

    /** {@link #run(Plan, RunOptions)} with another exact-quantile limit (tests use a small one). */
    static RunResult run(Plan plan, RunOptions options, long exactLimit) throws RunFailedException {
        try (BlockExecutor local = BlockExecutor.local(options.threads())) {
            return run(plan, options, local, exactLimit);
        }
    }

    static RunResult run(Plan plan, RunOptions options, BlockExecutor executor, long exactLimit)
        throws RunFailedException {
        long start = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        long most = exactLimit / Math.max(1, keptVariables(plan).length);
        long requested = options.samples();
        if (!options.until().isEmpty() && requested > most && !sketchable(plan, options)) {
            options = new RunOptions(most, options.threads(), options.keepSamples(), options.progress(),
                options.until(), options.commonRandomNumbers());
        }
        int[] kept = keptVariables(plan);
        boolean sketch = sketched(plan, options, kept, exactLimit);
        if (!sketch) {
            checkExactLimit(options.samples(), kept.length, exactLimit);
        }
        BlockJob job = BlockJob.of(plan, options.samples(), options.commonRandomNumbers(), null, kept);
        LaneFills.anticipate(options.samples() * plan.inputCount(), options.threads());
        Precision precision = options.until().isEmpty() ? null : new Precision(options.until(), plan);
        Sampled s = sample(job, executor, precision, options.progress(), sketch ? sketchAccuracy(options.samples()) : 0,
            most);
        if (s.acc().failure() != null) {
            throw new RunFailedException(s.acc().failureMessage());
        }
        if (s.stop() == StopReason.CEILING && requested > options.samples()) {
            warnings.add("--until: the ceiling of " + requested + " samples was lowered to " + options.samples()
                + ", the exact-quantile limit of " + exactLimit + " kept values");
        }
        return Summarizer.summarize(plan, job.layout(), options, s, precision, warnings, System.nanoTime() - start);
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
        checkExactLimit(n, variables.size(), EXACT_LIMIT);
        int[] kept = new int[variables.size()];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = plan.variableIndex(variables.get(i));
            if (kept[i] < 0) {
                throw new IllegalArgumentException("unknown variable " + variables.get(i));
            }
        }
        BlockJob job = BlockJob.of(plan, n, false, source, kept);
        Sampled s = sample(job, executor, null, RunOptions.Progress.NONE);
        if (s.acc().failure() != null) {
            throw new RunFailedException(s.acc().failureMessage());
        }
        return s.store().trimmed(n);
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
            throw new RunFailedException(String.format(Locale.ROOT, 
                "%d samples x %d kept columns (outputs and correlated inputs) = %d values is above the "
                    + "exact-quantile limit of %d (sketched quantiles need method random and no correlations); "
                    + "use fewer samples or fewer outputs", n, outputs, kept, limit));
        }
    }

    /**
     * Whether quantiles can come from sketches: a random run whose kept columns are its outputs
     * (no correlations), and, under {@code --until}, without --write-samples (whose ceiling is
     * otherwise lowered to the exact limit).
     */
    private static boolean sketchable(Plan plan, RunOptions options) {
        return plan.scenario().settings().method() == Method.RANDOM && plan.dependence() == null
            && (options.until().isEmpty() || !options.keepSamples());
    }

    /**
     * Whether the run's quantiles may come from sketches: above the exact limit, for a
     * {@link #sketchable} run. A plain run is then sketched from block 0 on; a run under
     * {@code --until} stays exact up to the limit and is sketched only if it goes on past it
     * ({@link #sample}). Refuses --write-samples and more than {@link #MAX_SAMPLES} there.
     */
    private static boolean sketched(Plan plan, RunOptions options, int[] kept, long exactLimit)
        throws RunFailedException {
        long n = options.samples();
        if (!sketchable(plan, options) || n * kept.length <= exactLimit) {
            return false;
        }
        if (n > MAX_SAMPLES) {
            throw new RunFailedException(String.format(Locale.ROOT, "%d samples is above the limit of %d per run", n, MAX_SAMPLES));
        }
        if (options.keepSamples()) {
            throw new RunFailedException(String.format(Locale.ROOT, 
                "%d samples x %d outputs = %d values is above the %d that --write-samples can keep; "
                    + "use fewer samples or drop --write-samples", n, kept.length, n * kept.length, exactLimit));
        }
        return true;
    }

    /**
     * The finest sketch accuracy a run uses, reached at 10⁸ samples. Finer buckets span more
     * memory than the caches hold, and every value added is an increment somewhere in them: on
     * the reference model at 10⁹ samples and two threads, a warm engine took 32.6 ns a sample
     * with α = 10⁻⁶ and 26.0 ns with α = 3.2·10⁻⁶.
     */
    static final double FINEST_SKETCH = 3e-6;

    /**
     * The sketch accuracy α for a run of n samples: 0.03/√n, at least {@link #FINEST_SKETCH}. The
     * Monte Carlo half-width of a median is about 1.96·1.25·sd/√n for a smooth law, so the
     * sketch's error near the centre, α·sd, is about 1/80 of it up to 10⁸ samples (1/26 at 10⁹);
     * in the tails the half-width grows faster than the bound α·|x − mean|.
     */
    static double sketchAccuracy(long n) {
        return Math.max(FINEST_SKETCH, Math.min(1e-3, 0.03 / Math.sqrt(n)));
    }

    /**
     * The merged state of a sampled run: its accumulator, its kept samples (all of them, or the
     * last window), the kept variables, each output's sketch of every merged sample when the run
     * turned to sketches (else null), and why it stopped.
     */
    record Sampled(Accumulator acc, Store store, int[] kept, QuantileSketch[] sketches, StopReason stop) {

        /** How the run's quantiles are read: from the sketches when there are some. */
        QuantileMode quantileMode() {
            return sketches == null ? QuantileMode.EXACT : QuantileMode.SKETCH;
        }
    }

    /** Samples blocks in order until the end, a failure, or the precision targets. */
    static Sampled sample(BlockJob job, BlockExecutor executor, Precision precision, RunOptions.Progress progress)
        throws RunFailedException {
        return sample(job, executor, precision, progress, 0, Long.MAX_VALUE);
    }

    /**
     * Samples blocks in order until the end, a failure, or the precision targets, in the phases
     * of {@link Sampling}: exact (every sample kept); or, for a plain run above the exact limit,
     * pilot then sketched; or, under {@code --until} with a ceiling above it, exact up to
     * {@code exactSamples} then windowed.
     *
     * @param sketchAccuracy 0 to keep every sample of the kept variables (the outputs first);
     *     else the accuracy of the sketches the run turns to
     * @param exactSamples with precision targets and a sketch accuracy, the samples kept before
     *     the run turns to sketches (rounded down to whole blocks, at least one)
     */
    static Sampled sample(BlockJob job, BlockExecutor executor, Precision precision, RunOptions.Progress progress,
                          double sketchAccuracy, long exactSamples) throws RunFailedException {
        if (!job.portable() && !(executor instanceof LocalExecutor)) {
            throw new IllegalArgumentException("the " + executor.name()
                + " engine needs a plan that can be built elsewhere: Plan.of(scenario, source)");
        }
        Sampling phases = new Sampling(job, executor, precision, progress);
        if (sketchAccuracy == 0) {
            return phases.exact();
        }
        if (precision == null) {
            return phases.pilotThenSketched(sketchAccuracy);
        }
        return phases.exactThenWindowed(sketchAccuracy, Math.max(1, exactSamples / job.layout().blockSize()));
    }
}
