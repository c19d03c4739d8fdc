package org.mcsim.engine;

import java.io.Serializable;
import java.util.List;
import org.mcsim.lanes.LaneFills;
import org.mcsim.model.Method;
import org.mcsim.model.Scenario;
import org.mcsim.scenario.ScenarioException;
import org.mcsim.stats.QuantileSketch;

/**
 * The block function of one run, in a form that any {@link BlockExecutor} can drive: which blocks
 * there are, and how to compute a contiguous range of them into a {@link BlockRange}.
 *
 * <p>Immutable: the engine hands each wave a job that says what to keep of it ({@link Keep}:
 * every sample, or sketches with given buckets), made by {@link #keeping}; the copies of one run
 * share its compiled plan ({@link #sameRun}). On the machine where the run is summarized the job
 * holds the compiled plan, the layout and the sampling method's input fill. Serialized, it carries
 * only what rebuilds them: the plan's {@link PlanSource}, the seed and method, the sample count,
 * the kept variables, what to keep and, for a design, the {@link UniformSource}; a deserialized
 * job rebuilds the plan once, on first use (the one field that is set after construction, a
 * cache). Since streams are keyed by (seed, input name, block), a block computed from the rebuilt
 * plan has exactly the bits of the same block computed locally.
 *
 * <p>{@link #compute} is thread-safe: each call has its own worker and columns.
 */
public final class BlockJob implements Serializable {
    private static final long serialVersionUID = 1L;

    private final PlanSource source;
    private final long seed;
    private final Method method;
    private final long samples;
    private final boolean commonRandomNumbers;
    private final UniformSource uniforms;
    private final int[] kept;
    private final List<String> variables;
    private final Keep keep;

    /** The compiled plan, its layout and fill: built here, or rebuilt once after deserialization. */
    private transient volatile Built built;

    /** What a job builds from its description, shared by the copies of one run. */
    private record Built(Plan plan, Layout layout, InputFill fill) { }

    private BlockJob(Plan plan, long samples, boolean commonRandomNumbers, UniformSource uniforms, int[] kept)
        throws RunFailedException {
        this.source = plan.source();
        this.seed = plan.scenario().settings().seed();
        this.method = plan.scenario().settings().method();
        this.samples = samples;
        this.commonRandomNumbers = commonRandomNumbers;
        this.uniforms = uniforms;
        this.kept = kept.clone();
        this.variables = List.copyOf(Plan.variableNames(plan.scenario()));
        Layout layout = Layout.of(layoutMethod(), samples);
        this.built = new Built(plan, layout, newFill(plan, layout));
        this.keep = Keep.samples(new Store(kept.length, samples));
    }

    private BlockJob(BlockJob run, Keep keep) {
        this.source = run.source;
        this.seed = run.seed;
        this.method = run.method;
        this.samples = run.samples;
        this.commonRandomNumbers = run.commonRandomNumbers;
        this.uniforms = run.uniforms;
        this.kept = run.kept;
        this.variables = run.variables;
        this.built = run.built;
        this.keep = keep;
    }

    /**
     * The job of a run on the machine that summarizes it, keeping every sample in a store of
     * its own until {@link #keeping} says otherwise.
     *
     * @param uniforms the design's uniforms, or null for the scenario's own method and streams
     * @param kept variables whose every sample is kept
     * @throws RunFailedException when the method cannot lay out {@code samples} samples
     */
    static BlockJob of(Plan plan, long samples, boolean commonRandomNumbers, UniformSource uniforms, int[] kept)
        throws RunFailedException {
        return new BlockJob(plan, samples, commonRandomNumbers, uniforms, kept);
    }

    /** True when the job can be computed on another machine: its plan has a source. */
    public boolean portable() {
        return source != null;
    }

    /** Number of variables (inputs and formulas) whose statistics each block returns. */
    public int variableCount() {
        return variables.size();
    }

    /** Number of blocks of the run: blocks are numbered 0 .. blocks()-1 in sample order. */
    public long blocks() {
        return layout().blocks();
    }

    /**
     * Computes blocks {@code first .. first+count-1} on the calling thread, with the same random
     * streams as every other executor, and returns their results and kept samples.
     *
     * @throws IllegalArgumentException when the range is not within {@code [0, blocks())}
     * @throws IllegalStateException when a deserialized job cannot rebuild its scenario here
     */
    public BlockRange compute(long first, int count) {
        Built b = built();
        if (first < 0 || count < 1 || first + count > b.layout().blocks()) {
            throw new IllegalArgumentException("blocks " + first + ".." + (first + count - 1)
                + " are not within the run's " + b.layout().blocks() + " blocks");
        }
        long base = b.layout().start(first);
        long end = Math.min(b.layout().samples(), b.layout().start(first + count));
        LaneFills.anticipate((end - base) * b.plan().inputCount());
        QuantileSketch[] sketches = keep.emptySketches();
        Store slice = sketches != null ? null : Store.range(kept.length, base, (int) (end - base));
        BlockWorker worker = new BlockWorker(b.plan(), b.layout(), b.fill(), kept);
        BlockResult[] results = new BlockResult[count];
        for (int i = 0; i < count; i++) {
            results[i] = worker.compute(first + i, slice, sketches);
        }
        return new BlockRange(first, results, base, slice == null ? null : slice.columns(), sketches);
    }

    /** The same run's job, keeping {@code what} of the blocks it is asked to compute. */
    BlockJob keeping(Keep what) {
        return new BlockJob(this, what);
    }

    /** What this job keeps of its blocks. */
    Keep keep() {
        return keep;
    }

    /** True when {@code other} is a job of the same run (made from this one by {@link #keeping}). */
    boolean sameRun(BlockJob other) {
        return other != null && other.built() == built();
    }

    private Built built() {
        Built b = built;
        return b != null ? b : rebuild();
    }

    private synchronized Built rebuild() {
        if (built != null) {
            return built;
        }
        Scenario s;
        try {
            s = source.scenario();
        } catch (ScenarioException e) {
            throw new IllegalStateException("cannot rebuild the scenario here: " + String.join("; ", e.lines()), e);
        }
        Plan p = Plan.of(s.withSettings(s.settings().withSeed(seed).withMethod(method)), source);
        if (!Plan.variableNames(p.scenario()).equals(variables)) {
            throw new IllegalStateException("the scenario rebuilt here has the variables "
                + Plan.variableNames(p.scenario()) + ", not " + variables);
        }
        Layout layout;
        try {
            layout = Layout.of(layoutMethod(), samples);
        } catch (RunFailedException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        built = new Built(p, layout, newFill(p, layout));
        return built;
    }

    private Method layoutMethod() {
        return uniforms == null ? method : Method.RANDOM;
    }

    private InputFill newFill(Plan plan, Layout layout) {
        if (uniforms != null) {
            return InputFill.uniforms(plan, layout, uniforms);
        }
        return switch (method) {
            case RANDOM -> InputFill.random(plan, layout, seed, commonRandomNumbers);
            case LHS -> new LatinHypercubeFill(plan, layout, seed);
            case SOBOL -> new SobolFill(plan, layout, seed);
        };
    }

    Plan plan() {
        return built().plan();
    }

    Layout layout() {
        return built().layout();
    }

    InputFill fill() {
        return built().fill();
    }

    int[] kept() {
        return kept;
    }
}
