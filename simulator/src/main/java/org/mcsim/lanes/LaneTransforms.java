package org.mcsim.lanes;

/**
 * The quantile functions of the lane-sampled families in plain arithmetic: the definition that
 * {@code VectorLaneFill} repeats lanewise, operation for operation. The distributions' own
 * {@code inverse} methods use the same functions where they are the law's quantile function, so a
 * value does not depend on which path computed it.
 */
public final class LaneTransforms {
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
        return Math.min(Math.max(min + u * width, min), max);
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
     * Triangular quantile without a branch: the weight {@code upper} is 1 above the mode's
     * probability and 0 at or below it (the difference scaled by 2<sup>2000</sup> and clamped, which
     * is exact), both closed forms are computed under one square root and blended, and the result is
     * clamped to the side of the mode it belongs to. For u at or below the mode's probability it is
     * min + √(u·(max − min)(mode − min)), above it max − √((1 − u)(max − min)(max − mode)).
     *
     * @param p probability in [0, 1]
     * @param t the law's constants
     * @return the value
     */
    public static double triangular(double p, LaneFill.Triangle t) {
        return triangular(p, t.modeProbability(), t.lowerScale(), t.upperScale(), t.min(), t.mode(), t.max());
    }

    /** {@link #triangular(double, LaneFill.Triangle)} with the law's constants as arguments. */
    static double triangular(double p, double modeProbability, double lowerScale, double upperScale,
            double min, double mode, double max) {
        final double upper = Math.max(0.0, Math.min(1.0, (p - modeProbability) * 0x1.0p1000 * 0x1.0p1000));
        final double lower = 1 - upper;
        final double root = Math.sqrt(upper * ((1 - p) * upperScale) + lower * (p * lowerScale));
        final double value = upper * (max - root) + lower * (min + root);
        return Math.min(Math.max(value, upper * mode + lower * min), upper * max + lower * mode);
    }
}
