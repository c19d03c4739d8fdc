package org.mcsim.stats;

/**
 * A quantile estimate: the type-7 value at a level with its distribution-free interval
 * ({@link Quantiles}).
 *
 * @param level the level q, in [0, 1]
 * @param value the estimate
 * @param interval its Monte Carlo interval; an end is NaN where the sample is too small
 */
public record Quantile(double level, double value, Interval interval) {

    /** The interval's lower end, or NaN. */
    public double low() {
        return interval.low();
    }

    /** The interval's upper end, or NaN. */
    public double high() {
        return interval.high();
    }
}
