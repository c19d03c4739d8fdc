package org.mcsim.dist;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Base of every sampler in this package: the faces of {@link InputSampler} plus the extra
 * views that truncation, mixtures and the mean integral need (survival side for accurate upper
 * tails, points where the density is not smooth).
 *
 * <p>Subclasses are immutable and thread-safe.
 */
abstract class Law implements InputSampler {

    /**
     * Generator given to prototype samplers at construction; they never draw from it, since every
     * draw goes through a copy made by {@code withUniformRandomProvider}.
     */
    static final UniformRandomProvider UNBOUND = () -> {
        throw new IllegalStateException("prototype sampler used without a generator");
    };

    /** See {@link #table()}; null until first used. */
    private volatile InverseTable table;

    /** Default: inversion of open uniforms, one uniform per draw. */
    @Override
    public void sample(UniformRandomProvider rng, double[] out, int n) {
        BlockRandom.of(rng).openUniforms(out, n);
        inverse(out, out, n);
    }

    @Override
    public void inverse(double[] u, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = quantile(u[i]);
        }
    }

    /**
     * The density f(x), or NaN where this law has none (atoms); used for the slopes of
     * {@link InverseTable}.
     */
    double density(double x) {
        return Double.NaN;
    }

    /**
     * This law's {@link InverseTable}, built on first use (a race builds identical tables, and
     * the table is immutable, so any thread may publish it): components of a mixture and bases of
     * a truncation never pay for one.
     */
    final InverseTable table() {
        InverseTable t = table;
        if (t == null) {
            t = InverseTable.of(this);
            table = t;
        }
        return t;
    }

    @Override
    public double keptProbability() {
        return 1;
    }

    /**
     * The survival function P(X &gt; x); overridden where the complement is computed without
     * cancellation.
     */
    double survival(double x) {
        return 1 - cdf(x);
    }

    /**
     * The smallest x with P(X &gt; x) &lt;= q, for q in [0, 1]; overridden where the upper tail is
     * computed without cancellation.
     */
    double inverseSurvival(double q) {
        return quantile(1 - q);
    }

    /**
     * {@link #quantile} where the caller knows the result lies in [lo, hi] (up to rounding); laws
     * that search (mixtures) start from that bracket.
     */
    double quantileWithin(double p, double lo, double hi) {
        return quantile(p);
    }

    /** {@link #inverseSurvival} where the caller knows the result lies in [lo, hi]. */
    double inverseSurvivalWithin(double q, double lo, double hi) {
        return inverseSurvival(q);
    }

    /**
     * The mean of this law conditioned on lo &lt;= X &lt;= hi by a closed form, or NaN when there is
     * none (the caller then integrates the quantile function).
     */
    double truncatedMean(double lo, double hi) {
        return Double.NaN;
    }

    /**
     * Points where the density is not smooth (finite ends of the support, a triangular mode), so
     * that the mean integral can be split there. Default: the finite ends of the support.
     */
    double[] kinks() {
        double lo = quantile(0);
        double hi = quantile(1);
        if (Double.isFinite(lo)) {
            return Double.isFinite(hi) ? new double[] {lo, hi} : new double[] {lo};
        }
        return Double.isFinite(hi) ? new double[] {hi} : new double[0];
    }

    /**
     * Clamps x into [lo, hi] with comparisons (cheaper in the sampling loops than
     * {@code Math.min}/{@code max}, whose NaN and signed-zero rules the values here do not need).
     */
    static double clamp(double x, double lo, double hi) {
        final double y = x < lo ? lo : x;
        return y > hi ? hi : y;
    }
}
