package org.mcsim.sensitivity;

import org.mcsim.scenario.NumberSyntax;

/**
 * One {@code --vary NAME.PARAM=FROM:TO:STEPS} axis of a sweep: STEPS points
 * {@code FROM + (TO − FROM)·i/(STEPS − 1)}, the last exactly TO.
 *
 * @param label the text before {@code =} as given (the column heading in sweep.csv)
 * @param key the override key ({@code NAME.PARAM} or a constant's {@code NAME}), trimmed
 * @param from the first value
 * @param to the last value
 * @param steps the number of points, at least 2
 */
public record SweepAxis(String label, String key, double from, double to, int steps) {

    /** Largest number of points on one axis. */
    public static final int MAX_STEPS = 100_000;

    public SweepAxis {
        if (steps < 2 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("STEPS must be in [2, " + MAX_STEPS + "], got " + steps);
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("the name before = is empty");
        }
    }

    /**
     * Reads {@code NAME.PARAM=FROM:TO:STEPS}; numbers in the scenario number syntax, STEPS an
     * integer of at least 2.
     *
     * @param text the option's value
     * @return the axis
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static SweepAxis parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("expected NAME.PARAM=FROM:TO:STEPS, got '" + text + "'");
        }
        String[] parts = text.substring(eq + 1).split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected FROM:TO:STEPS after =, got '" + text.substring(eq + 1) + "'");
        }
        double from = NumberSyntax.parse(parts[0].trim());
        double to = NumberSyntax.parse(parts[1].trim());
        long steps = NumberSyntax.parseInteger(parts[2].trim());
        if (steps < 2 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("STEPS must be in [2, " + MAX_STEPS + "], got " + parts[2].trim());
        }
        String label = text.substring(0, eq);
        return new SweepAxis(label, label.trim(), from, to, (int) steps);
    }

    /** The value of point {@code i}: FROM + (TO − FROM)·i/(STEPS − 1), the last exactly TO. */
    public double value(int i) {
        if (i < 0 || i >= steps) {
            throw new IndexOutOfBoundsException("point " + i + " of " + steps);
        }
        if (i == steps - 1) {
            return to;
        }
        double span = to - from;
        if (Double.isInfinite(span)) {
            // TO − FROM overflows (-1e308:1e308): the step from halved ends (halving is exact),
            // divided before it is multiplied so that no product overflows, doubled back.
            return from + (to / 2 - from / 2) / (steps - 1) * i * 2;
        }
        return from + span * i / (steps - 1);
    }
}
