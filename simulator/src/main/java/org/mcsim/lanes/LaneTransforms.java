package org.mcsim.lanes;

/**
 * The quantile functions of the lane-sampled families in plain arithmetic: the definition that
 * {@code VectorLaneFill} repeats lanewise, operation for operation. The distributions' own
 * {@code inverse} methods use the same functions where they are the law's quantile function, so a
 * value does not depend on which path computed it.
 */
public final class LaneTransforms {
    /** Bits of 1.0. */
    private static final long ONE_BITS = 0x3FF0000000000000L;

    private LaneTransforms() {
    }

    /**
     * The open uniform of a generator output: ((x &gt;&gt;&gt; 12) + 1/2) 2<sup>−52</sup>, the
     * midpoint of one of 2<sup>52</sup> equal cells of (0, 1), computed exactly (the integer is below
     * 2<sup>52</sup>; its conversion, the scaling by a power of two and the addition of 2<sup>−53</sup>
     * are exact, as the result needs at most 53 significant bits). So u lies in
     * [2<sup>−53</sup>, 1 − 2<sup>−53</sup>], never 0 or 1, 1 − u is a value of the same set, and the
     * 52 bits can be read back exactly as ⌊u·2<sup>52</sup>⌋ ({@link Ziggurat}).
     *
     * @param x a 64-bit output
     * @return u in (0, 1)
     */
    public static double open(long x) {
        return (double) (x >>> 12) * 0x1.0p-52 + 0x1.0p-53;
    }

    /**
     * Uniform quantile min(max(min + u·width, min), max).
     *
     * @param u probability
     * @param min lower end
     * @param width max − min
     * @param max upper end
     * @return the value
     */
    public static double uniform(double u, double min, double width, double max) {
        // The clamp only where it can change the value: JDK 17 compiles scalar Math.min/max to slow
        // code, and inside the samplers C2 leaves this loop scalar (2.9 -> 1.75 ns a value).
        final double v = min + u * width;
        return v > min && v < max ? v : Math.min(Math.max(v, min), max);
    }

    /**
     * Exponential draw −mean·log(u): the quantile function at 1 − u, which has the same
     * distribution as u.
     *
     * @param u open uniform
     * @param mean the mean
     * @return the value
     */
    public static double exponential(double u, double mean) {
        return -mean * LaneMath.log(u);
    }

    /**
     * Triangular quantile without a branch on the side of the mode: the weight {@code upper} is 1
     * above the mode's probability and 0 at or below it, both closed forms are computed under one
     * square root and blended, and the result is clamped to the side of the mode it belongs to.
     * For u at or below the mode's probability it is
     * min + √(u·(max − min)(mode − min)), above it max − √((1 − u)(max − min)(max − mode)).
     *
     * @param p probability in [0, 1]
     * @param t the law's constants
     * @return the value
     */
    public static double triangular(double p, LaneFill.Triangle t) {
        return triangular(p, t.modeProbability(), t.lowerScale(), t.upperScale(), t.min(), t.mode(), t.max());
    }

    /**
     * {@link #triangular(double, LaneFill.Triangle)} with the law's constants as arguments.
     *
     * <p>Written for the scalar code C2 makes of it inside the samplers (where it does not
     * vectorize the loop): no {@code Math.min}/{@code max} on the common path, which JDK 17
     * compiles to slow scalar sequences. The weight is 1.0 or +0.0 from the sign bit of
     * (p − F(mode)) + 0 (the + 0 turns −0 into +0), which is what clamping the difference scaled
     * by 2<sup>2000</sup> gave (a non-zero difference of two doubles in [0, 1] is at least
     * 2<sup>−1074</sup>, scaled at least 2<sup>926</sup>); the final clamp is taken only when the
     * value is not strictly inside its side's range (inside, it would return the value itself). So
     * the bits are those of the clamped form, which {@code LaneTransformsTest} keeps as its
     * reference; on the reference model's triangular inputs, 7.5 → 4.2 ns a value.
     */
    static double triangular(double p, double modeProbability, double lowerScale, double upperScale,
            double min, double mode, double max) {
        final long difference = Double.doubleToRawLongBits((p - modeProbability) + 0.0);
        final double upper = Double.longBitsToDouble(-difference >> 63 & ONE_BITS);
        final double lower = 1 - upper;
        final double root = Math.sqrt(upper * ((1 - p) * upperScale) + lower * (p * lowerScale));
        final double value = upper * (max - root) + lower * (min + root);
        final double floor = upper * mode + lower * min;
        final double ceiling = upper * max + lower * mode;
        return value > floor && value < ceiling ? value : Math.min(Math.max(value, floor), ceiling);
    }
}
