package org.mcsim.output;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;

/**
 * Locale-independent text of the real numbers in mcsim's files: the shortest decimal that reads
 * back to the same double, laid out exactly as {@code Double.toString} does from JDK 19 on
 * ({@code 5576000.0}, {@code 1.0E7}, {@code 1.5E-4}, {@code 4.9E-324}).
 *
 * <p>JDK 19 specified {@code Double.toString} precisely (R. Giulietti, "The Schubfach way to
 * render doubles", 2020; JDK-4511638): among the decimals that round to the double, take those
 * of the shortest length m (or, when m = 1, those of length 1 or 2), and of these the one closest
 * to the double, ties going to the even last digit. Plain notation with at least one fraction
 * digit is used for 10<sup>−3</sup> ≤ |d| &lt; 10<sup>7</sup>, computerized scientific notation
 * {@code d.ddd…E±n} otherwise. On a JDK whose feature version is 19 or more this class calls
 * {@code Double.toString}; on JDK 17 and 18, whose {@code Double.toString} is sometimes not
 * the shortest ({@code 2.0E23} printed as {@code 1.9999999999999998E23}, {@code 1.0E23} as
 * {@code 9.999999999999999E22}), it takes the same decimal from jackson-core's port of the same
 * algorithm, Schubfach ({@code DoubleToDecimal}; jackson-core comes with jackson-jr). The
 * allocation-free writer of samples.csv uses mcsim's own port instead ({@link DecimalText},
 * {@code ShortestDecimal}).
 *
 * <p>Negative zero is printed {@code -0.0}, as {@code Double.toString} does. Thread-safe.
 */
public final class Numbers {
    private static final boolean JDK_SHORTEST = Runtime.version().feature() >= 19;

    private Numbers() {
    }

    /**
     * The shortest decimal text that reads back to {@code d}, in {@code Double.toString}'s JDK 19
     * layout.
     *
     * @param d a finite double
     * @return its text
     * @throws IllegalArgumentException if {@code d} is NaN or infinite (no field may be)
     */
    public static String format(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("not a finite number: " + d);
        }
        return JDK_SHORTEST ? Double.toString(d) : shortest(d);
    }

    /**
     * As {@link #format(double)}, but the empty string for NaN (an undefined field).
     *
     * @param d a finite double or NaN
     * @return its text, or "" for NaN
     * @throws IllegalArgumentException if {@code d} is infinite
     */
    public static String formatOrEmpty(double d) {
        return Double.isNaN(d) ? "" : format(d);
    }

    /** The JDK 19 text of a finite double, computed without relying on the running JDK. */
    static String shortest(double d) {
        return DoubleToDecimal.toString(d);
    }

    /**
     * Double.toString's layout of {@code ±f·10^e}, f &gt; 0: plain with at least one fraction
     * digit when 10^−3 ≤ value &lt; 10^7, else {@code d.ddd…E±n}.
     */
    static String layout(boolean negative, long f, int e) {
        long digits = f;
        int exp = e;
        while (digits % 10 == 0) {
            digits /= 10;
            exp++;
        }
        final String s = Long.toString(digits);
        final int len = s.length();
        // The value is 0.s × 10^point.
        final int point = len + exp;
        final StringBuilder sb = new StringBuilder(26);
        if (negative) {
            sb.append('-');
        }
        if (point > -3 && point <= 7) {
            if (point <= 0) {
                sb.append("0.");
                for (int i = point; i < 0; i++) {
                    sb.append('0');
                }
                sb.append(s);
            } else if (len <= point) {
                sb.append(s);
                for (int i = len; i < point; i++) {
                    sb.append('0');
                }
                sb.append(".0");
            } else {
                sb.append(s, 0, point).append('.').append(s, point, len);
            }
            return sb.toString();
        }
        sb.append(s.charAt(0)).append('.');
        if (len > 1) {
            sb.append(s, 1, len);
        } else {
            sb.append('0');
        }
        return sb.append('E').append(point - 1).toString();
    }
}
