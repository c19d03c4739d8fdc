package org.mcsim.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.mcsim.lanes.LaneFill;
import org.mcsim.lanes.LaneTransforms;

/**
 * Triangular on [min, max] with the given mode (which may equal either end), sampled and
 * inverted in closed form: min + sqrt(u (max − min)(mode − min)) below F(mode) and
 * max − sqrt((1 − u)(max − min)(max − mode)) above. Each branch is clamped to its side of the
 * mode so the quantile stays monotone across the join. Immutable and thread-safe.
 */
final class TriangularLaw extends Law implements LaneSampled {
    private final double min;
    private final double mode;
    private final double max;
    /** F(mode). */
    private final double modeProbability;
    private final double lowerScale;
    private final double upperScale;
    private final LaneFill.Triangle triangle;

    TriangularLaw(double min, double mode, double max) {
        this.min = min;
        this.mode = mode;
        this.max = max;
        this.modeProbability = (mode - min) / (max - min);
        this.lowerScale = (max - min) * (mode - min);
        this.upperScale = (max - min) * (max - mode);
        this.triangle = LaneFill.Triangle.of(min, mode, max);
    }

    /**
     * The quantile of every uniform ({@code LaneTransforms.triangular}), without a branch on the
     * side of the mode, which would be mispredicted about half the time: the side is a weight, 1
     * above F(mode) and 0 at or below it, from the sign bit of u − F(mode); multiplying by 0 or 1
     * and adding 0 are exact, so each value is bit-identical to {@link #quantile}, with one
     * square root per value.
     */
    @Override
    public void sample(UniformRandomProvider rng, double[] out, int n) {
        LaneSampled.fromGenerator(this, rng, out, n);
    }

    @Override
    public void sampleLanes(LaneFill fill, long[] state, double[] out, int n) {
        fill.triangular(state, out, n, triangle);
    }

    @Override
    public void inverse(double[] u, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = blended(u[i]);
        }
    }

    private double blended(double p) {
        return LaneTransforms.triangular(p, triangle);
    }

    @Override
    public double quantile(double p) {
        if (p <= modeProbability) {
            return clamp(min + Math.sqrt(p * lowerScale), min, mode);
        }
        return clamp(max - Math.sqrt((1 - p) * upperScale), mode, max);
    }

    @Override
    double inverseSurvival(double q) {
        if (q <= 1 - modeProbability) {
            return clamp(max - Math.sqrt(q * upperScale), mode, max);
        }
        return quantile(1 - q);
    }

    @Override
    double density(double x) {
        if (x < min || x > max) {
            return 0;
        }
        return x < mode ? 2 * (x - min) / lowerScale : 2 * (max - x) / upperScale;
    }

    @Override
    public double cdf(double x) {
        if (x <= min) {
            return 0;
        }
        if (x >= max) {
            return 1;
        }
        return x < mode ? (x - min) * (x - min) / lowerScale : 1 - survival(x);
    }

    @Override
    double survival(double x) {
        if (x <= min) {
            return 1;
        }
        if (x >= max) {
            return 0;
        }
        return x < mode ? 1 - cdf(x) : (max - x) * (max - x) / upperScale;
    }

    @Override
    public double mean() {
        return (min + mode + max) / 3;
    }

    @Override
    double[] kinks() {
        return new double[] {min, mode, max};
    }

    @Override
    public String toString() {
        return "triangular(" + min + ", " + mode + ", " + max + ")";
    }
}
