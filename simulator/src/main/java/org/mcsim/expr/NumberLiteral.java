package org.mcsim.expr;

import java.util.OptionalDouble;

/**
 * The number syntax of expressions: {@code 12}, {@code 1.5}, {@code .5}, {@code 5.},
 * {@code 1.5e6}, {@code 1E-3}, {@code 1_000_000}. Underscores may stand only between two digits
 * (so {@code 1__0}, {@code 1_}, {@code 1_.5} are malformed); a number running straight into
 * letters, digits, underscores or dots ({@code 2x}, {@code 1.2.3}, {@code 0x1F}) is malformed
 * as a whole. A number beyond the double range ({@code 1e999}) is an error, and so is a non-zero
 * number that would read as 0 ({@code 1e-400}; subnormals such as {@code 1e-310} are kept).
 * Literals are unsigned inside expressions; {@link #parse(String)} also takes one
 * leading sign, for numeric fields of the scenario file.
 *
 * <p>Stateless and thread-safe.
 */
public final class NumberLiteral {

    /**
     * What {@link #scan} found.
     *
     * @param end end (exclusive) of the number's text, errors included
     * @param value the value, when there is no error
     * @param error the problem in plain English, or null
     */
    record Scan(int end, double value, String error) { }

    private NumberLiteral() {
    }

    /**
     * Reads a whole string as a number with an optional leading {@code +} or {@code -}
     * ({@code -3}, {@code 1_000_000}, {@code 2.788e6}). Anything else, including surrounding
     * spaces, octal or hexadecimal forms, {@code inf}, {@code nan} and numbers too large for a
     * double, gives an empty result.
     *
     * @param text the text
     * @return the value, or empty when the text is not a number
     */
    public static OptionalDouble parse(String text) {
        int start = 0;
        if (!text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-')) {
            start = 1;
        }
        if (start == text.length()) {
            return OptionalDouble.empty();
        }
        Scan scan = scan(text, start);
        if (scan.error() != null || scan.end() != text.length()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(start == 1 && text.charAt(0) == '-' ? -scan.value() : scan.value());
    }

    /**
     * Scans the unsigned number that starts at {@code start}; the caller has seen a digit or
     * a dot there.
     */
    static Scan scan(String text, int start) {
        int i = digitRun(text, start);
        String whole = text.substring(start, i);
        String fraction = null;
        if (i < text.length() && text.charAt(i) == '.') {
            int from = i + 1;
            i = digitRun(text, from);
            fraction = text.substring(from, i);
        }
        String exponent = null;
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int from = i + 1;
            if (from < text.length() && (text.charAt(from) == '+' || text.charAt(from) == '-')) {
                from++;
            }
            i = digitRun(text, from);
            exponent = text.substring(from, i);
        }
        int end = i;
        while (end < text.length() && isWordChar(text.charAt(end))) {
            end++;
        }
        String literal = text.substring(start, end);
        boolean noDigits = whole.isEmpty() && (fraction == null || fraction.isEmpty());
        if (end > i || noDigits || (exponent != null && exponent.isEmpty())) {
            return new Scan(end, Double.NaN, malformed(literal, text.substring(i, end), exponent));
        }
        if (!separated(whole) || !separated(fraction) || !separated(exponent)) {
            return new Scan(end, Double.NaN, "misplaced underscore in number '" + literal
                + "': underscores may only stand between digits");
        }
        double value = Double.parseDouble(literal.replace("_", ""));
        if (Double.isInfinite(value)) {
            return new Scan(end, Double.NaN, "number '" + literal + "' is too large");
        }
        String digits = fraction == null ? whole : whole + fraction;
        if (value == 0 && digits.chars().anyMatch(c -> c >= '1' && c <= '9')) {
            return new Scan(end, Double.NaN, "number '" + literal + "' is too close to zero (it would read as 0)");
        }
        return new Scan(end, value, null);
    }

    /** Magnitude suffixes people write after a number, and their powers of ten. */
    private static final java.util.Map<String, String> SUFFIXES = java.util.Map.of("k", "3", "K", "3", "M", "6",
        "m", "6", "B", "9", "b", "9", "G", "9", "T", "12", "bn", "9", "mn", "6");

    private static String malformed(String literal, String tail, String exponent) {
        String message = "malformed number '" + literal + "'";
        if (literal.length() > 1 && literal.charAt(0) == '0' && "xXoObB".indexOf(literal.charAt(1)) >= 0) {
            return message + "; only decimal numbers are allowed";
        }
        if (exponent == null && !tail.isEmpty() && !Character.isDigit(tail.charAt(0))
            && tail.charAt(0) != '.' && tail.chars().allMatch(NumberLiteral::isNameChar)) {
            String number = literal.substring(0, literal.length() - tail.length());
            String power = SUFFIXES.get(tail);
            message += power != null
                ? "; suffixes are not numbers: write " + number + "e" + power + " (or " + number + " * NAME for a name)"
                : "; write " + number + " * " + tail + " to multiply";
        }
        return message;
    }

    /** Whether a digit group (possibly absent or empty) has underscores only between digits. */
    private static boolean separated(String group) {
        return group == null || group.isEmpty()
            || (group.charAt(0) != '_' && group.charAt(group.length() - 1) != '_'
                && !group.contains("__"));
    }

    private static int digitRun(String text, int from) {
        int i = from;
        while (i < text.length() && (isDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isNameStart(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isNameChar(int c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    private static boolean isWordChar(char c) {
        return isNameChar(c) || c == '.';
    }
}
