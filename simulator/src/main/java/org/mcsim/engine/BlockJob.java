package org.mcsim.engine;

import java.io.Serializable;
import java.util.List;
import org.mcsim.model.Method;
import org.mcsim.model.Scenario;
import org.mcsim.scenario.ScenarioException;
import org.mcsim.stats.QuantileSketch;

/**
 * The block function of one run, in a form that any {@link BlockExecutor} can drive: which blocks
 * there are, and how to compute a contiguous range of them into a {@link BlockRange}.
 *
 * <p>On the machine where the run is summarized the job holds the compiled plan, the layout,
 * the sampling method's input fill and the run's store of kept samples. Serialized, it carries
 * only what rebuilds them: the plan's {@link PlanSource}, the seed and method, the sample count,
 * the kept variables and, for a design, the {@link UniformSource}; a deserialized job rebuilds the
 * plan once, on first use. Since streams are keyed by (seed, input name, block), a block computed
 * from the rebuilt plan has exactly the bits of the same block computed locally.
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
    /** In a sketched run after its first block, the empty sketches every range fills; else null. */
    private QuantileSketch[] sketchPrototypes;

    private transient Plan plan;
    private transient Layout layout;
    private transient InputFill fill;
    private transient Store store;

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
        this.plan = plan;
        this.layout = Layout.of(layoutMethod(), samples);
        this.fill = newFill();
        this.store = new Store(kept.length, samples);
    }

    /**
     * The job of a run on the machine that summarizes it.
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
        rebuild();
        if (first < 0 || count < 1 || first + count > layout.blocks()) {
            throw new IllegalArgumentException("blocks " + first + ".." + (first + count - 1)
                + " are not within the run's " + layout.blocks() + " blocks");
        }
        long base = layout.start(first);
        long end = Math.min(layout.samples(), layout.start(first + count));
        QuantileSketch[] sketches = emptySketches();
        Store slice = sketches != null ? null : Store.range(kept.length, base, (int) (end - base));
        BlockWorker worker = new BlockWorker(plan, layout, fill, kept, slice);
        worker.sketchInto(sketches);
        BlockResult[] results = new BlockResult[count];
        for (int i = 0; i < count; i++) {
            results[i] = worker.compute(first + i);
        }
        return new BlockRange(first, results, base, slice == null ? null : slice.columns(), sketches);
    }

    /**
     * From now on, every range's kept samples go into sketches with the buckets of
     * {@code prototypes} (one per kept variable), built where the range is computed, instead of
     * travelling as samples: a sketched run's samples are sketched on every worker in parallel.
     */
    void sketchWith(QuantileSketch[] prototypes) {
        QuantileSketch[] empty = new QuantileSketch[prototypes.length];
        for (int o = 0; o < empty.length; o++) {
            empty[o] = prototypes[o].emptyCopy();
        }
        this.sketchPrototypes = empty;
    }

    /** Fresh empty sketches with the prototypes' buckets, or null when the run keeps samples. */
    QuantileSketch[] emptySketches() {
        if (sketchPrototypes == null) {
            return null;
        }
        QuantileSketch[] s = new QuantileSketch[sketchPrototypes.length];
        for (int o = 0; o < s.length; o++) {
            s[o] = sketchPrototypes[o].emptyCopy();
        }
        return s;
    }

    private synchronized void rebuild() {
        if (plan != null) {
            return;
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
        try {
            layout = Layout.of(layoutMethod(), samples);
        } catch (RunFailedException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        plan = p;
        fill = newFill();
    }

    private Method layoutMethod() {
        return uniforms == null ? method : Method.RANDOM;
    }

    private InputFill newFill() {
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
        rebuild();
        return plan;
    }

    Layout layout() {
        rebuild();
        return layout;
    }

    InputFill fill() {
        rebuild();
        return fill;
    }

    int[] kept() {
        return kept;
    }

    /**
     * Replaces the store by one of {@code samples} samples from sample 0 on, between waves: a
     * sketched run keeps block 0, whose moments set the sketches' buckets; a run under
     * {@code --until} that goes on past the exact limit keeps a window of one wave
     * ({@link Store#moveTo}).
     */
    void keepWindow(int samples) {
        store = Store.range(kept.length, 0, samples);
    }

    /** The run's store of kept samples, on the machine that summarizes it (null elsewhere). */
    Store store() {
        return store;
    }
}
