package org.mcsim.dist;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * A finite law: the step CDF over the sorted distinct values with positive weight (weights of
 * equal values added). Draws use Walker's alias method (Vose 1991) from Commons RNG, its table
 * built once; the quantile is the smallest value whose cumulative probability reaches u.
 * Immutable and thread-safe.
 */
final class DiscreteLaw extends Law {
    /** Distinct support points in ascending order. */
    private final double[] points;
    /** cumulative[k] = P(X &lt;= points[k]); the last entry is exactly 1. */
    private final double[] cumulative;
    private final double mean;
    private final SharedStateDiscreteSampler prototype;

    /**
     * @param values the values, in any order, repeats allowed
     * @param weights non-negative finite weights with a positive sum, one per value (scaled by
     *     the largest so their sum cannot overflow)
     */
    DiscreteLaw(double[] values, double[] weights) {
        Integer[] order = new Integer[values.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (i, j) -> Double.compare(values[i], values[j]));
        double[] pts = new double[values.length];
        double[] mass = new double[values.length];
        double largest = Arrays.stream(weights).max().orElse(1);
        int m = 0;
        for (Integer i : order) {
            if (weights[i] == 0) {
                continue;
            }
            if (m > 0 && pts[m - 1] == values[i]) {
                mass[m - 1] += weights[i] / largest;
            } else {
                pts[m] = values[i];
                mass[m++] = weights[i] / largest;
            }
        }
        points = Arrays.copyOf(pts, m);
        cumulative = new double[m];
        double total = 0;
        for (int k = 0; k < m; k++) {
            total += mass[k];
        }
        double run = 0;
        double sum = 0;
        for (int k = 0; k < m; k++) {
            run += mass[k];
            cumulative[k] = run / total;
            sum += mass[k] / total * points[k];
        }
        cumulative[m - 1] = 1;
        mean = sum;
        prototype = AliasMethodDiscreteSampler.of(UNBOUND, Arrays.copyOf(mass, m));
    }

    @Override
    public void sample(UniformRandomProvider rng, double[] out, int n) {
        SharedStateDiscreteSampler s = prototype.withUniformRandomProvider(rng);
        for (int i = 0; i < n; i++) {
            out[i] = points[s.sample()];
        }
    }

    @Override
    public double quantile(double p) {
        // The first k with cumulative[k] >= p; tiny weights can repeat a cumulative value.
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] >= p) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return points[lo];
    }

    @Override
    public double cdf(double x) {
        int k = upperBound(points, x);
        return k == 0 ? 0 : cumulative[k - 1];
    }

    @Override
    public double mean() {
        return mean;
    }

    /** The number of entries of the sorted array that are &lt;= x. */
    static int upperBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        return "discrete(" + Arrays.toString(points) + ", " + Arrays.toString(cumulative) + ")";
    }
}
