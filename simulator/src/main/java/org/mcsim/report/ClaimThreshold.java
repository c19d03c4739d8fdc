package org.mcsim.report;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A claim of the form {@code VARIABLE cmp NUMBER} or {@code NUMBER cmp VARIABLE}, with cmp one of
 * {@code < <= > >=}: a threshold that can be marked on the variable's distribution.
 *
 * <p>The expression text is matched whole by a regular expression; numbers are in the scenario's
 * literal syntax ({@code 400}, {@code .5}, {@code 1.6e9}, {@code 1_000}), with an optional minus
 * sign. Anything else ({@code a > b}, {@code x > 1 && y < 2}) is not a threshold. Immutable.
 *
 * @param claim the claim's name
 * @param variable the variable compared
 * @param threshold the number it is compared with
 * @param above whether the claim holds above the threshold (the variable is the greater side)
 */
record ClaimThreshold(String claim, String variable, double threshold, boolean above) {
    private static final String NAME = "([A-Za-z_][A-Za-z0-9_]*)";
    private static final String DIGITS = "[0-9](?:_?[0-9])*";
    private static final String NUMBER = "(-?(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\." + DIGITS
        + ")(?:[eE][+-]?" + DIGITS + ")?)";
    private static final String OP = "\\s*(<=|>=|<|>)\\s*";
    private static final Pattern NAME_FIRST = Pattern.compile("\\s*" + NAME + OP + NUMBER + "\\s*");
    private static final Pattern NUMBER_FIRST = Pattern.compile("\\s*" + NUMBER + OP + NAME + "\\s*");
    private static final Pattern CONSTANT_SECOND = Pattern.compile("\\s*" + NAME + OP + NAME + "\\s*");

    /**
     * Reads a claim's expression.
     *
     * @param claim the claim's name
     * @param expression its text
     * @return the threshold, or empty when the expression does not have the form
     */
    static Optional<ClaimThreshold> parse(String claim, String expression) {
        return parse(claim, expression, Map.of());
    }

    /**
     * Reads a claim's expression, where the number may also be a constant of the scenario
     * ({@code ratio >= threshold}, with {@code threshold: 400} among the constants).
     *
     * @param claim the claim's name
     * @param expression its text
     * @param constants the scenario's constants by name
     * @return the threshold, or empty when the expression does not have the form
     */
    static Optional<ClaimThreshold> parse(String claim, String expression, Map<String, Double> constants) {
        Matcher c = CONSTANT_SECOND.matcher(expression);
        if (c.matches() && constants.containsKey(c.group(3)) && !constants.containsKey(c.group(1))) {
            return Optional.of(
                new ClaimThreshold(claim, c.group(1), constants.get(c.group(3)), c.group(2).startsWith(">")));
        }
        if (c.matches() && constants.containsKey(c.group(1)) && !constants.containsKey(c.group(3))) {
            return Optional.of(
                new ClaimThreshold(claim, c.group(3), constants.get(c.group(1)), c.group(2).startsWith("<")));
        }
        Matcher m = NAME_FIRST.matcher(expression);
        if (m.matches()) {
            return Optional.of(new ClaimThreshold(claim, m.group(1), number(m.group(3)),
                m.group(2).startsWith(">")));
        }
        m = NUMBER_FIRST.matcher(expression);
        if (m.matches()) {
            return Optional.of(new ClaimThreshold(claim, m.group(3), number(m.group(1)),
                m.group(2).startsWith("<")));
        }
        return Optional.empty();
    }

    private static double number(String text) {
        return Double.parseDouble(text.replace("_", ""));
    }
}
