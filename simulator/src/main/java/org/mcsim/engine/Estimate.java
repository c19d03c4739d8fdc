package org.mcsim.engine;

import org.mcsim.stats.Interval;

/**
 * A statistic with its Monte Carlo error interval; an undefined interval end is NaN.
 *
 * @param value the estimate
 * @param low lower end of the interval, or NaN
 * @param high upper end of the interval, or NaN
 */
public record Estimate(double value, double low, double high) {

    /** An estimate without an interval (min, max). */
    public static Estimate of(double value) {
        return new Estimate(value, Double.NaN, Double.NaN);
    }

    /** An estimate with the interval {@code interval} (possibly {@link Interval#UNDEFINED}). */
    public static Estimate of(double value, Interval interval) {
        return new Estimate(value, interval.low(), interval.high());
    }

    /** The interval alone. */
    public Interval interval() {
        return new Interval(low, high);
    }
}
