package org.mcsim.dist;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.MarsagliaTsangWangDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.mcsim.model.Dist;

/**
 * Builds the {@link InputSampler} of a distribution spec (scenario-format.md, "Distributions").
 *
 * <p>The factory validates every parameter once and throws an {@link IllegalArgumentException}
 * whose message starts with the parameter's name ({@code sd: must be positive, got -1};
 * {@code components[1].weight: ...} inside a mixture; {@code truncate: ...} for the bounds), so
 * the caller can prefix the input's name. Stateless and thread-safe.
 */
public final class Samplers {
    /** Largest Poisson mean accepted: quantiles must stay in the int range. */
    static final double MAX_POISSON_MEAN = 1e9;
    /** Largest mean for the Marsaglia-Tsang-Wang Poisson table. */
    private static final double MAX_TABLE_POISSON_MEAN = 1000;

    private Samplers() {
    }

    /**
     * Validates a distribution spec and returns its sampler.
     *
     * @param dist the spec
     * @return an immutable, thread-safe sampler
     * @throws IllegalArgumentException naming the first invalid parameter
     */
    public static InputSampler of(Dist dist) {
        return law(dist);
    }

    /**
     * A uniform double in the open interval (0, 1): one of the 2^52 midpoints
     * (k + 1/2) 2^−52 of the top 52 bits, every one exactly a double (a midpoint of 2^53 cells
     * is not, above 1/2, and the largest rounds to 1), so neither 0 nor 1 ever reaches a quantile
     * function; the same as the lanes' ({@code LaneTransforms.open}).
     *
     * @param rng the generator (one long is consumed)
     * @return a value in [2^−53, 1 − 2^−53]
     */
    public static double openUniform(UniformRandomProvider rng) {
        return ((rng.nextLong() >>> 12) + 0.5) * 0x1.0p-52;
    }

    static Law law(Dist dist) {
        Objects.requireNonNull(dist, "dist");
        if (dist instanceof Dist.Constant d) {
            return new ConstantLaw(Parameters.finite("value", d.value()));
        } else if (dist instanceof Dist.Uniform d) {
            Parameters.below("min", d.min(), "max", d.max());
            return new UniformLaw(d.min(), d.max());
        } else if (dist instanceof Dist.Normal d) {
            return new NormalLaw(Parameters.finite("mean", d.mean()), Parameters.positive("sd", d.sd()));
        } else if (dist instanceof Dist.LogNormal d) {
            return new LogNormalLaw(Parameters.finite("mu", d.mu()), Parameters.positive("sigma", d.sigma()));
        } else if (dist instanceof Dist.Triangular d) {
            checkRange(d.min(), d.mode(), d.max());
            return new TriangularLaw(d.min(), d.mode(), d.max());
        } else if (dist instanceof Dist.Pert d) {
            return pert(d);
        } else if (dist instanceof Dist.Beta d) {
            return beta(d.alpha(), d.beta(), d.min(), d.max(), "beta");
        } else if (dist instanceof Dist.Gamma d) {
            return gamma(d);
        } else if (dist instanceof Dist.Exponential d) {
            return new ExponentialLaw(Parameters.positive("mean", d.mean()));
        } else if (dist instanceof Dist.Poisson d) {
            return poisson(d.mean());
        } else if (dist instanceof Dist.Binomial d) {
            return binomial(d.trials(), d.p());
        } else if (dist instanceof Dist.Discrete d) {
            return discrete(d.values(), d.weights());
        } else if (dist instanceof Dist.Empirical d) {
            return empirical(d.sorted());
        } else if (dist instanceof Dist.Mixture d) {
            return mixture(d.components());
        } else if (dist instanceof Dist.Truncated d) {
            return truncated(d);
        }
        throw new IllegalArgumentException("unknown distribution " + dist);
    }

    private static void checkRange(double min, double mode, double max) {
        Parameters.below("min", min, "max", max);
        Parameters.finite("mode", mode);
        if (!(mode >= min && mode <= max)) {
            throw Parameters.invalid("mode", "must be between min (" + Parameters.format(min)
                    + ") and max (" + Parameters.format(max) + ")", mode);
        }
    }

    private static Law pert(Dist.Pert d) {
        checkRange(d.min(), d.mode(), d.max());
        double lambda = Parameters.positive("lambda", d.lambda());
        double range = d.max() - d.min();
        double alpha = 1 + lambda * (d.mode() - d.min()) / range;
        double beta = 1 + lambda * (d.max() - d.mode()) / range;
        return beta(alpha, beta, d.min(), d.max(), "pert");
    }

    private static Law beta(double alpha, double beta, double min, double max, String family) {
        Parameters.positive("alpha", alpha);
        Parameters.positive("beta", beta);
        Parameters.below("min", min, "max", max);
        String name = family + "(alpha " + alpha + ", beta " + beta + ", [" + min + ", " + max + "])";
        return new ScaledLaw(name, BetaDistribution.of(alpha, beta), min, max - min);
    }

    private static Law gamma(Dist.Gamma d) {
        double shape = Parameters.positive("shape", d.shape());
        double scale = Parameters.positive("scale", d.scale());
        return new ScaledLaw("gamma(" + shape + ", " + scale + ")", GammaDistribution.of(shape, 1), 0, scale);
    }

    private static Law poisson(double mean) {
        Parameters.nonNegative("mean", mean);
        if (mean > MAX_POISSON_MEAN) {
            throw Parameters.invalid("mean", "must be at most 1e9", mean);
        }
        if (mean == 0) {
            return new ConstantLaw(0);
        }
        SharedStateDiscreteSampler sampler = mean <= MAX_TABLE_POISSON_MEAN
                ? MarsagliaTsangWangDiscreteSampler.Poisson.of(Law.UNBOUND, mean)
                : PoissonSampler.of(Law.UNBOUND, mean);
        return new IntegerLaw("poisson(" + mean + ")", PoissonDistribution.of(mean), sampler);
    }

    private static Law binomial(int trials, double p) {
        if (trials < 0) {
            throw Parameters.invalid("trials", "must be non-negative", trials);
        }
        if (!(p >= 0 && p <= 1)) {
            throw Parameters.invalid("p", "must be between 0 and 1", p);
        }
        if (trials == 0 || p == 0) {
            return new ConstantLaw(0);
        }
        if (p == 1) {
            return new ConstantLaw(trials);
        }
        SharedStateDiscreteSampler sampler;
        try {
            sampler = MarsagliaTsangWangDiscreteSampler.Binomial.of(Law.UNBOUND, trials, p);
        } catch (IllegalArgumentException tableUnderflows) {
            // P(0) or P(trials) underflows for very many trials: draws invert uniforms instead.
            sampler = null;
        }
        return new IntegerLaw("binomial(" + trials + ", " + p + ")",
                BinomialDistribution.of(trials, p), sampler);
    }

    private static Law discrete(double[] values, double[] weights) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("values: must not be empty");
        }
        double[] w = weights == null ? filled(values.length) : weights;
        if (w.length != values.length) {
            throw new IllegalArgumentException("weights: must have one weight per value ("
                    + values.length + " values), got " + w.length);
        }
        double max = 0;
        for (int i = 0; i < values.length; i++) {
            Parameters.finite("values[" + i + "]", values[i]);
            max = Math.max(max, Parameters.nonNegative("weights[" + i + "]", w[i]));
        }
        if (max == 0) {
            throw new IllegalArgumentException("weights: must have a positive sum, got 0");
        }
        return new DiscreteLaw(values, w);
    }

    private static double[] filled(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return w;
    }

    private static Law empirical(double[] sorted) {
        if (sorted == null || sorted.length == 0) {
            throw new IllegalArgumentException("column: must hold at least one value");
        }
        for (int i = 0; i < sorted.length; i++) {
            Parameters.finite("column[" + i + "]", sorted[i]);
            if (i > 0 && sorted[i] < sorted[i - 1]) {
                throw new IllegalArgumentException("column: values must be sorted in ascending order");
            }
        }
        return new EmpiricalLaw(sorted);
    }

    private static Law mixture(List<Dist.Component> components) {
        if (components.isEmpty()) {
            throw new IllegalArgumentException("components: must not be empty");
        }
        double[] weights = new double[components.size()];
        Law[] laws = new Law[components.size()];
        for (int i = 0; i < laws.length; i++) {
            String prefix = "components[" + i + "].";
            Dist.Component c = components.get(i);
            weights[i] = Parameters.positive(prefix + "weight", c.weight());
            if (c.dist() instanceof Dist.Mixture) {
                throw new IllegalArgumentException(prefix + "dist: must not be a mixture");
            }
            try {
                laws[i] = law(c.dist());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(prefix + e.getMessage(), e);
            }
        }
        return new MixtureLaw(weights, laws);
    }

    private static Law truncated(Dist.Truncated d) {
        double lo = d.lo();
        double hi = d.hi();
        if (Double.isNaN(lo) || Double.isNaN(hi) || !(lo < hi)) {
            throw new IllegalArgumentException("truncate: lower bound must be below upper bound, got ["
                    + Parameters.format(lo) + ", " + Parameters.format(hi) + "]");
        }
        if (!d.base().continuous()) {
            throw new IllegalArgumentException("truncate: only continuous distributions can be truncated");
        }
        return new TruncatedLaw(law(d.base()), lo, hi);
    }
}
