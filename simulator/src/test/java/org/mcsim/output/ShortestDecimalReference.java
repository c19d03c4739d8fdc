package org.mcsim.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A slow, independent oracle for the JDK 19 {@code Double.toString} decimal, straight from its
 * specification with exact {@link BigDecimal} arithmetic: the shortest length m is the least p
 * for which the p-digit decimal just below or just above the double reads back to it (if any
 * p-digit decimal reads back, the nearest one on its side of the double does too); then, of the
 * decimals of length max(m, 2) that read back, the closest, ties to the even digit.
 */
final class ShortestDecimalReference {
    private static final int MAX_DIGITS = 17;

    private ShortestDecimalReference() {
    }

    /** {sign, unscaled digits without trailing zeros, exponent of the last digit}. */
    static BigDecimal decimal(double d) {
        final double x = Math.abs(d);
        final BigDecimal exact = new BigDecimal(x);
        int p = 1;
        while (p < MAX_DIGITS && !hasDecimalOfLength(exact, x, p)) {
            p++;
        }
        return closest(exact, x, Math.max(2, p)).stripTrailingZeros();
    }

    static String toString(double d) {
        if (d == 0) {
            return Double.doubleToRawLongBits(d) < 0 ? "-0.0" : "0.0";
        }
        BigDecimal v = decimal(d);
        return Numbers.layout(d < 0, v.unscaledValue().longValueExact(), -v.scale());
    }

    private static boolean hasDecimalOfLength(BigDecimal exact, double x, int p) {
        return readsBack(exact.round(new MathContext(p, RoundingMode.FLOOR)), x)
            || readsBack(exact.round(new MathContext(p, RoundingMode.CEILING)), x);
    }

    private static BigDecimal closest(BigDecimal exact, double x, int p) {
        final BigDecimal below = exact.round(new MathContext(p, RoundingMode.FLOOR));
        final BigDecimal above = exact.round(new MathContext(p, RoundingMode.CEILING));
        final boolean belowOk = readsBack(below, x);
        final boolean aboveOk = readsBack(above, x);
        if (belowOk && aboveOk) {
            final int cmp = exact.subtract(below).compareTo(above.subtract(exact));
            if (cmp != 0) {
                return cmp < 0 ? below : above;
            }
            return below.unscaledValue().testBit(0) ? above : below;
        }
        return belowOk ? below : above;
    }

    private static boolean readsBack(BigDecimal candidate, double x) {
        return Double.parseDouble(candidate.toString()) == x;
    }
}
