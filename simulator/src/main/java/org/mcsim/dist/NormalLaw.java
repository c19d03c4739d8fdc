package org.mcsim.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TruncatedNormalDistribution;
import org.mcsim.lanes.LaneFill;

/**
 * Normal(mean, sd) as a location-scale map of a standard normal z: draws are mean + sd Φ⁻¹(u) of
 * the lanes' open uniforms with mcsim's own Φ⁻¹ ({@link LaneFill#normal}), the quantile function
 * mean + sd Φ⁻¹(u) with Commons Statistics' Φ⁻¹, so shifting the mean shifts every value by the
 * shift. Immutable and thread-safe.
 */
final class NormalLaw extends Law implements LaneSampled {
    /** The standard normal law, for Φ, Φ⁻¹ and their survival forms. */
    static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    private final double mean;
    private final double sd;

    NormalLaw(double mean, double sd) {
        this.mean = mean;
        this.sd = sd;
    }

    @Override
    public void sample(UniformRandomProvider rng, double[] out, int n) {
        LaneSampled.fromGenerator(this, rng, out, n);
    }

    @Override
    public void sampleLanes(LaneFill fill, long[] state, double[] out, int n) {
        fill.normal(state, out, n, mean, sd);
    }

    @Override
    public double quantile(double p) {
        return mean + sd * STANDARD.inverseCumulativeProbability(p);
    }

    @Override
    double inverseSurvival(double q) {
        return mean + sd * STANDARD.inverseSurvivalProbability(q);
    }

    @Override
    double density(double x) {
        return STANDARD.density((x - mean) / sd) / sd;
    }

    @Override
    public double cdf(double x) {
        return STANDARD.cumulativeProbability((x - mean) / sd);
    }

    @Override
    double survival(double x) {
        return STANDARD.survivalProbability((x - mean) / sd);
    }

    @Override
    public double mean() {
        return mean;
    }

    /** Closed form mean + sd (φ(a) − φ(b)) / (Φ(b) − Φ(a)), as computed by Commons Statistics. */
    @Override
    double truncatedMean(double lo, double hi) {
        return TruncatedNormalDistribution.of(mean, sd, lo, hi).getMean();
    }

    @Override
    public String toString() {
        return "normal(" + mean + ", " + sd + ")";
    }
}
