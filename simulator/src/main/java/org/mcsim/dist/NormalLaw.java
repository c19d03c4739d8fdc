package org.mcsim.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TruncatedNormalDistribution;

/**
 * Normal(mean, sd) as a location-scale map of a standard normal z: draws use the modified
 * ziggurat of McFarland (2016) from Commons RNG, the quantile is mean + sd Φ⁻¹(u), so shifting
 * the mean shifts every value by the shift. Immutable and thread-safe.
 */
final class NormalLaw extends Law {
    /** The standard normal law, for Φ, Φ⁻¹ and their survival forms. */
    static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);
    private static final ZigguratSampler.NormalizedGaussian PROTOTYPE =
            ZigguratSampler.NormalizedGaussian.of(UNBOUND);

    private final double mean;
    private final double sd;

    NormalLaw(double mean, double sd) {
        this.mean = mean;
        this.sd = sd;
    }

    @Override
    public void sample(UniformRandomProvider rng, double[] out, int n) {
        ZigguratSampler.NormalizedGaussian z = PROTOTYPE.withUniformRandomProvider(rng);
        for (int i = 0; i < n; i++) {
            out[i] = mean + sd * z.sample();
        }
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
