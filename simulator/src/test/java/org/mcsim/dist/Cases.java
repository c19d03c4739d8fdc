package org.mcsim.dist;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.DiscreteDistribution;
import org.apache.commons.statistics.distribution.ExponentialDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.apache.commons.statistics.distribution.TriangularDistribution;
import org.apache.commons.statistics.distribution.TruncatedNormalDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;
import org.mcsim.model.Dist;

/**
 * Every family with a reference law computed independently: Commons Statistics distributions
 * for the plain families and truncated normals, and closed-form conditional moments (written
 * out below, each with its derivation) for the other truncated laws and the mixtures.
 */
final class Cases {
    private static final NormalDistribution Z = NormalDistribution.of(0, 1);

    record Case(String name, Dist dist, Reference reference) {
        @Override public String toString() {
            return name;
        }
    }

    private Cases() {
    }

    static List<Case> all() {
        List<Case> all = new ArrayList<>(families());
        all.addAll(composites());
        return all;
    }

    private static Case of(String name, Dist dist, ContinuousDistribution reference) {
        return new Case(name, dist, Reference.of(reference));
    }

    private static Case of(String name, Dist dist, DiscreteDistribution reference) {
        return new Case(name, dist, Reference.of(reference));
    }

    private static Case point(String name, Dist dist, double value) {
        return new Case(name, dist, Reference.finite(new double[] {value}, new double[] {1}));
    }

    private static List<Case> families() {
        return List.of(
            point("constant", new Dist.Constant(3.5), 3.5),
            of("uniform", new Dist.Uniform(2, 5), UniformContinuousDistribution.of(2, 5)),
            of("normal", new Dist.Normal(10, 2), NormalDistribution.of(10, 2)),
            of("lognormal", new Dist.LogNormal(0.5, 0.4), LogNormalDistribution.of(0.5, 0.4)),
            of("triangular", new Dist.Triangular(1, 2, 6), TriangularDistribution.of(1, 2, 6)),
            of("triangular mode=min", new Dist.Triangular(0, 0, 1), TriangularDistribution.of(0, 0, 1)),
            of("triangular mode=max", new Dist.Triangular(0, 1, 1), TriangularDistribution.of(0, 1, 1)),
            // alpha = 1 + 4 (3 - 1) / 9, beta = 1 + 4 (10 - 3) / 9 (scenario-format.md, pert)
            new Case("pert", new Dist.Pert(1, 3, 10, 4),
                    Reference.of(BetaDistribution.of(1 + 8.0 / 9, 1 + 28.0 / 9), 1, 9)),
            of("beta", new Dist.Beta(2, 5, 0, 1), BetaDistribution.of(2, 5)),
            new Case("beta U-shaped scaled", new Dist.Beta(0.5, 0.8, -1, 3),
                    Reference.of(BetaDistribution.of(0.5, 0.8), -1, 4)),
            of("gamma", new Dist.Gamma(2.5, 3), GammaDistribution.of(2.5, 3)),
            of("gamma shape<1", new Dist.Gamma(0.5, 2), GammaDistribution.of(0.5, 2)),
            of("exponential", new Dist.Exponential(4), ExponentialDistribution.of(4)),
            of("poisson", new Dist.Poisson(3.7), PoissonDistribution.of(3.7)),
            of("poisson large mean", new Dist.Poisson(2500), PoissonDistribution.of(2500)),
            of("binomial", new Dist.Binomial(20, 0.3), BinomialDistribution.of(20, 0.3)),
            of("binomial many trials", new Dist.Binomial(3000, 0.5), BinomialDistribution.of(3000, 0.5)),
            point("binomial p=1", new Dist.Binomial(7, 1), 7),
            point("binomial p=0", new Dist.Binomial(7, 0), 0),
            // values 5, 1, 3, 1, 8 with weights 1, 2, 3, 4, 0: P(1) = 0.6, P(3) = 0.3, P(5) = 0.1
            new Case("discrete unsorted",
                    new Dist.Discrete(new double[] {5, 1, 3, 1, 8}, new double[] {1, 2, 3, 4, 0}),
                    Reference.finite(new double[] {1, 3, 5}, new double[] {0.6, 0.3, 0.1})),
            new Case("empirical",
                    new Dist.Empirical(new double[] {1, 2, 2, 3, 5, 8, 8, 8, 13, 21}, "f.csv", "c"),
                    Reference.finite(new double[] {1, 2, 3, 5, 8, 13, 21},
                            new double[] {.1, .2, .1, .1, .3, .1, .1})));
    }

    private static List<Case> composites() {
        double inf = Double.POSITIVE_INFINITY;
        return List.of(
            of("truncated normal", new Dist.Truncated(new Dist.Normal(0, 1), -1, 2),
                    TruncatedNormalDistribution.of(0, 1, -1, 2)),
            of("truncated normal upper tail", new Dist.Truncated(new Dist.Normal(10, 2), 16, inf),
                    TruncatedNormalDistribution.of(10, 2, 16, inf)),
            new Case("truncated lognormal", new Dist.Truncated(new Dist.LogNormal(0, 0.5), 0.8, 2.5),
                    truncatedLogNormal()),
            new Case("truncated gamma", new Dist.Truncated(new Dist.Gamma(2, 1.5), 1, 6), truncatedGamma()),
            new Case("truncated triangular", new Dist.Truncated(new Dist.Triangular(0, 2, 5), 1, 4),
                    truncatedTriangular()),
            new Case("mixture of two normals", mixture(new Dist.Normal(0, 1), new Dist.Normal(5, 2), 0.3, 0.7),
                    Reference.mixture(new double[] {0.3, 0.7}, Reference.of(NormalDistribution.of(0, 1)),
                            Reference.of(NormalDistribution.of(5, 2)))),
            new Case("mixture with discrete", mixture(new Dist.Normal(0, 1),
                            new Dist.Discrete(new double[] {1, 2}, new double[] {1, 1}), 1, 1),
                    Reference.mixture(new double[] {1, 1}, Reference.of(NormalDistribution.of(0, 1)),
                            Reference.finite(new double[] {1, 2}, new double[] {0.5, 0.5}))),
            new Case("truncated mixture", new Dist.Truncated(
                            mixture(new Dist.Normal(0, 1), new Dist.Uniform(2, 4), 1, 1), -1, 3),
                    truncatedMixture()));
    }

    static Dist.Mixture mixture(Dist a, Dist b, double wa, double wb) {
        return new Dist.Mixture(List.of(new Dist.Component(wa, a), new Dist.Component(wb, b)));
    }

    /** F conditioned on [lo, hi], the quantile by bisection. */
    private static Reference conditioned(DoubleUnaryOperator cdf, double lo, double hi,
                                         double mean, double variance) {
        double flo = cdf.applyAsDouble(lo);
        double kept = cdf.applyAsDouble(hi) - flo;
        DoubleUnaryOperator f = x -> x < lo ? 0 : x >= hi ? 1 : (cdf.applyAsDouble(x) - flo) / kept;
        return Reference.custom(f, f, lo, hi, mean, variance);
    }

    /**
     * E[X^k | a &lt;= ln X &lt;= b] = exp(k mu + k² sigma²/2) P(a' − kσ &lt; Z &lt; b' − kσ) /
     * P(a' &lt; Z &lt; b') with a', b' the standardized log bounds.
     */
    private static Reference truncatedLogNormal() {
        double sigma = 0.5;
        double a = Math.log(0.8) / sigma;
        double b = Math.log(2.5) / sigma;
        double kept = Z.probability(a, b);
        double m1 = Math.exp(sigma * sigma / 2) * Z.probability(a - sigma, b - sigma) / kept;
        double m2 = Math.exp(2 * sigma * sigma) * Z.probability(a - 2 * sigma, b - 2 * sigma) / kept;
        LogNormalDistribution d = LogNormalDistribution.of(0, sigma);
        return conditioned(d::cumulativeProbability, 0.8, 2.5, m1, m2 - m1 * m1);
    }

    /** E[X; X &lt;= t] = k θ G_{k+1}(t) and E[X²; X &lt;= t] = k (k+1) θ² G_{k+2}(t) for Gamma(k, θ). */
    private static Reference truncatedGamma() {
        double k = 2;
        double theta = 1.5;
        GammaDistribution g0 = GammaDistribution.of(k, theta);
        GammaDistribution g1 = GammaDistribution.of(k + 1, theta);
        GammaDistribution g2 = GammaDistribution.of(k + 2, theta);
        double kept = g0.probability(1, 6);
        double m1 = k * theta * g1.probability(1, 6) / kept;
        double m2 = k * (k + 1) * theta * theta * g2.probability(1, 6) / kept;
        return conditioned(g0::cumulativeProbability, 1, 6, m1, m2 - m1 * m1);
    }

    /**
     * Triangular(0, 2, 5) on [1, 4]: x^j f(x) is a polynomial of degree &lt;= 3 on [1, 2] and
     * [2, 4], so Simpson's rule on each piece is exact.
     */
    private static Reference truncatedTriangular() {
        TriangularDistribution t = TriangularDistribution.of(0, 2, 5);
        double[] m = new double[3];
        for (int j = 0; j < 3; j++) {
            int power = j;
            DoubleUnaryOperator g = x -> Math.pow(x, power) * t.density(x);
            m[j] = simpson(g, 1, 2) + simpson(g, 2, 4);
        }
        double m1 = m[1] / m[0];
        return conditioned(t::cumulativeProbability, 1, 4, m1, m[2] / m[0] - m1 * m1);
    }

    private static double simpson(DoubleUnaryOperator g, double a, double b) {
        double mid = g.applyAsDouble((a + b) / 2);
        return (b - a) / 6 * (g.applyAsDouble(a) + 4 * mid + g.applyAsDouble(b));
    }

    /**
     * (N(0,1) + U(2,4)) / 2 on [−1, 3]. Normal part on [a, b]: mass Φ(b) − Φ(a), first moment
     * φ(a) − φ(b), second Φ(b) − Φ(a) + a φ(a) − b φ(b); uniform part on [2, 3] with density 1/2:
     * mass 1/2, moments 5/4 and 19/6.
     */
    private static Reference truncatedMixture() {
        double a = -1;
        double b = 3;
        double mass = Z.probability(a, b) + 0.5;
        double m1 = (Z.density(a) - Z.density(b) + 1.25) / mass;
        double m2 = (Z.probability(a, b) + a * Z.density(a) - b * Z.density(b) + 19.0 / 6) / mass;
        DoubleUnaryOperator cdf = x -> 0.5 * Z.cumulativeProbability(x)
                + 0.5 * Math.min(1, Math.max(0, (x - 2) / 2));
        return conditioned(cdf, a, b, m1, m2 - m1 * m1);
    }
}
