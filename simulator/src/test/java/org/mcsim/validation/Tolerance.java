package org.mcsim.validation;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.mcsim.engine.Estimate;
import org.mcsim.model.Method;

/**
 * The standard error a method's own interval implies: half-width / critical value, with
 * Student's t(n−1) for means under {@code random}, the normal z for its other statistics (delta
 * method, order statistics, Wilson), and t(9) for every statistic under {@code lhs} and
 * {@code sobol}, whose intervals come from 10 replicates. Asymmetric intervals (quantiles,
 * Wilson) count their wider side.
 */
final class Tolerance {
    private static final int REPLICATES = 10;
    private static final double LEVEL = 0.95;

    private Tolerance() {
    }

    static double criticalValue(Method method, Check check, long n) {
        double p = (1 + LEVEL) / 2;
        if (method != Method.RANDOM) {
            return TDistribution.of(REPLICATES - 1).inverseCumulativeProbability(p);
        }
        if (check.statistic().equals("mean")) {
            return TDistribution.of(n - 1).inverseCumulativeProbability(p);
        }
        return NormalDistribution.of(0, 1).inverseCumulativeProbability(p);
    }

    /** The standard error implied by the estimate's 95% interval. */
    static double standardError(Method method, Check check, long n, Estimate e) {
        double half = Math.max(e.high() - e.value(), e.value() - e.low());
        return half / criticalValue(method, check, n);
    }

    /**
     * Five standard errors, with a floor for what the Monte Carlo error does not cover: the
     * truth's rounding (1e-12 relative) and, for a standard deviation, the bias of the divisor
     * n − 1 (s² overstates σ² by the factor n/(n−1) when the mean is estimated almost exactly, as
     * under Sobol, so s is off by up to σ/(2n)).
     */
    static double of(Method method, Check check, long n, Estimate e) {
        double floor = 1e-12 * Math.max(1, Math.abs(check.truth()));
        if (check.statistic().equals("sd")) {
            floor += check.truth() / n;
        }
        return 5 * standardError(method, check, n, e) + floor;
    }
}
