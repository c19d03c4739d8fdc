package org.mcsim.stats;

/**
 * A Monte Carlo error interval: where an estimate would lie, at a stated confidence, if the run
 * were repeated with another seed. An undefined end is NaN ({@link #UNDEFINED} has both).
 *
 * @param low the lower end, or NaN
 * @param high the upper end, or NaN
 */
public record Interval(double low, double high) {
    /** The interval of a statistic that has none (too few samples, a constant). */
    public static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN);

    /** Checks that the ends, where both are defined, are in order. */
    public Interval {
        if (low > high) {
            throw new IllegalArgumentException("interval: low " + low + " is above high " + high);
        }
    }

    /** True when both ends are defined. */
    public boolean defined() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    /** True when {@code x} lies in [low, high] (false when an end is undefined). */
    public boolean contains(double x) {
        return low <= x && x <= high;
    }

    /** Half the width, NaN when undefined. */
    public double halfWidth() {
        return (high - low) / 2;
    }
}
