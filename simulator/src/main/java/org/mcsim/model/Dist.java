package org.mcsim.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A validated distribution spec with its parameters in one canonical form (for example a
 * lognormal written with {@code low}/{@code high} is held as {@code mu}, {@code sigma}). The
 * parameterization as written is kept by the {@code scenario} package, which applies
 * {@code --set} overrides to it before validating again.
 *
 * <p>All records are immutable values that compare by content: the records holding arrays
 * ({@link Discrete}, {@link Empirical}) copy them on the way in and on the way out, and compare
 * and hash them element by element.
 */
public sealed interface Dist {

    /** True when the family takes integer values only (poisson, binomial). */
    default boolean integerValued() {
        return false;
    }

    /** True when the law has no atoms (truncation and mixtures of it are defined by inversion). */
    default boolean continuous() {
        return true;
    }

    /** A point mass at {@code value}. */
    record Constant(double value) implements Dist {
        @Override public boolean continuous() { return false; }
    }

    /** Uniform on [min, max], min &lt; max. */
    record Uniform(double min, double max) implements Dist { }

    /** Normal with mean and standard deviation sd &gt; 0. */
    record Normal(double mean, double sd) implements Dist { }

    /** exp(N(mu, sigma^2)), sigma &gt; 0. */
    record LogNormal(double mu, double sigma) implements Dist { }

    /** Triangular on [min, max] with mode; min &lt;= mode &lt;= max, min &lt; max. */
    record Triangular(double min, double mode, double max) implements Dist { }

    /** Beta-PERT: min + (max-min) Beta(1 + lambda (mode-min)/(max-min), 1 + lambda (max-mode)/(max-min)). */
    record Pert(double min, double mode, double max, double lambda) implements Dist { }

    /** min + (max-min) Beta(alpha, beta). */
    record Beta(double alpha, double beta, double min, double max) implements Dist { }

    /** Gamma with shape and scale. */
    record Gamma(double shape, double scale) implements Dist { }

    /** Exponential with the given mean. */
    record Exponential(double mean) implements Dist { }

    /** Poisson with the given mean. */
    record Poisson(double mean) implements Dist {
        @Override public boolean integerValued() { return true; }
        @Override public boolean continuous() { return false; }
    }

    /** Binomial with trials and success probability p. */
    record Binomial(int trials, double p) implements Dist {
        @Override public boolean integerValued() { return true; }
        @Override public boolean continuous() { return false; }
    }

    /**
     * Finite law on values with weights (normalized by their sum; equal by default).
     *
     * @param values the values (copied)
     * @param weights one weight per value (copied), or null for equal weights
     */
    record Discrete(double[] values, double[] weights) implements Dist {
        public Discrete {
            values = values.clone();
            weights = weights == null ? null : weights.clone();
        }

        /** A copy of the values. */
        @Override public double[] values() {
            return values.clone();
        }

        /** A copy of the weights, or null for equal weights. */
        @Override public double[] weights() {
            return weights == null ? null : weights.clone();
        }

        @Override public boolean continuous() { return false; }

        @Override public boolean equals(Object o) {
            return o instanceof Discrete d && Arrays.equals(values, d.values) && Arrays.equals(weights, d.weights);
        }

        @Override public int hashCode() {
            return 31 * Arrays.hashCode(values) + Arrays.hashCode(weights);
        }

        @Override public String toString() {
            return "Discrete[values=" + Arrays.toString(values) + ", weights=" + Arrays.toString(weights) + "]";
        }
    }

    /**
     * Each value of a data column with equal probability, sampled by inverting the step CDF
     * of the sorted values.
     *
     * @param sorted the values in ascending order (copied)
     * @param file the data file as written in the scenario
     * @param column the column's name or number as written
     */
    record Empirical(double[] sorted, String file, String column) implements Dist {
        public Empirical {
            sorted = sorted.clone();
        }

        /** A copy of the values, in ascending order. */
        @Override public double[] sorted() {
            return sorted.clone();
        }

        /** How many values the column holds (without copying them). */
        public int size() {
            return sorted.length;
        }

        @Override public boolean continuous() { return false; }

        @Override public boolean equals(Object o) {
            return o instanceof Empirical e && Arrays.equals(sorted, e.sorted) && Objects.equals(file, e.file)
                && Objects.equals(column, e.column);
        }

        @Override public int hashCode() {
            return 31 * Arrays.hashCode(sorted) + Objects.hash(file, column);
        }

        @Override public String toString() {
            return "Empirical[" + sorted.length + " values, file=" + file + ", column=" + column + "]";
        }
    }

    /** One mixture component: its (unnormalized) weight and distribution. */
    record Component(double weight, Dist dist) { }

    /** A mixture sampled by inverting its own CDF. */
    record Mixture(List<Component> components) implements Dist {
        public Mixture {
            components = List.copyOf(components);
        }

        @Override public boolean continuous() {
            return components.stream().allMatch(c -> c.dist().continuous());
        }
    }

    /**
     * {@code base} conditioned on lo &lt;= X &lt;= hi, sampled by inversion. An open bound is
     * {@code Double.NEGATIVE_INFINITY} / {@code Double.POSITIVE_INFINITY}.
     */
    record Truncated(Dist base, double lo, double hi) implements Dist {
        /**
         * Smallest probability a truncation may keep (scenario-format.md, truncate): below it the
         * conditioned law is mostly rounding error of the base law's CDF.
         */
        public static final double MIN_KEPT = 1e-9;
    }
}
