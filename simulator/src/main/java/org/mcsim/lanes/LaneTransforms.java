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
     * The open uniform of a generator output: ((x &gt;&gt;&gt; 11) + 1/2) 2<sup>−53</sup>, computed
     * exactly (the integer is below 2<sup>53</sup>, so its conversion, the scaling by a power of two
     * and the addition of 2<sup>−54</sup> are exact).
     *
     * @param x a 64-bit output
     * @return u in (0, 1)
     */
    public static double open(long x) {
        return (double) (x >>> 11) * 0x1.0p-53 + 0x1.0p-54;
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

    /** 2π rounded to a double. */
    static final double TWO_PI = 0x1.921fb54442d18p2;
    /** 1.5 · 2<sup>52</sup>: adding it rounds a small number to an integer, which its low bits hold. */
    static final double SHIFT = 0x1.8p52;
    /** fdlibm's __kernel_sin coefficients (k_sin.c): sin x ≈ x + x³(S1 + x²(S2 + … + x⁸ S6)). */
    static final double S1 = -1.66666666666666324348e-01;
    static final double S2 = 8.33333333332248946124e-03;
    static final double S3 = -1.98412698298579493134e-04;
    static final double S4 = 2.75573137070700676789e-06;
    static final double S5 = -2.50507602534068634195e-08;
    static final double S6 = 1.58969099521155010221e-10;
    /** fdlibm's __kernel_cos coefficients (k_cos.c). */
    static final double C1 = 4.16666666666666019037e-02;
    static final double C2 = -1.38888888888741095749e-03;
    static final double C3 = 2.48015872894767294178e-05;
    static final double C4 = -2.75573143513906633035e-07;
    static final double C5 = 2.08757232129817482790e-09;
    static final double C6 = -1.13596475577881948265e-11;

    /**
     * The radius √(−2 log u₁) of a Box–Muller pair.
     *
     * @param u1 open uniform
     * @return the radius
     */
    public static double radius(double u1) {
        return Math.sqrt(-2.0 * LaneMath.log(u1));
    }

    /** sin x for |x| ≤ π/4, z = x². */
    static double sinKernel(double x, double z) {
        final double r = Math.fma(z, Math.fma(z, Math.fma(z, Math.fma(z, S6, S5), S4), S3), S2);
        return Math.fma(z * x, Math.fma(z, r, S1), x);
    }

    /** cos x for |x| ≤ π/4, z = x² (fdlibm's 1 − z/2 split, without its large-x branch). */
    static double cosKernel(double z) {
        final double r = z * Math.fma(z, Math.fma(z, Math.fma(z, Math.fma(z, Math.fma(z, C6, C5), C4), C3), C2), C1);
        final double hz = 0.5 * z;
        final double w = 1.0 - hz;
        return w + (((1.0 - w) - hz) + z * r);
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
        final double upper = Math.max(0.0, Math.min(1.0, (p - t.modeProbability()) * 0x1.0p1000 * 0x1.0p1000));
        final double lower = 1 - upper;
        final double root = Math.sqrt(upper * ((1 - p) * t.upperScale()) + lower * (p * t.lowerScale()));
        final double value = upper * (t.max() - root) + lower * (t.min() + root);
        return Math.min(Math.max(value, upper * t.mode() + lower * t.min()), upper * t.max() + lower * t.mode());
    }
}
