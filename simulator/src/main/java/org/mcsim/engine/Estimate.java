package org.mcsim.engine;

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

    /** An estimate with the interval {@code interval} ({low, high}, or null when undefined). */
    public static Estimate of(double value, double[] interval) {
        return interval == null ? of(value) : new Estimate(value, interval[0], interval[1]);
    }
}
