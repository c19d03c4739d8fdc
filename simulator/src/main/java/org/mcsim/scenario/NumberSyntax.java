package org.mcsim.scenario;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The numeric field syntax of scenario files and of command-line values: an optional sign,
 * then the expression number syntax ({@code 12}, {@code 1.5}, {@code .5}, {@code 1.5e6},
 * {@code 1_000_000}, underscores only between digits). Octal ({@code 0o17}, and leading-zero
 * integers such as {@code 012}, which YAML 1.1 reads as octal), hexadecimal, binary,
 * sexagesimal ({@code 1:30}), {@code .inf}, {@code .nan} and values beyond the double range are
 * refused with a reason.
 *
 * <p>Stateless and thread-safe.
 */
public final class NumberSyntax {

    private static final Pattern SEXAGESIMAL = Pattern.compile("[+-]?[0-9_][0-9_:.]*");
    private static final int QUOTE_LIMIT = 40;

    private NumberSyntax() {
    }

    /**
     * Reads a number.
     *
     * @param text the text as written
     * @return its value, finite
     * @throws NumberFormatException with the reason and the text, when the syntax is not accepted
     */
    public static double parse(String text) {
        double v = Double.parseDouble(check(text));
        if (Double.isInfinite(v)) {
            throw refuse("out of the range of a double", text);
        }
        return v;
    }

    /**
     * Reads an integer: any accepted number whose value is an exact integer ({@code 1e6},
     * {@code 1_000}) within the signed 64-bit range.
     *
     * @param text the text as written
     * @return its value
     * @throws NumberFormatException with the reason and the text, when it is not such a number
     */
    public static long parseInteger(String text) {
        String clean = check(text);
        BigDecimal d;
        try {
            d = new BigDecimal(clean);
        } catch (NumberFormatException e) {
            // an exponent beyond the int range: far beyond any long anyway
            throw refuse("out of the 64-bit integer range", text);
        }
        if (d.signum() != 0 && d.precision() - d.scale() > 19) {
            throw refuse("out of the 64-bit integer range", text);
        }
        d = d.stripTrailingZeros();
        if (d.scale() > 0) {
            throw refuse("not an integer", text);
        }
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            throw refuse("out of the 64-bit integer range", text);
        }
    }

    /** Validates the syntax and returns the text without underscores. */
    private static String check(String text) {
        String body = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
        String lower = body.toLowerCase(Locale.ROOT);
        if (lower.equals(".inf") || lower.equals(".nan") || lower.equals("inf")
            || lower.equals("nan") || lower.equals("infinity")) {
            throw refuse("infinity and NaN are not accepted", text);
        }
        if (lower.startsWith("0x")) {
            throw refuse("hexadecimal numbers are not accepted", text);
        }
        if (lower.startsWith("0o")) {
            throw refuse("octal numbers are not accepted", text);
        }
        if (lower.startsWith("0b")) {
            throw refuse("binary numbers are not accepted", text);
        }
        if (text.indexOf(':') >= 0 && SEXAGESIMAL.matcher(text).matches()) {
            throw refuse("sexagesimal numbers are not accepted", text);
        }
        if (!matches(text)) {
            boolean underscores = text.indexOf('_') >= 0 && matches(text.replace("_", ""));
            throw refuse(underscores ? "underscores are allowed only between digits" : "not a number", text);
        }
        String clean = text.replace("_", "");
        String intPart = clean.replaceFirst("^[+-]", "").split("[.eE]", 2)[0];
        if (intPart.length() > 1 && intPart.charAt(0) == '0') {
            throw refuse("leading zeros are not accepted (YAML 1.1 reads them as octal)", text);
        }
        return clean;
    }

    /**
     * Whether the text is a sign, then digits with an optional fraction or a fraction alone,
     * then an optional exponent; scanned by hand, as a regular expression with a repeated group
     * overflows the stack on a long scalar.
     */
    private static boolean matches(String s) {
        int n = s.length();
        int i = n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        int a = digits(s, i);
        boolean whole = a > i;
        i = a;
        if (i < n && s.charAt(i) == '.') {
            int b = digits(s, i + 1);
            if (b == i + 1) {
                return false;
            }
            i = b;
        } else if (!whole) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int c = digits(s, i);
            if (c == i) {
                return false;
            }
            i = c;
        }
        return i == n;
    }

    /** The end of a run of digits from {@code i}, underscores allowed between two digits. */
    private static int digits(String s, int i) {
        int start = i;
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean between = c == '_' && i > start && isDigit(s.charAt(i - 1))
                && i + 1 < s.length() && isDigit(s.charAt(i + 1));
            if (!isDigit(c) && !between) {
                break;
            }
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static NumberFormatException refuse(String reason, String text) {
        return new NumberFormatException(reason + ": " + quote(text));
    }

    /** The text in single quotes, shortened when long (a hostile file may hold a 1 MB scalar). */
    static String quote(String text) {
        if (text.length() > QUOTE_LIMIT) {
            return "'" + text.substring(0, QUOTE_LIMIT) + "...'";
        }
        return "'" + text + "'";
    }
}
