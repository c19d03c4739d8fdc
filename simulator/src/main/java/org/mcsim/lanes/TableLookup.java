package org.mcsim.lanes;

/**
 * Evaluates a tabulated quantile function (the piecewise-cubic tables of {@code
 * org.mcsim.dist.InverseTable}) over a column of uniforms: the inversion half of the hot loop for
 * the families without a closed-form quantile. Two implementations give the same bits:
 * {@link PlainTableLookup} in plain Java and {@code VectorTableLookup} with the Vector API
 * ({@link LaneFills#tables()} picks one).
 *
 * <p><b>Layout.</b> One array {@code c} holds both sides: the lower side (u &lt; 1/2, tabulated
 * in v = u) at {@code [0, SIDE)}, the upper side (u &gt;= 1/2, tabulated in v = 1 − u, values
 * y = −x) at {@code [SIDE, 2 SIDE)}. On each side interval k (of {@value #INTERVALS}: 64 equal
 * steps in every binade of v from 2^−32 to 1/2, so k comes from v's exponent and six top
 * mantissa bits) has the coefficients c0..c3 of its cubic at {@code 4k..4k+3}, and c0 of interval
 * k + 1, its upper knot, follows at {@code 4k+4}. The value at v is
 * {@code c0 + t·(c1 + t·(c2 + t·c3))} (no fused multiply-add), t the mantissa bits below the
 * index as a fraction in [0, 1), clamped by comparisons into [c0, c4], and negated on the upper
 * side ({@link #interpolate}, the definition). An interval whose cubic may not be used has
 * c1 = NaN and in c2 either −1 or the offset in the array {@code fine} of its {@value #SUB}
 * sub-intervals, laid out the same way (16 cubics and the last knot); sub-interval s holds
 * t·16 in [s, s + 1), and its cubic is evaluated at t·16 − s.
 *
 * <p>Where that gives NaN (v below 2^−32, c2 = −1, or a sub-interval with c1 = NaN) the value is
 * the table's own {@link Scalar#value}, which finishes the work (exact inversion).
 * Implementations are stateless and thread-safe.
 */
public interface TableLookup {
    /** Binades tabulated per side: from 2^−BINADES up to 1/2. */
    int BINADES = 32;
    /** log2 of the intervals per binade. */
    int LOG_PER_BINADE = 6;
    /** Intervals per side. */
    int INTERVALS = (BINADES - 1) << LOG_PER_BINADE;
    /** Doubles per side: four per interval, then the last knot and its padding. */
    int SIDE = 4 * INTERVALS + 8;
    /** Sub-intervals of a split interval. */
    int SUB = 16;
    /** {@code bits(v) >>> 46} (exponent and six mantissa bits) of the first interval, v = 2^−32. */
    long FIRST_KEY = (long) (1023 - BINADES) << LOG_PER_BINADE;

    /**
     * Maps {@code u[0..n)} to {@code out[0..n)}: {@link #interpolate} where it is a number,
     * {@code scalar.value(u)} elsewhere. {@code u} and {@code out} may be the same array.
     * Allocates nothing once compiled.
     *
     * @param c the coefficients, laid out as above
     * @param fine the sub-intervals of the split intervals
     * @param scalar the table's complete scalar evaluation
     * @param u uniforms in [0, 1]
     * @param out destination
     * @param n number of values
     */
    void map(double[] c, double[] fine, Scalar scalar, double[] u, double[] out, int n);

    /** The complete value of a table at u, including what {@link #interpolate} leaves (NaN). */
    interface Scalar {
        /**
         * The tabulated quantile at u.
         *
         * @param u a uniform in [0, 1]
         * @return its value
         */
        double value(double u);
    }

    /**
     * The interpolated value at u, or NaN where the table has no cubic for it: the definition
     * that both implementations follow operation by operation.
     *
     * @param c the coefficients
     * @param fine the sub-intervals
     * @param u a uniform in (0, 1)
     * @return Q̂(u), or NaN
     */
    static double interpolate(double[] c, double[] fine, double u) {
        if (u < 0.5) {
            return interpolate(c, fine, 0, u);
        }
        return -interpolate(c, fine, SIDE, 1 - u);
    }

    /**
     * One side's interpolant at v in [2^−32, 1/2], or NaN below 2^−32 or in an interval with
     * c1 = NaN.
     *
     * @param c the coefficients
     * @param fine the sub-intervals
     * @param side 0 or {@link #SIDE}
     * @param v the probability on that side
     * @return the value in that side's sign
     */
    static double interpolate(double[] c, double[] fine, int side, double v) {
        long bits = Double.doubleToRawLongBits(v);
        long key = (bits >>> (52 - LOG_PER_BINADE)) - FIRST_KEY;
        if (key < 0) {
            return Double.NaN;
        }
        int j = side + ((int) key << 2);
        double t = fraction(bits);
        if (Double.isNaN(c[j + 1])) {
            int offset = (int) c[j + 2];
            if (offset < 0) {
                return Double.NaN;
            }
            double ts = t * SUB;
            int s = (int) ts;
            return cubic(fine, offset + 4 * s, ts - s);
        }
        return cubic(c, j, t);
    }

    /**
     * The cubic at a[j..j+3] at t, clamped by comparisons into [a[j], a[j+4]]; NaN when a[j+1] is.
     *
     * @param a coefficients
     * @param j the cubic's offset
     * @param t the position in [0, 1)
     * @return its value
     */
    static double cubic(double[] a, int j, double t) {
        double p = a[j] + t * (a[j + 1] + t * (a[j + 2] + t * a[j + 3]));
        double lo = a[j];
        double hi = a[j + 4];
        double y = p < lo ? lo : p;
        return y > hi ? hi : y;
    }

    /**
     * The mantissa bits of v below its interval index as a fraction in [0, 1) (exact, monotone).
     *
     * @param bits the bits of v
     * @return t
     */
    static double fraction(long bits) {
        return Double.longBitsToDouble(0x3FF0000000000000L | (bits << LOG_PER_BINADE) & 0x000FFFFFFFFFFFFFL)
            - 1.0;
    }
}
