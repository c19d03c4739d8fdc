package org.mcsim.expr;

/**
 * The one definition of every operator and function that is more than a single Java operator
 * or {@code Math} call. The interpreter ({@link Exprs#evaluate}) and the compiled column loops
 * ({@link BinaryKernel}, {@link UnaryKernel}, {@link Instruction}) both call these methods, so
 * they agree bit for bit.
 *
 * <p>Comparisons and logic give 1 or 0, and NaN when an operand is NaN, so that a NaN never
 * hides behind a comparison. Stateless and thread-safe.
 */
final class Arithmetic {

    private Arithmetic() {
    }

    /**
     * {@code a^b}: {@link StrictMath#pow} (fdlibm's result on every CPU, where {@code Math.pow}
     * may differ in the last bit between CPU families), except that a square is computed as
     * {@code a * a}, the correctly rounded square; writing it here keeps the compiler's
     * {@code x*x} for {@code x^2} exact.
     */
    static double pow(double a, double b) {
        return b == 2.0 ? a * a : StrictMath.pow(a, b);
    }

    static double lt(double a, double b) {
        final double d = difference(a, b);
        return d == d ? signBit(d) : a < b ? 1.0 : a >= b ? 0.0 : Double.NaN;
    }

    static double le(double a, double b) {
        final double d = difference(b, a);
        return d == d ? 1.0 - signBit(d) : a <= b ? 1.0 : a > b ? 0.0 : Double.NaN;
    }

    static double gt(double a, double b) {
        final double d = difference(b, a);
        return d == d ? signBit(d) : a > b ? 1.0 : a <= b ? 0.0 : Double.NaN;
    }

    static double ge(double a, double b) {
        final double d = difference(a, b);
        return d == d ? 1.0 - signBit(d) : a >= b ? 1.0 : a < b ? 0.0 : Double.NaN;
    }

    /**
     * (a − b) + 0: negative exactly when a &lt; b, for any a, b whose difference is not NaN
     * (IEEE subtraction never flips a sign, a ≠ b gives a non-zero difference thanks to
     * subnormals, and adding +0 turns −0 − +0 = −0 into +0). Comparisons read its sign bit
     * without a branch: a branch on a comparison of random values is mispredicted often, and
     * claims compare random values. A NaN difference (a NaN operand, or ∞ − ∞) takes the
     * comparison path, rarely.
     */
    private static double difference(double a, double b) {
        return (a - b) + 0.0;
    }

    /** 1 when the sign bit of x is set, else 0. */
    private static double signBit(double x) {
        return Double.doubleToRawLongBits(x) >>> 63;
    }

    static double eq(double a, double b) {
        return a == b ? 1.0 : a < b || a > b ? 0.0 : Double.NaN;
    }

    static double ne(double a, double b) {
        return a == b ? 0.0 : a < b || a > b ? 1.0 : Double.NaN;
    }

    static double and(double a, double b) {
        return a != a || b != b ? Double.NaN : a != 0.0 && b != 0.0 ? 1.0 : 0.0;
    }

    static double or(double a, double b) {
        return a != a || b != b ? Double.NaN : a != 0.0 || b != 0.0 ? 1.0 : 0.0;
    }

    /** {@code !x}: 1 where x is zero, NaN where it is NaN, else 0. */
    static double not(double x) {
        return x == 0.0 ? 1.0 : x != x ? Double.NaN : 0.0;
    }

    /**
     * Rounds half away from zero: {@code round(2.5) = 3}, {@code round(-2.5) = -3}, keeping the
     * sign of zero. {@code floor(|x| + 0.5)} would be wrong for 0.49999999999999994, whose sum
     * with 0.5 rounds up to 1; the fractional part {@code |x| - floor(|x|)} is exact (Sterbenz
     * lemma), so comparing it with 0.5 is exact too.
     */
    static double round(double x) {
        double a = Math.abs(x);
        double whole = Math.floor(a);
        double rounded = a - whole >= 0.5 ? whole + 1.0 : whole;
        return Math.copySign(rounded, x);
    }

    /** {@code clamp(x, lo, hi)}: NaN where lo > hi, else {@code min(max(x, lo), hi)}. */
    static double clamp(double x, double lo, double hi) {
        return lo > hi ? Double.NaN : Math.min(Math.max(x, lo), hi);
    }

    /** {@code if(c, a, b)}: a where c is non-zero, b where c is zero, NaN where c is NaN. */
    static double select(double c, double a, double b) {
        return c == 0.0 ? b : c != c ? Double.NaN : a;
    }
}
