package org.mcsim.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.mcsim.dist.LaneSampled;
import org.mcsim.expr.Frame;
import org.mcsim.lanes.LaneFill;
import org.mcsim.lanes.LaneFills;
import org.mcsim.model.Dist;

/**
 * How a block's input columns are filled: the sampling method's part of the block function.
 * An instance is immutable and shared; each worker thread gets its own {@link Worker} with its
 * scratch columns, so nothing is allocated per sample.
 *
 * <p>Every method draws input i's numbers for block b from the stream keyed by (seed, name of
 * i, b) (see {@link Streams}), so no block depends on another and reordering inputs changes
 * nothing.
 */
abstract class InputFill {
    final Plan plan;
    final Layout layout;
    final long seed;
    final Dependence dependence;

    InputFill(Plan plan, Layout layout, long seed) {
        this.plan = plan;
        this.layout = layout;
        this.seed = seed;
        this.dependence = plan.dependence();
    }

    /** A worker's filler, with scratch columns of the block size. Not thread-safe. */
    abstract Worker newWorker();

    /** Fills the input columns (frame slots 0..k-1) of one block. */
    interface Worker {
        void fill(long block, Frame frame, int n);
    }

    UniformRandomProvider stream(int input, long block) {
        return Streams.forBlock(seed, plan.key(input), block);
    }

    /** Open uniforms from input i's lanes for the block ({@code state}: scratch lane state). */
    void uniforms(int input, long block, double[] u, int n, long[] state) {
        Streams.forLanes(seed, plan.key(input), block, state);
        LaneFills.current().uniforms(state, u, n);
    }

    /** Applies the Gaussian copula to the members' uniform columns, then their quantile functions. */
    void copulaThenInverse(double[][] u, double[] z, Frame frame, int n) {
        dependence.gaussian(u, z, n);
        int[] members = dependence.members();
        for (int k = 0; k < members.length; k++) {
            plan.sampler(members[k]).inverse(u[k], frame.column(members[k]), n);
        }
    }

    /**
     * Plain Monte Carlo: uniform, normal, lognormal, exponential and triangular inputs from their
     * block's lanes ({@link LaneSampled}, vectorized where the CPU allows), the other families by
     * their own samplers from the block's generator; inputs under common random numbers and
     * correlated inputs by inversion of their lanes' open uniforms (through the copula).
     */
    static InputFill random(Plan plan, Layout layout, long seed, boolean commonRandomNumbers) {
        // Decided once per run: which inputs the copula fills, and which draw by inversion.
        Dependence dep = plan.dependence();
        boolean[] correlated = new boolean[plan.inputCount()];
        boolean[] byInverse = new boolean[plan.inputCount()];
        LaneSampled[] lanes = new LaneSampled[plan.inputCount()];
        for (int i = 0; i < correlated.length; i++) {
            correlated[i] = dep != null && dep.isMember(i);
            byInverse[i] = commonRandomNumbers && !locationScale(plan.scenario().inputs().get(i).dist());
            lanes[i] = plan.sampler(i) instanceof LaneSampled l ? l : null;
        }
        return new InputFill(plan, layout, seed) {
            @Override
            Worker newWorker() {
                int m = dependence == null ? 0 : dependence.members().length;
                double[][] u = new double[m][layout.blockSize()];
                double[] z = new double[m];
                long[] state = new long[LaneFill.STATE_LENGTH];
                return (block, frame, n) -> {
                    for (int i = 0; i < plan.inputCount(); i++) {
                        if (correlated[i]) {
                            continue;
                        }
                        if (byInverse[i]) {
                            uniforms(i, block, frame.column(i), n, state);
                            plan.sampler(i).inverse(frame.column(i), frame.column(i), n);
                        } else if (lanes[i] != null) {
                            Streams.forLanes(seed, plan.key(i), block, state);
                            lanes[i].sampleLanes(LaneFills.current(), state, frame.column(i), n);
                        } else {
                            plan.sampler(i).sample(stream(i, block), frame.column(i), n);
                        }
                    }
                    if (m > 0) {
                        int[] members = dependence.members();
                        for (int k = 0; k < m; k++) {
                            uniforms(members[k], block, u[k], n, state);
                        }
                        copulaThenInverse(u, z, frame, n);
                    }
                };
            }
        };
    }

    /**
     * True when the fast sampler maps its random numbers to values by a location-scale
     * transformation (or by inversion), so that draws are monotone in the parameters and common
     * random numbers hold without switching to inversion. The other families (gamma, beta, PERT,
     * Poisson, binomial, discrete, mixtures) go through their quantile functions under common
     * random numbers.
     */
    static boolean locationScale(Dist d) {
        return d instanceof Dist.Normal || d instanceof Dist.LogNormal || d instanceof Dist.Uniform
            || d instanceof Dist.Exponential
            || d instanceof Dist.Triangular || d instanceof Dist.Constant || d instanceof Dist.Empirical
            || d instanceof Dist.Truncated;
    }

    /** Inputs from given uniforms (a sensitivity design); no correlation is imposed. */
    static InputFill uniforms(Plan plan, Layout layout, UniformSource source) {
        return new InputFill(plan, layout, 0) {
            @Override
            Worker newWorker() {
                return (block, frame, n) -> {
                    for (int i = 0; i < plan.inputCount(); i++) {
                        source.fill(i, layout.start(block), frame.column(i), n);
                        plan.sampler(i).inverse(frame.column(i), frame.column(i), n);
                    }
                };
            }
        };
    }
}
