package org.mcsim.output;

import java.math.BigInteger;

/**
 * The decimal that JDK 19's {@code Double.toString} selects for a double, computed with the
 * Schubfach algorithm in 64-bit integer arithmetic: R. Giulietti, "The Schubfach way to render
 * doubles" (2020, revised 2022), sections 8 and 9. Among the decimals that round to the double it
 * finds the shortest (a length of 2 is used when 1 would do, as the JDK specification asks) and
 * of those the closest, ties to an even last digit.
 *
 * <p>Why mcsim keeps its own port beside jackson-core's ({@code DoubleToDecimal}, which
 * {@link Numbers} uses for single numbers): samples.csv prints millions of numbers, and
 * {@link DecimalText} writes each as bytes into its buffer with no allocation per number, from the
 * digits and exponent that {@link #decimal} leaves in a reused {@link Decimal}. jackson-core's
 * port returns a new {@code String} per number (or writes chars, for its own generator), so it
 * would allocate and then be encoded again. The tests check that both ports give the same text.
 *
 * <p>The 126-bit approximations g of 10<sup>−k</sup> (the paper's section 9.8.3) are computed
 * once at class initialisation with {@link BigInteger} rather than stored as a literal table.
 * Stateless after initialisation; thread-safe.
 */
final class ShortestDecimal {
    private static final int Q_MIN = -1074;
    private static final long C_MIN = 1L << 52;
    private static final long T_MASK = C_MIN - 1;
    private static final int BQ_MASK = 0x7ff;
    private static final int P = 53;
    /** Subnormal significands below this need one more digit than they seem to (section 8.4). */
    private static final long C_TINY = 3;
    private static final int K_MIN = -324;
    private static final int K_MAX = 292;
    private static final long MASK_63 = Long.MAX_VALUE;
    private static final long[] G = powersOfTen();

    private ShortestDecimal() {
    }

    /** A decimal ±digits·10^exponent, filled by {@link #decimal}; digits 0 for a zero. */
    static final class Decimal {
        boolean negative;
        long digits;
        int exponent;
    }

    /**
     * The shortest decimal of a finite double (the one {@link #toString} lays out), without
     * allocating.
     *
     * @param v a finite double
     * @param out receives the sign, digits (0 for ±0) and exponent
     */
    static void decimal(double v, Decimal out) {
        final long bits = Double.doubleToRawLongBits(v);
        final long t = bits & T_MASK;
        final int bq = (int) (bits >>> (P - 1)) & BQ_MASK;
        out.negative = bits < 0;
        if (bq != 0) {
            final int mq = -Q_MIN + 1 - bq;
            final long c = C_MIN | t;
            if (0 < mq && mq < P) {
                final long f = c >> mq;
                if (f << mq == c) {
                    // An integer below 2^53: its digits are exact and shortest.
                    out.digits = f;
                    out.exponent = 0;
                    return;
                }
            }
            toDecimal(-mq, c, 0, out);
        } else if (t != 0) {
            if (t < C_TINY) {
                toDecimal(Q_MIN, 10 * t, -1, out);
            } else {
                toDecimal(Q_MIN, t, 0, out);
            }
        } else {
            out.digits = 0;
            out.exponent = 0;
        }
    }

    /** Section 9 of the paper: the decimal for c·2^q, its exponent corrected by dk. */
    private static void toDecimal(int q, long c, int dk, Decimal result) {
        final int out = (int) c & 0x1;
        final long cb = c << 2;
        final long cbr = cb + 2;
        final long cbl;
        final int k;
        if (c != C_MIN || q == Q_MIN) {
            cbl = cb - 2;
            k = flog10pow2(q);
        } else {
            // At a power of two the gap below is half the gap above.
            cbl = cb - 1;
            k = flog10threeQuartersPow2(q);
        }
        final int h = q + flog2pow10(-k) + 2;
        final long g1 = G[2 * (k - K_MIN)];
        final long g0 = G[2 * (k - K_MIN) + 1];
        final long vb = rop(g1, g0, cb << h);
        final long vbl = rop(g1, g0, cbl << h);
        final long vbr = rop(g1, g0, cbr << h);
        final long s = vb >> 2;
        if (s >= 100) {
            // Try one digit less first: 10·⌊s/10⌋ and the next multiple of 10.
            final long sp10 = 10 * (s / 10);
            final long tp10 = sp10 + 10;
            final boolean upin = vbl + out <= sp10 << 2;
            final boolean wpin = (tp10 << 2) + out <= vbr;
            if (upin != wpin) {
                result.digits = upin ? sp10 : tp10;
                result.exponent = k;
                return;
            }
        }
        final long tt = s + 1;
        final boolean uin = vbl + out <= s << 2;
        final boolean win = (tt << 2) + out <= vbr;
        result.exponent = k + dk;
        if (uin != win) {
            result.digits = uin ? s : tt;
            return;
        }
        final long cmp = vb - ((s + tt) << 1);
        result.digits = cmp < 0 || cmp == 0 && (s & 0x1) == 0 ? s : tt;
    }

    /** Round to odd of (g·cp) / 2^127 (section 9.9). */
    private static long rop(long g1, long g0, long cp) {
        final long x1 = Math.multiplyHigh(g0, cp);
        final long y0 = g1 * cp;
        final long y1 = Math.multiplyHigh(g1, cp);
        final long z = (y0 >>> 1) + x1;
        final long vbp = y1 + (z >>> 63);
        return vbp | (z & MASK_63) + MASK_63 >>> 63;
    }

    /** ⌊q·log10(2)⌋ for |q| ≤ 5456721. */
    private static int flog10pow2(int q) {
        return (int) (q * 661_971_961_083L >> 41);
    }

    /** ⌊log10(3/4 · 2^q)⌋ for |q| ≤ 5456721. */
    private static int flog10threeQuartersPow2(int q) {
        return (int) (q * 661_971_961_083L - 274_743_187_321L >> 41);
    }

    /** ⌊e·log2(10)⌋ for |e| ≤ 1838394. */
    private static int flog2pow10(int e) {
        return (int) (e * 913_124_641_741L >> 38);
    }

    /**
     * For k in [K_MIN, K_MAX], with 10^−k = β·2^r and 2^125 ≤ β &lt; 2^126: g = ⌊β⌋ + 1, stored
     * as its high bits g1 = ⌊g / 2^63⌋ and low bits g0 = g mod 2^63, interleaved.
     */
    private static long[] powersOfTen() {
        final long[] g = new long[2 * (K_MAX - K_MIN + 1)];
        final BigInteger low63 = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
        for (int k = K_MIN; k <= K_MAX; k++) {
            BigInteger beta;
            if (k <= 0) {
                final BigInteger pow = BigInteger.TEN.pow(-k);
                final int r = pow.bitLength() - 126;
                beta = r >= 0 ? pow.shiftRight(r) : pow.shiftLeft(-r);
            } else {
                final BigInteger pow = BigInteger.TEN.pow(k);
                beta = BigInteger.ONE.shiftLeft(125 + pow.bitLength()).divide(pow);
            }
            final BigInteger gk = beta.add(BigInteger.ONE);
            g[2 * (k - K_MIN)] = gk.shiftRight(63).longValueExact();
            g[2 * (k - K_MIN) + 1] = gk.and(low63).longValueExact();
        }
        return g;
    }
}
