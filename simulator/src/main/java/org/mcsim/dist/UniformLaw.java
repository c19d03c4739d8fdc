package org.mcsim.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.mcsim.lanes.LaneFill;
import org.mcsim.lanes.LaneTransforms;

/**
 * Uniform on [min, max], sampled and inverted in closed form: min + u (max − min).
 * Immutable and thread-safe.
 */
final class UniformLaw extends Law implements LaneSampled {
    private final double min;
    private final double max;
    private final double width;

    UniformLaw(double min, double max) {
        this.min = min;
        this.max = max;
        this.width = max - min;
    }

    /**
     * The quantile of every uniform, in a loop the JIT compiles to vector instructions
     * ({@code Math.min}/{@code max} vectorize where comparisons do not); bit-identical to
     * {@link #quantile} for values in (0, 1).
     */
    @Override
    public void sample(UniformRandomProvider rng, double[] out, int n) {
        LaneSampled.fromGenerator(this, rng, out, n);
    }

    @Override
    public void sampleLanes(LaneFill fill, long[] state, double[] out, int n) {
        fill.uniform(state, out, n, min, width, max);
    }

    @Override
    public void inverse(double[] u, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = LaneTransforms.uniform(u[i], min, width, max);
        }
    }

    @Override
    public double quantile(double p) {
        return clamp(min + p * width, min, max);
    }

    @Override
    double inverseSurvival(double q) {
        return clamp(max - q * width, min, max);
    }

    @Override
    double density(double x) {
        return x >= min && x <= max ? 1 / width : 0;
    }

    @Override
    public double cdf(double x) {
        return clamp((x - min) / width, 0, 1);
    }

    @Override
    double survival(double x) {
        return clamp((max - x) / width, 0, 1);
    }

    @Override
    public double mean() {
        return min + 0.5 * width;
    }

    @Override
    double truncatedMean(double lo, double hi) {
        return 0.5 * (Math.max(lo, min) + Math.min(hi, max));
    }

    @Override
    public String toString() {
        return "uniform(" + min + ", " + max + ")";
    }
}
