package org.mcsim.lanes;

/**
 * Exponential, natural logarithm and standard normal quantile built only from correctly rounded
 * IEEE 754 operations, so that they give the same bits on every CPU and JVM.
 *
 * <p>{@link Math#exp} and {@link Math#log} may be replaced by the JIT with CPU-specific
 * intrinsics whose last bits differ between machines, and the Vector API's lanewise
 * {@code EXP}/{@code LOG} give no bit-level promise either. The functions here use only
 * {@code +}, {@code -}, {@code *}, {@code /}, {@link Math#fma}, {@link Math#sqrt}, comparisons and
 * exact bit manipulation ({@link Double#doubleToRawLongBits}, {@link Double#longBitsToDouble}),
 * each of which Java defines to the bit. {@link VectorMath} applies exactly the same operations,
 * in the same order, to every lane of a vector, so lane i of its result equals the value returned
 * here for lane i of its argument. Any change here must be mirrored there (the tests compare the
 * two bit for bit).
 *
 * <p>No table is used (a vector form would need gathers). The common path of each function has
 * no data-dependent branch except one cheap range test that sends special and out-of-range
 * arguments to a separate method.
 *
 * <p>The class is stateless and thread-safe.
 */
public final class LaneMath {
    /** 1/ln 2, rounded. */
    static final double INV_LN2 = 0x1.71547652b82fep0;
    /** 1.5 * 2^52: adding it to |y| &lt; 2^51 rounds y to an integer held in the low bits. */
    static final double SHIFT = 0x1.8p52;
    /** Bits of {@link #SHIFT}. */
    static final long SHIFT_BITS = 0x4338000000000000L;
    /** High part of ln 2 (fdlibm's ln2_hi): its 32 significant bits make k * LN2_HI exact for |k| &lt; 2^21. */
    static final double LN2_HI = 0x1.62e42feep-1;
    /** ln 2 - LN2_HI, rounded (fdlibm's ln2_lo). */
    static final double LN2_LO = 0x1.a39ef35793c76p-33;

    /** exp(x) is computed (and rounds to 0 or infinity correctly) for x in [EXP_MIN, EXP_MAX]. */
    static final double EXP_MIN = -746.0;
    /** See {@link #EXP_MIN}; exp(709.79) already overflows. */
    static final double EXP_MAX = 710.0;

    // Taylor coefficients 1/n! of exp, n = 2..13, each the double nearest to it (the divisions are
    // exact integers divided once, hence correctly rounded).
    static final double E2 = 1.0 / 2;
    static final double E3 = 1.0 / 6;
    static final double E4 = 1.0 / 24;
    static final double E5 = 1.0 / 120;
    static final double E6 = 1.0 / 720;
    static final double E7 = 1.0 / 5040;
    static final double E8 = 1.0 / 40320;
    static final double E9 = 1.0 / 362880;
    static final double E10 = 1.0 / 3628800;
    static final double E11 = 1.0 / 39916800;
    static final double E12 = 1.0 / 479001600;
    static final double E13 = 1.0 / 6227020800L;

    /** 2^54, to bring subnormal arguments of log into the normal range. */
    static final double TWO54 = 0x1p54;
    /** Bits of a double just below sqrt(1/2): the reduced argument of log lies in [0.7071, 1.4142). */
    static final long LOG_OFF = 0x3fe6a09e667f3bcdL;
    // fdlibm e_log.c: Remez approximation of R(z) = (log(1+f) - 2s)/s, s = f/(2+f), z = s^2, on
    // |s| <= 0.1716, error below 2^-58.45.
    static final double LG1 = 0x1.5555555555593p-1;
    static final double LG2 = 0x1.999999997fa04p-2;
    static final double LG3 = 0x1.2492494229359p-2;
    static final double LG4 = 0x1.c71c51d8e78afp-3;
    static final double LG5 = 0x1.7466496cb03dep-3;
    static final double LG6 = 0x1.39a09d078c69fp-3;
    static final double LG7 = 0x1.2f112df3e5244p-3;

    // Wichura, AS 241 (PPND16), Applied Statistics 37(3), 477-484, 1988.
    static final double SPLIT1 = 0.425;
    static final double SPLIT2 = 5.0;
    static final double CONST1 = 0.180625;
    static final double CONST2 = 1.6;
    static final double A0 = 3.3871328727963666080e0;
    static final double A1 = 1.3314166789178437745e+2;
    static final double A2 = 1.9715909503065514427e+3;
    static final double A3 = 1.3731693765509461125e+4;
    static final double A4 = 4.5921953931549871457e+4;
    static final double A5 = 6.7265770927008700853e+4;
    static final double A6 = 3.3430575583588128105e+4;
    static final double A7 = 2.5090809287301226727e+3;
    static final double B1 = 4.2313330701600911252e+1;
    static final double B2 = 6.8718700749205790830e+2;
    static final double B3 = 5.3941960214247511077e+3;
    static final double B4 = 2.1213794301586595867e+4;
    static final double B5 = 3.9307895800092710610e+4;
    static final double B6 = 2.8729085735721942674e+4;
    static final double B7 = 5.2264952788528545610e+3;
    static final double C0 = 1.42343711074968357734e0;
    static final double C1 = 4.63033784615654529590e0;
    static final double C2 = 5.76949722146069140550e0;
    static final double C3 = 3.64784832476320460504e0;
    static final double C4 = 1.27045825245236838258e0;
    static final double C5 = 2.41780725177450611770e-1;
    static final double C6 = 2.27238449892691845833e-2;
    static final double C7 = 7.74545014278341407640e-4;
    static final double D1 = 2.05319162663775882187e0;
    static final double D2 = 1.67638483018380384940e0;
    static final double D3 = 6.89767334985100004550e-1;
    static final double D4 = 1.48103976427480074590e-1;
    static final double D5 = 1.51986665636164571966e-2;
    static final double D6 = 5.47593808499534494600e-4;
    static final double D7 = 1.05075007164441684324e-9;
    static final double F0 = 6.65790464350110377720e0;
    static final double F1 = 5.46378491116411436990e0;
    static final double F2 = 1.78482653991729133580e0;
    static final double F3 = 2.96560571828504891230e-1;
    static final double F4 = 2.65321895265761230930e-2;
    static final double F5 = 1.24266094738807843860e-3;
    static final double F6 = 2.71155556874348757815e-5;
    static final double F7 = 2.01033439929228813265e-7;
    static final double G1 = 5.99832206555887937690e-1;
    static final double G2 = 1.36929880922735805310e-1;
    static final double G3 = 1.48753612908506148525e-2;
    static final double G4 = 7.86869131145613259100e-4;
    static final double G5 = 1.84631831751005468180e-5;
    static final double G6 = 1.42151175831644588870e-7;
    static final double G7 = 2.04426310338993978564e-15;

    private LaneMath() {
    }

    /**
     * e raised to the power {@code x}.
     *
     * <p>Method: k = round(x / ln 2) by the magic-number trick (fma(x, 1/ln 2, 1.5 * 2^52) rounds
     * once to an integer, which the low bits of the sum hold exactly); r = x - k ln 2 with ln 2
     * split in a 32-bit head, whose product with k is exact so that hi = x - k ln2_hi is exact,
     * and a tail lo = k ln2_lo; r = hi - lo and its rounding error dr = (hi - r) - lo are carried
     * separately, |r| &le; 0.3466. exp(r + dr) = 1 + r + r^2 q(r) + dr (1 + r), where q is the
     * Taylor polynomial sum r^(n-2)/n!, n = 2..13 (truncation error below 5e-18 relative, 0.02
     * ulp), evaluated by Estrin's scheme with fma. The sum is formed as s + (e + t) where
     * s = 1 + r and e = (1 - s) + r is its exact rounding error, so only the final addition
     * rounds noticeably. The result is scaled by 2^k as two exact powers of two 2^(k>>1) and
     * 2^(k-(k>>1)), so that p * 2^k1 is exact and the second product rounds once, correctly into
     * the subnormal range and to infinity on overflow.
     *
     * <p>Special values: NaN gives NaN, +&infin; and x &gt; 710 give +&infin;, -&infin; and
     * x &lt; -746 give +0 (exp(-746) &lt; 2^-1075, so rounding to the nearest double is 0).
     * Results in the subnormal range are rounded from the normal-range value p, never flushed.
     *
     * <p>Accuracy: at most 0.63 ulp from the exact value, measured with 60-digit
     * {@code BigDecimal} arithmetic at 2 * 10^5 points of [-708, 709] and [-0.7, 0.7] (the test
     * keeps 10^4 of them and a bound of 0.7); at most 1 ulp from {@link StrictMath#exp} (fdlibm,
     * itself within 1 ulp) over 10^6 random points of [-745, 710], 10^5 near 0 and 2 * 10^5
     * consecutive doubles at the overflow, subnormal and underflow thresholds; see
     * {@code LaneMathTest}.
     *
     * @param x the exponent
     * @return e^x
     */
    public static double exp(double x) {
        if (x >= EXP_MIN && x <= EXP_MAX) {
            return expCore(x);
        }
        return x > 0 ? Double.POSITIVE_INFINITY : x < 0 ? 0.0 : Double.NaN;
    }

    /** exp(x) for x in [EXP_MIN, EXP_MAX]. */
    static double expCore(double x) {
        return expScale(x, expPolynomial(x));
    }

    /**
     * {@link #exp} of {@code x[0..n)} in place, the same bits value by value, in two loops over
     * the column: first the reduction and polynomial, arithmetic and {@link Math#fma} only, of
     * every argument clamped to [EXP_MIN, EXP_MAX] into {@code p}, a loop C2 compiles to SIMD
     * instructions where the CPU has them; then the scaling by 2<sup>k</sup>, which needs the bits
     * of a double and stays scalar, with out-of-range arguments sent to {@link #exp}. Half the
     * time of calling {@link #exp} value by value (2.0 against 4.0 ns a value on an AVX-512 CPU).
     *
     * @param x the exponents, replaced by their exponentials
     * @param n how many values
     * @param p working memory, at least n long
     */
    static void exps(double[] x, int n, double[] p) {
        for (int i = 0; i < n; i++) {
            p[i] = expPolynomial(Math.min(Math.max(x[i], EXP_MIN), EXP_MAX));
        }
        for (int i = 0; i < n; i++) {
            final double v = x[i];
            x[i] = v >= EXP_MIN && v <= EXP_MAX ? expScale(v, p[i]) : exp(v);
        }
    }

    /**
     * The first part of {@link #expCore}: exp(r + dr) = 2<sup>−k</sup>·e<sup>x</sup> for x in
     * [EXP_MIN, EXP_MAX], with k = round(x / ln 2); no bit manipulation.
     */
    private static double expPolynomial(double x) {
        double t = Math.fma(x, INV_LN2, SHIFT);
        double kd = t - SHIFT;
        double hi = Math.fma(kd, -LN2_HI, x);
        double lo = kd * LN2_LO;
        double r = hi - lo;
        double dr = (hi - r) - lo;
        double r2 = r * r;
        double r4 = r2 * r2;
        double p23 = Math.fma(E3, r, E2);
        double p45 = Math.fma(E5, r, E4);
        double p67 = Math.fma(E7, r, E6);
        double p89 = Math.fma(E9, r, E8);
        double p1011 = Math.fma(E11, r, E10);
        double p1213 = Math.fma(E13, r, E12);
        double q25 = Math.fma(p45, r2, p23);
        double q69 = Math.fma(p89, r2, p67);
        double q1013 = Math.fma(p1213, r2, p1011);
        double q = Math.fma(Math.fma(q1013, r4, q69), r4, q25);
        double tail = Math.fma(r2, q, Math.fma(dr, r, dr));
        double s = 1.0 + r;
        double e = (1.0 - s) + r;
        return s + (e + tail);
    }

    /** The second part of {@link #expCore}: p·2<sup>k</sup>, k found again from x as in {@link #expPolynomial}. */
    private static double expScale(double x, double p) {
        long k = Double.doubleToRawLongBits(Math.fma(x, INV_LN2, SHIFT)) - SHIFT_BITS;
        long k1 = k >> 1;
        long k2 = k - k1;
        double scale1 = Double.longBitsToDouble((k1 + 1023) << 52);
        double scale2 = Double.longBitsToDouble((k2 + 1023) << 52);
        return p * scale1 * scale2;
    }

    /**
     * Natural logarithm of {@code x}.
     *
     * <p>Method (fdlibm's e_log.c, without its table-free special cases for |f| &lt; 2^-20 and
     * with one formula instead of two): x = 2^k m with m in [0.7071, 1.4142), found from the
     * bits (subnormal x are first multiplied by 2^54); f = m - 1 (exact), s = f/(2 + f),
     * log(1 + f) = f - (hfsq - s(hfsq + R(s^2))) with hfsq = f^2/2 and R fdlibm's degree-7
     * Remez polynomial in s^2 (error below 2^-58.45); log x = k ln2_hi - ((hfsq - (s(hfsq + R) +
     * k ln2_lo)) - f), where k ln2_hi is exact. k is converted to a double by the magic-number
     * trick (exact), not by a long-to-double conversion, which AVX2 lacks.
     *
     * <p>Special values: x &lt; 0 or NaN give NaN, &plusmn;0 gives -&infin;, +&infin; gives
     * +&infin;, log(1) = +0. Subnormals are exact inputs like any other.
     *
     * <p>Accuracy: at most 0.77 ulp from the exact value (60-digit {@code BigDecimal}, 2 * 10^5
     * points: random bit patterns, near 1, [0.7, 1.42]; the test keeps 10^4 and a bound of 0.85);
     * at most 1 ulp from {@link StrictMath#log} over 1.2 * 10^6 positive doubles of all exponents
     * (subnormals included), near 1 and near the largest double; see {@code LaneMathTest}.
     *
     * @param x the argument
     * @return ln x
     */
    public static double log(double x) {
        if (x >= Double.MIN_NORMAL && x < Double.POSITIVE_INFINITY) {
            return logCore(x, 0.0);
        }
        return logSpecial(x);
    }

    private static double logSpecial(double x) {
        if (x > 0 && x < Double.MIN_NORMAL) {
            return logCore(x * TWO54, 54.0);
        }
        if (x == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return x == Double.POSITIVE_INFINITY ? x : Double.NaN;
    }

    /** log(x * 2^-shift) for a positive normal finite x. */
    static double logCore(double x, double shift) {
        long bits = Double.doubleToRawLongBits(x);
        long k = (bits - LOG_OFF) >> 52;
        double m = Double.longBitsToDouble(bits - (k << 52));
        double dk = (Double.longBitsToDouble(k + SHIFT_BITS) - SHIFT) - shift;
        double f = m - 1.0;
        double s = f / (2.0 + f);
        double z = s * s;
        double w = z * z;
        double t1 = w * (LG2 + w * (LG4 + w * LG6));
        double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
        double rr = t2 + t1;
        double hfsq = 0.5 * f * f;
        return dk * LN2_HI - ((hfsq - (s * (hfsq + rr) + dk * LN2_LO)) - f);
    }

    /**
     * The standard normal quantile &Phi;<sup>-1</sup>(p).
     *
     * <p>Method: Wichura's algorithm AS 241 (PPND16), Applied Statistics 37(3), 477-484 (1988):
     * a rational function of degree 7/7 in 0.180625 - q^2, q = p - 1/2, for |q| &le; 0.425, and
     * of r = sqrt(-log(min(p, 1 - p))) beyond, one for r &le; 5 and one for r &gt; 5 (p below
     * about 1.4e-11). The polynomials are evaluated by Horner's rule with fma, the logarithm is
     * {@link #log}. The result is odd in q: the tail value is computed for the smaller of p and
     * 1 - p and negated below 1/2.
     *
     * <p>Special values: p = 0 gives -&infin;, p = 1 gives +&infin;, p outside [0, 1] or NaN
     * gives NaN.
     *
     * <p>Accuracy: against Commons Statistics' inverse of the normal distribution over 1.1 * 10^6
     * points, relative error at most 8.2e-16 where |q| &le; 0.425 and 9.0e-16 in the tails, down
     * to 2^-1074 and up to 1 - 2^-53 (the test bounds are 1e-15 and 2e-15).
     *
     * <p>Monotonicity: increasing on every grid of the test (2^21 equally spaced points and
     * geometric grids into both tails). Between consecutive doubles it may step back by up to
     * 4 ulps (in runs of 6 * 10^5 consecutive doubles around 17 points, 0.4% of the steps went
     * back, none above p = 1/2): AS 241 is not correctly rounded, and where z moves by about an
     * ulp or less per step of p the rounding noise decides. The region switches add
     * nothing larger: at |q| = 0.425 and r = 5 the two formulas agree to 1-2 ulps. A Latin
     * hypercube is affected only for two points a few ulps apart, whose order may swap.
     *
     * @param p the probability
     * @return z with &Phi;(z) = p
     */
    public static double normalQuantile(double p) {
        double q = p - 0.5;
        if (Math.abs(q) <= SPLIT1) {
            return central(q);
        }
        if (!(p > 0 && p < 1)) {
            return p == 0 ? Double.NEGATIVE_INFINITY : p == 1 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        double r = Math.sqrt(-log(q < 0 ? p : 1.0 - p));
        double v = r <= SPLIT2 ? intermediate(r - CONST2) : far(r - SPLIT2);
        return q < 0 ? -v : v;
    }

    /** AS 241 for |q| &lt;= 0.425. */
    static double central(double q) {
        double r = CONST1 - q * q;
        double num = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(
                A7, r, A6), r, A5), r, A4), r, A3), r, A2), r, A1), r, A0);
        double den = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(
                B7, r, B6), r, B5), r, B4), r, B3), r, B2), r, B1), r, 1.0);
        return q * num / den;
    }

    /** AS 241 for sqrt(-log(min(p, 1 - p))) &lt;= 5, of r - 1.6. */
    static double intermediate(double r) {
        double num = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(
                C7, r, C6), r, C5), r, C4), r, C3), r, C2), r, C1), r, C0);
        double den = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(
                D7, r, D6), r, D5), r, D4), r, D3), r, D2), r, D1), r, 1.0);
        return num / den;
    }

    /** AS 241 for sqrt(-log(min(p, 1 - p))) &gt; 5, of r - 5. */
    static double far(double r) {
        double num = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(
                F7, r, F6), r, F5), r, F4), r, F3), r, F2), r, F1), r, F0);
        double den = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(
                G7, r, G6), r, G5), r, G4), r, G3), r, G2), r, G1), r, 1.0);
        return num / den;
    }
}
