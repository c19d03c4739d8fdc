package org.mcsim.dist;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.DiscreteDistribution;

/**
 * A law computed independently of the code under test (Commons Statistics distributions, or
 * closed forms written out in the tests), against which samplers are checked.
 */
interface Reference {
    /** P(X &lt;= x). */
    double cdf(double x);

    /** P(X &lt; x). */
    double cdfBelow(double x);

    /** The smallest x with P(X &lt;= x) &gt;= p. */
    double quantile(double p);

    double mean();

    double variance();

    /** A Commons Statistics continuous law mapped by location + scale · X. */
    static Reference of(ContinuousDistribution d, double location, double scale) {
        return new Reference() {
            @Override public double cdf(double x) {
                return d.cumulativeProbability((x - location) / scale);
            }
            @Override public double cdfBelow(double x) {
                return cdf(x);
            }
            @Override public double quantile(double p) {
                return location + scale * d.inverseCumulativeProbability(p);
            }
            @Override public double mean() {
                return location + scale * d.getMean();
            }
            @Override public double variance() {
                return scale * scale * d.getVariance();
            }
        };
    }

    static Reference of(ContinuousDistribution d) {
        return of(d, 0, 1);
    }

    /** A Commons Statistics integer law. */
    static Reference of(DiscreteDistribution d) {
        return new Reference() {
            @Override public double cdf(double x) {
                return x < 0 ? 0 : d.cumulativeProbability((int) Math.floor(x));
            }
            @Override public double cdfBelow(double x) {
                return x <= 0 ? 0 : d.cumulativeProbability((int) Math.ceil(x) - 1);
            }
            @Override public double quantile(double p) {
                return d.inverseCumulativeProbability(p);
            }
            @Override public double mean() {
                return d.getMean();
            }
            @Override public double variance() {
                return d.getVariance();
            }
        };
    }

    /** A finite law on sorted distinct points with the given probabilities. */
    static Reference finite(double[] points, double[] probabilities) {
        double mean = 0;
        double square = 0;
        for (int k = 0; k < points.length; k++) {
            mean += probabilities[k] * points[k];
            square += probabilities[k] * points[k] * points[k];
        }
        double m = mean;
        double v = square - mean * mean;
        return new Reference() {
            @Override public double cdf(double x) {
                double s = 0;
                for (int k = 0; k < points.length && points[k] <= x; k++) {
                    s += probabilities[k];
                }
                return s;
            }
            @Override public double cdfBelow(double x) {
                double s = 0;
                for (int k = 0; k < points.length && points[k] < x; k++) {
                    s += probabilities[k];
                }
                return s;
            }
            @Override public double quantile(double p) {
                double s = 0;
                for (int k = 0; k < points.length; k++) {
                    s += probabilities[k];
                    if (s >= p - 1e-15) {
                        return points[k];
                    }
                }
                return points[points.length - 1];
            }
            @Override public double mean() {
                return m;
            }
            @Override public double variance() {
                return v;
            }
        };
    }

    /** Σ w_i X_i with normalized weights; the quantile by bisection of the CDF. */
    static Reference mixture(double[] weights, Reference... parts) {
        double total = Arrays.stream(weights).sum();
        double[] w = Arrays.stream(weights).map(x -> x / total).toArray();
        double mean = 0;
        double square = 0;
        for (int i = 0; i < w.length; i++) {
            mean += w[i] * parts[i].mean();
            square += w[i] * (parts[i].variance() + parts[i].mean() * parts[i].mean());
        }
        return custom(x -> sum(w, parts, x, false), x -> sum(w, parts, x, true), -1e6, 1e6,
                mean, square - mean * mean);
    }

    private static double sum(double[] w, Reference[] parts, double x, boolean below) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * (below ? parts[i].cdfBelow(x) : parts[i].cdf(x));
        }
        return s;
    }

    /** A law given by its CDF, with the quantile found by bisection in [lo, hi]. */
    static Reference custom(java.util.function.DoubleUnaryOperator cdf,
                            java.util.function.DoubleUnaryOperator cdfBelow,
                            double lo, double hi, double mean, double variance) {
        return new Reference() {
            @Override public double cdf(double x) {
                return cdf.applyAsDouble(x);
            }
            @Override public double cdfBelow(double x) {
                return cdfBelow.applyAsDouble(x);
            }
            @Override public double quantile(double p) {
                double a = lo;
                double b = hi;
                for (int i = 0; i < 2000 && Math.nextUp(a) < b; i++) {
                    double m = 0.5 * (a + b);
                    if (m <= a || m >= b) {
                        break;
                    }
                    if (cdf(m) >= p) {
                        b = m;
                    } else {
                        a = m;
                    }
                }
                return b;
            }
            @Override public double mean() {
                return mean;
            }
            @Override public double variance() {
                return variance;
            }
        };
    }
}
