package org.mcsim.dist;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Triangular on [min, max] with the given mode (which may equal either end), sampled and
 * inverted in closed form: min + sqrt(u (max − min)(mode − min)) below F(mode) and
 * max − sqrt((1 − u)(max − min)(max − mode)) above. Each branch is clamped to its side of the
 * mode so the quantile stays monotone across the join. Immutable and thread-safe.
 */
final class TriangularLaw extends Law {
    private final double min;
    private final double mode;
    private final double max;
    /** F(mode). */
    private final double modeProbability;
    private final double lowerScale;
    private final double upperScale;

    TriangularLaw(double min, double mode, double max) {
        this.min = min;
        this.mode = mode;
        this.max = max;
        this.modeProbability = (mode - min) / (max - min);
        this.lowerScale = (max - min) * (mode - min);
        this.upperScale = (max - min) * (max - mode);
    }

    /**
     * The quantile of open uniforms, in two loops: the generator's serial loop, then a loop
     * without branches. A branch on the side of the mode would be mispredicted about half the
     * time, and computing both sides costs a second square root; instead the side's operands
     * are chosen by a mask (all ones when u &lt; F(mode), from the sign of u − F(mode), exact
     * for u and F(mode) in [0, 1]) and one square root is taken. The values are bit-identical
     * to {@link #quantile}.
     */
    @Override
    public void sample(UniformRandomProvider rng, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = Samplers.openUniform(rng);
        }
        final long minBits = Double.doubleToRawLongBits(min);
        final long modeBits = Double.doubleToRawLongBits(mode);
        final long maxBits = Double.doubleToRawLongBits(max);
        for (int i = 0; i < n; i++) {
            final double p = out[i];
            final long below = Double.doubleToRawLongBits(p - modeProbability) >> 63;
            final double root = Math.sqrt(select(below, p * lowerScale, (1 - p) * upperScale));
            final double value = select(below, min + root, max - root);
            final double lo = Double.longBitsToDouble(minBits & below | modeBits & ~below);
            final double hi = Double.longBitsToDouble(modeBits & below | maxBits & ~below);
            out[i] = clamp(value, lo, hi);
        }
    }

    /** {@code a} where the mask is all ones, {@code b} where it is zero. */
    private static double select(long mask, double a, double b) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(a) & mask | Double.doubleToRawLongBits(b) & ~mask);
    }

    @Override
    public double quantile(double p) {
        if (p < modeProbability) {
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
