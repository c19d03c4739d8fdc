package org.mcsim.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Monte Carlo error intervals for the estimates mcsim reports. Every method returns an
 * {@link Interval}, {@link Interval#UNDEFINED} when there is none; {@code confidence} is the
 * two-sided level, in (0, 1). This is the one place where intervals are computed: the engine's
 * summaries and the sensitivity analyses call it.
 *
 * <p>Stateless and thread-safe.
 */
public final class Intervals {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
    /** Relative rounding slack of an estimate computed from sums of many values. */
    private static final double ROUNDING = 1e-12;

    private Intervals() {
    }

    /**
     * Student t interval for the mean: {@code mean ± t((1+c)/2, n−1) · s/√n}.
     *
     * @param m the accumulated values
     * @param confidence the two-sided level
     * @return the interval; {@code [mean, mean]} when s = 0; undefined when n &lt; 2
     */
    public static Interval mean(Moments m, double confidence) {
        checkConfidence(confidence);
        if (m.count() < 2) {
            return Interval.UNDEFINED;
        }
        return student(m.mean(), m.sd(), m.count(), confidence);
    }

    /**
     * An interval for the standard deviation that does not assume normality: the delta method
     * with the sample fourth central moment m4 = M4/n. With s² the unbiased variance,
     * {@code Var(s²) ≈ (m4 − s⁴(n−3)/(n−1))/n} (the large-sample variance of the sample variance,
     * e.g. Cramér, <i>Mathematical Methods of Statistics</i>, 1946, §27.4), and
     * {@code se(s) = √Var(s²) / (2s)}; the interval is {@code s ± z((1+c)/2)·se(s)}, its low end
     * clamped at 0.
     *
     * @param m the accumulated values
     * @param confidence the two-sided level
     * @return the interval; undefined when n &lt; 4 or s = 0 (the sd of a constant)
     */
    public static Interval sd(Moments m, double confidence) {
        checkConfidence(confidence);
        final long n = m.count();
        final double s = m.sd();
        if (n < 4 || !(s > 0)) {
            return Interval.UNDEFINED;
        }
        final double nd = n;
        final double s2 = s * s;
        final double varS2 = Math.max(0, (m.centralMoment4() - s2 * s2 * (nd - 3) / (nd - 1)) / nd);
        final double se = Math.sqrt(varS2) / (2 * s);
        final double half = z(confidence) * se;
        return new Interval(Math.max(0, s - half), s + half);
    }

    /**
     * Wilson score interval for a binomial proportion (E. B. Wilson, "Probable inference, the law
     * of succession, and statistical inference", JASA 22, 1927):
     * {@code (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n)}, clamped into [0, 1].
     *
     * @param hits the number of successes, in [0, n]
     * @param n the number of trials
     * @param confidence the two-sided level
     * @return the interval; undefined when n = 0
     */
    public static Interval wilson(long hits, long n, double confidence) {
        checkConfidence(confidence);
        if (hits < 0 || hits > n) {
            throw new IllegalArgumentException("hits: must be in [0, " + n + "], got " + hits);
        }
        if (n == 0) {
            return Interval.UNDEFINED;
        }
        final double z = z(confidence);
        final double nd = n;
        final double p = hits / nd;
        final double z2 = z * z;
        final double denom = 1 + z2 / nd;
        final double centre = (p + z2 / (2 * nd)) / denom;
        final double half = z / denom * Math.sqrt(p * (1 - p) / nd + z2 / (4 * nd * nd));
        // At p = 0 (p = 1) the low (high) end is exactly 0 (1); rounding would leave ~1e-17.
        final double low = hits == 0 ? 0 : Math.max(0, centre - half);
        final double high = hits == n ? 1 : Math.min(1, centre + half);
        return new Interval(low, high);
    }

    /**
     * Student interval from R independent replicates (the {@code lhs} and {@code sobol} methods,
     * whose samples within a run are not independent): {@code pooled ± t((1+c)/2, R−1)·s/√R},
     * s² the variance of the replicates' own estimates, at least {@code varianceFloor}. The
     * half-width is at least 10⁻¹² of the estimate, far above the rounding error of an estimate
     * made of sums and far below any Monte Carlo error: replicates of a perfectly stratified
     * discrete input agree to the last bit, and whether the truth is inside must not depend on it.
     *
     * @param pooled the estimate from every sample, the interval's centre
     * @param replicates the R replicates' own estimates
     * @param varianceFloor the least variance of one replicate's estimate (0 for none)
     * @param confidence the two-sided level
     * @return the interval; undefined when R &lt; 2 or the half-width is not finite
     */
    public static Interval fromReplicates(double pooled, double[] replicates, double varianceFloor,
                                          double confidence) {
        checkConfidence(confidence);
        int r = replicates.length;
        if (r < 2) {
            return Interval.UNDEFINED;
        }
        double mean = 0;
        for (double x : replicates) {
            mean += x / r;
        }
        double ss = 0;
        for (double x : replicates) {
            ss += (x - mean) * (x - mean);
        }
        double t = TDistribution.of(r - 1).inverseSurvivalProbability((1 - confidence) / 2);
        double half = Math.max(ROUNDING * Math.abs(pooled), t * Math.sqrt(Math.max(ss / (r - 1), varianceFloor) / r));
        return Double.isFinite(half) ? new Interval(pooled - half, pooled + half) : Interval.UNDEFINED;
    }

    /**
     * The standard normal quantile z((1+c)/2) of a two-sided level.
     *
     * @param confidence the two-sided level
     * @return the quantile
     */
    public static double z(double confidence) {
        checkConfidence(confidence);
        return STANDARD_NORMAL.inverseCumulativeProbability((1 + confidence) / 2);
    }

    private static Interval student(double centre, double sd, long n, double confidence) {
        if (sd == 0) {
            return new Interval(centre, centre);
        }
        final double t = TDistribution.of(n - 1.0).inverseCumulativeProbability((1 + confidence) / 2);
        final double half = t * sd / Math.sqrt(n);
        return new Interval(centre - half, centre + half);
    }

    static void checkConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence: must be in (0, 1), got " + confidence);
        }
    }
}
