package org.mcsim.stats;

/**
 * A mergeable accumulator of the count, mean, central sums of powers M2, M3, M4, minimum and
 * maximum of a stream of values, fed a block at a time.
 *
 * <p>Each block is summarised exactly in two passes (its mean, then its centred powers), and that
 * summary is merged into the running state with the pairwise update formulas of Chan, Golub and
 * LeVeque (M2) as generalised by Pébay (M3, M4). Merging is deterministic: the same blocks merged
 * in the same order give the same bits, whatever thread computed each block. Nothing allocates
 * per sample or per block.
 *
 * <p>References: T. F. Chan, G. H. Golub, R. J. LeVeque, "Updating formulae and a pairwise
 * algorithm for computing sample variances", Stanford CS report STAN-CS-79-773 (1979);
 * P. Pébay, "Formulas for robust, one-pass parallel computation of covariances and
 * arbitrary-order statistical moments", Sandia report SAND2008-6212 (2008), eq. 3.1 and 3.2.
 *
 * <p>Serializable, so that a block's moments can be computed on another machine (the Spark
 * engine) and merged where the run is summarized.
 *
 * <p>Not thread-safe: give each block or worker its own instance and combine them in a fixed
 * order.
 */
public final class Moments implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private long n;
    private double mean;
    private double m2;
    private double m3;
    private double m4;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    private Moments() {
    }

    /**
     * Creates an empty accumulator.
     *
     * @return an accumulator with count 0
     */
    public static Moments create() {
        return new Moments();
    }

    /**
     * Adds the first {@code n} values of a block. The block's mean and central sums are computed
     * in two passes and then merged into the running state as by {@link #combine(Moments)}.
     *
     * @param x the values; only {@code x[0..n)} is read
     * @param count the number of values to add, 0 allowed
     * @throws IllegalArgumentException if {@code count} is negative or exceeds {@code x.length}
     */
    public void accept(double[] x, int count) {
        if (count < 0 || count > x.length) {
            throw new IllegalArgumentException("count: must be in [0, " + x.length + "], got " + count);
        }
        if (count == 0) {
            return;
        }
        double sum = 0;
        double lo = x[0];
        double hi = x[0];
        for (int i = 0; i < count; i++) {
            final double v = x[i];
            sum += v;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double bMean = sum / count;
        // Correct the mean by the mean residual (a second-order refinement, as in Commons Math).
        double residual = 0;
        for (int i = 0; i < count; i++) {
            residual += x[i] - bMean;
        }
        bMean += residual / count;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        for (int i = 0; i < count; i++) {
            final double d = x[i] - bMean;
            final double d2 = d * d;
            s2 += d2;
            s3 += d2 * d;
            s4 += d2 * d2;
        }
        merge(count, bMean, s2, s3, s4, lo, hi);
    }

    /**
     * Merges another accumulator into this one; {@code other} is unchanged. Combining the same
     * accumulators in the same order always gives the same result.
     *
     * @param other the accumulator to add
     */
    public void combine(Moments other) {
        merge(other.n, other.mean, other.m2, other.m3, other.m4, other.min, other.max);
    }

    /** Pébay's pairwise update (SAND2008-6212, eq. 3.1) of this state with a summarised set B. */
    private void merge(long nb, double meanB, double m2b, double m3b, double m4b, double lo, double hi) {
        if (nb == 0) {
            return;
        }
        if (n == 0) {
            n = nb;
            mean = meanB;
            m2 = m2b;
            m3 = m3b;
            m4 = m4b;
            min = lo;
            max = hi;
            return;
        }
        final double na = n;
        final double nbd = nb;
        final double nn = na + nbd;
        final double delta = meanB - mean;
        final double dn = delta / nn;
        final double dn2 = dn * dn;
        final double prod = na * nbd;
        final double newM4 = m4 + m4b
            + delta * dn * dn2 * prod * (na * na - prod + nbd * nbd)
            + 6 * dn2 * (na * na * m2b + nbd * nbd * m2)
            + 4 * dn * (na * m3b - nbd * m3);
        final double newM3 = m3 + m3b
            + delta * dn2 * prod * (na - nbd)
            + 3 * dn * (na * m2b - nbd * m2);
        m2 = m2 + m2b + delta * dn * prod;
        m3 = newM3;
        m4 = newM4;
        mean = mean + dn * nbd;
        n += nb;
        min = Math.min(min, lo);
        max = Math.max(max, hi);
    }

    /** @return the number of values added */
    public long count() {
        return n;
    }

    /** @return the arithmetic mean, NaN when empty */
    public double mean() {
        return n == 0 ? Double.NaN : mean;
    }

    /** @return the sample variance with divisor n−1; NaN when fewer than 2 values */
    public double variance() {
        return n < 2 ? Double.NaN : m2 / (n - 1);
    }

    /** @return the sample standard deviation, the square root of {@link #variance()} */
    public double sd() {
        return Math.sqrt(variance());
    }

    /** @return the smallest value added, NaN when empty */
    public double min() {
        return n == 0 ? Double.NaN : min;
    }

    /** @return the largest value added, NaN when empty */
    public double max() {
        return n == 0 ? Double.NaN : max;
    }

    /** @return the second central moment with divisor n, M2/n; NaN when empty */
    public double centralMoment2() {
        return n == 0 ? Double.NaN : m2 / n;
    }

    /** @return the third central moment with divisor n, M3/n; NaN when empty */
    public double centralMoment3() {
        return n == 0 ? Double.NaN : m3 / n;
    }

    /** @return the fourth central moment with divisor n, M4/n; NaN when empty */
    public double centralMoment4() {
        return n == 0 ? Double.NaN : m4 / n;
    }

    /**
     * The sample excess kurtosis with the usual bias correction (the G2 of Joanes and Gill, 1998,
     * as in Excel's KURT and Commons Statistics {@code Kurtosis}):
     * {@code (n+1)n(n−1)/((n−2)(n−3)) · M4/M2² − 3(n−1)²/((n−2)(n−3))}.
     *
     * @return the excess kurtosis; NaN when fewer than 4 values or the variance is 0
     */
    public double kurtosis() {
        if (n < 4 || m2 == 0) {
            return Double.NaN;
        }
        final double nd = n;
        final double v = m2 / (nd - 1);
        final double denom = (nd - 2) * (nd - 3);
        return (nd + 1) * nd / ((nd - 1) * denom) * (m4 / (v * v)) - 3 * (nd - 1) * (nd - 1) / denom;
    }
}
