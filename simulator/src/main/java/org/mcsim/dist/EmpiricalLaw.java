package org.mcsim.dist;

import java.util.Arrays;

/**
 * Each of m sorted data values with probability 1/m, sampled by inverting the step CDF: the
 * quantile of u is the value at index ceil(u m) − 1 (clamped into the array), so LHS, Sobol
 * points and copulas apply. Immutable and thread-safe (the array is never modified).
 */
final class EmpiricalLaw extends Law {
    private final double[] sorted;
    private final double mean;

    /** @param sorted the values in ascending order (not copied; never modified) */
    EmpiricalLaw(double[] sorted) {
        this.sorted = sorted;
        double sum = 0;
        double compensation = 0;
        for (double v : sorted) {
            // Kahan summation keeps the mean of a long column exact to a few ulps.
            double y = v - compensation;
            double t = sum + y;
            compensation = (t - sum) - y;
            sum = t;
        }
        this.mean = sum / sorted.length;
    }

    @Override
    public double quantile(double p) {
        int m = sorted.length;
        double index = Math.ceil(p * m) - 1;
        return sorted[(int) clamp(index, 0, m - 1)];
    }

    @Override
    public double cdf(double x) {
        return (double) DiscreteLaw.upperBound(sorted, x) / sorted.length;
    }

    @Override
    public double mean() {
        return mean;
    }

    @Override
    public String toString() {
        return "empirical(" + sorted.length + " values from " + sorted[0] + " to "
                + sorted[sorted.length - 1] + ")";
    }
}
