package org.mcsim.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.apache.commons.statistics.distribution.DiscreteDistribution;

/**
 * An integer-valued law (poisson, binomial): draws from a Commons RNG sampler (Marsaglia, Tsang
 * and Wang 2004 table lookup, or the Poisson samplers of Commons RNG for large means), quantile
 * and CDF from a Commons Statistics distribution: F⁻¹(u) is the smallest integer k with
 * F(k) &gt;= u. When no table sampler can be built (a binomial whose P(0) underflows), draws
 * invert open uniforms. Immutable and thread-safe.
 */
final class IntegerLaw extends Law {
    private final String name;
    private final DiscreteDistribution law;
    /** Null when draws invert uniforms. */
    private final SharedStateDiscreteSampler prototype;

    IntegerLaw(String name, DiscreteDistribution law, SharedStateDiscreteSampler prototype) {
        this.name = name;
        this.law = law;
        this.prototype = prototype;
    }

    @Override
    public void sample(UniformRandomProvider rng, double[] out, int n) {
        if (prototype == null) {
            super.sample(rng, out, n);
            return;
        }
        SharedStateDiscreteSampler s = prototype.withUniformRandomProvider(rng);
        for (int i = 0; i < n; i++) {
            out[i] = s.sample();
        }
    }

    @Override
    public double quantile(double p) {
        return law.inverseCumulativeProbability(p);
    }

    @Override
    double inverseSurvival(double q) {
        return law.inverseSurvivalProbability(q);
    }

    @Override
    public double cdf(double x) {
        if (x < 0) {
            return 0;
        }
        return x >= Integer.MAX_VALUE ? 1 : law.cumulativeProbability((int) Math.floor(x));
    }

    @Override
    double survival(double x) {
        if (x < 0) {
            return 1;
        }
        return x >= Integer.MAX_VALUE ? 0 : law.survivalProbability((int) Math.floor(x));
    }

    @Override
    public double mean() {
        return law.getMean();
    }

    @Override
    public String toString() {
        return name;
    }
}
