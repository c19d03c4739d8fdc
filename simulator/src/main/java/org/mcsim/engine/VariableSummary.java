package org.mcsim.engine;

import java.util.Arrays;
import java.util.List;

/**
 * The summary of one input or formula.
 *
 * @param name the variable's name
 * @param kind an input or a formula
 * @param mean the mean with its Student interval
 * @param sd the standard deviation (divisor n-1) with its interval
 * @param min the sampled minimum
 * @param max the sampled maximum
 * @param quantiles the quantiles of an output, ascending (empty for other variables)
 * @param histogram the histogram of an output, or null for other variables
 */
public record VariableSummary(String name, VariableKind kind, Estimate mean, Estimate sd, double min,
                              double max, List<QuantileEstimate> quantiles, HistogramData histogram) {

    public VariableSummary {
        quantiles = List.copyOf(quantiles);
    }

    /** True when the variable is listed in {@code outputs}. */
    public boolean output() {
        return histogram != null;
    }

    /**
     * One quantile of an output.
     *
     * @param label its summary label ({@code p50})
     * @param level the level q
     * @param estimate the type-7 estimate with its order-statistic interval
     */
    public record QuantileEstimate(String label, double level, Estimate estimate) { }

    /**
     * Equal-width bins from the sampled min to max.
     *
     * @param edges B+1 edges, the last exactly the max
     * @param counts B counts
     */
    public record HistogramData(double[] edges, long[] counts) {
        @Override
        public boolean equals(Object o) {
            return o instanceof HistogramData h && Arrays.equals(edges, h.edges) && Arrays.equals(counts, h.counts);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(edges) + Arrays.hashCode(counts);
        }

        @Override
        public String toString() {
            return "HistogramData" + Arrays.toString(counts);
        }
    }
}
