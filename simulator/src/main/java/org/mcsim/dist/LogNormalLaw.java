package org.mcsim.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.mcsim.lanes.LaneFill;

/**
 * exp(N(mu, sigma²)) as exp(mu + sigma z) of a standard normal z: draws through mcsim's own
 * Φ⁻¹ and exp ({@link LaneFill#lognormal}), the quantile function through Commons Statistics' Φ⁻¹
 * and {@code Math.exp}. Immutable and thread-safe.
 */
final class LogNormalLaw extends Law implements LaneSampled {
    private final double mu;
    private final double sigma;

    LogNormalLaw(double mu, double sigma) {
        this.mu = mu;
        this.sigma = sigma;
    }

    @Override
    public void sample(UniformRandomProvider rng, double[] out, int n) {
        LaneSampled.fromGenerator(this, rng, out, n);
    }

    @Override
    public void sampleLanes(LaneFill fill, long[] state, double[] out, int n) {
        fill.lognormal(state, out, n, mu, sigma);
    }

    @Override
    public double quantile(double p) {
        return Math.exp(mu + sigma * NormalLaw.STANDARD.inverseCumulativeProbability(p));
    }

    @Override
    double inverseSurvival(double q) {
        return Math.exp(mu + sigma * NormalLaw.STANDARD.inverseSurvivalProbability(q));
    }

    @Override
    double density(double x) {
        return x <= 0 ? 0 : NormalLaw.STANDARD.density(standardize(x)) / (sigma * x);
    }

    @Override
    public double cdf(double x) {
        return x <= 0 ? 0 : NormalLaw.STANDARD.cumulativeProbability(standardize(x));
    }

    @Override
    double survival(double x) {
        return x <= 0 ? 1 : NormalLaw.STANDARD.survivalProbability(standardize(x));
    }

    @Override
    public double mean() {
        return Math.exp(mu + 0.5 * sigma * sigma);
    }

    /**
     * Closed form E[X | lo &lt;= X &lt;= hi] = exp(mu + sigma²/2) P(a − sigma &lt; Z &lt; b − sigma) /
     * P(a &lt; Z &lt; b) with a, b the standardized logs of the bounds (Johnson, Kotz and
     * Balakrishnan, Continuous Univariate Distributions vol. 1, ch. 14).
     */
    @Override
    double truncatedMean(double lo, double hi) {
        double a = lo <= 0 ? Double.NEGATIVE_INFINITY : standardize(lo);
        double b = standardize(hi);
        double kept = NormalLaw.STANDARD.probability(a, b);
        return mean() * NormalLaw.STANDARD.probability(a - sigma, b - sigma) / kept;
    }

    private double standardize(double x) {
        return (Math.log(x) - mu) / sigma;
    }

    @Override
    public String toString() {
        return "lognormal(" + mu + ", " + sigma + ")";
    }
}
