package org.mcsim.dist;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/** A point mass: every draw and every quantile is the value. Immutable and thread-safe. */
final class ConstantLaw extends Law {
    private final double value;

    ConstantLaw(double value) {
        this.value = value;
    }

    @Override
    public void sample(UniformRandomProvider rng, double[] out, int n) {
        Arrays.fill(out, 0, n, value);
    }

    @Override
    public void inverse(double[] u, double[] out, int n) {
        Arrays.fill(out, 0, n, value);
    }

    @Override
    public double quantile(double p) {
        return value;
    }

    @Override
    public double cdf(double x) {
        return x >= value ? 1 : 0;
    }

    @Override
    public double mean() {
        return value;
    }

    @Override
    public String toString() {
        return "constant(" + value + ")";
    }
}
