package org.mcsim.stats;

/**
 * A mergeable accumulator of the count, mean, central sums of powers M2, M3, M4, minimum and
 * maximum of a stream of values, fed a block at a time.
 *
 * <p>Each block is summarised in one pass (powers of the values about a shift close to the block's
 * mean, converted exactly to central sums), and that summary is merged into the running state with the pairwise update formulas of Chan, Golub and
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
     * in one pass and then merged into the running state as by {@link #combine(Moments)}.
     *
     * <p>The pass sums the powers of d = x − K about a shift K, the mean of the block's first
     * {@value #SHIFT_VALUES} values (close to the block's mean, so that the sums do not cancel),
     * and finds min and max. The mean is then K + Σd/n and the central sums follow exactly from
     * the shifted ones (with c = Σd/n: M2 = S2 − n c², M3 = S3 − 3c S2 + 2n c³,
     * M4 = S4 − 4c S3 + 6c² S2 − 3n c⁴); c is of the order of sd/√{@value #SHIFT_VALUES}, so
     * the corrections lose no significant digits. Each sum is kept in {@value #LANES}
     * independent partial sums, value i going to lane i mod {@value #LANES}, added in a fixed
     * order at the end: the additions no longer form one serial dependency chain (several times
     * the throughput), and the result is still a fixed function of the values. Min and max use
     * comparisons, rarely taken after the first values, rather than {@code Math.min}'s NaN
     * handling: a NaN makes the mean NaN, which the engine reports. Allocates nothing once
     * compiled (the small result array does not escape).
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
        double shift = 0;
        final int k = Math.min(count, SHIFT_VALUES);
        for (int i = 0; i < k; i++) {
            shift += x[i];
        }
        shift /= k;
        final double[] s = shiftedSums(x, count, shift);
        final double c = s[0] / count;
        final double c2 = c * c;
        final double m2b = s[1] - count * c2;
        final double m3b = s[2] - 3 * c * s[1] + 2 * count * c2 * c;
        final double m4b = s[3] - 4 * c * s[2] + 6 * c2 * s[1] - 3 * count * c2 * c2;
        merge(count, shift + c, Math.max(0, m2b), m3b, Math.max(0, m4b), s[4], s[5]);
    }

    /** Number of independent partial sums per accumulated quantity. */
    private static final int LANES = 4;
    /** Values whose mean is the shift of the sums. */
    private static final int SHIFT_VALUES = 8;

    /**
     * {Σd, Σd², Σd³, Σd⁴, min, max} with d = x[i] − shift over x[0..n), n &ge; 1, each sum in
     * {@value #LANES} lanes.
     */
    @SuppressWarnings("checkstyle:MultipleVariableDeclarations")
    private static double[] shiftedSums(double[] x, int n, double shift) {
        double a1 = 0, b1 = 0, c1 = 0, e1 = 0;
        double a2 = 0, b2 = 0, c2 = 0, e2 = 0;
        double a3 = 0, b3 = 0, c3 = 0, e3 = 0;
        double a4 = 0, b4 = 0, c4 = 0, e4 = 0;
        double lo = x[0];
        double hi = x[0];
        int i = 0;
        for (; i + LANES <= n; i += LANES) {
            final double xa = x[i];
            final double xb = x[i + 1];
            final double xc = x[i + 2];
            final double xe = x[i + 3];
            lo = xa < lo ? xa : lo;
            hi = xa > hi ? xa : hi;
            lo = xb < lo ? xb : lo;
            hi = xb > hi ? xb : hi;
            lo = xc < lo ? xc : lo;
            hi = xc > hi ? xc : hi;
            lo = xe < lo ? xe : lo;
            hi = xe > hi ? xe : hi;
            final double da = xa - shift;
            final double db = xb - shift;
            final double dc = xc - shift;
            final double de = xe - shift;
            final double qa = da * da;
            final double qb = db * db;
            final double qc = dc * dc;
            final double qe = de * de;
            a1 += da;
            b1 += db;
            c1 += dc;
            e1 += de;
            a2 += qa;
            b2 += qb;
            c2 += qc;
            e2 += qe;
            a3 += qa * da;
            b3 += qb * db;
            c3 += qc * dc;
            e3 += qe * de;
            a4 += qa * qa;
            b4 += qb * qb;
            c4 += qc * qc;
            e4 += qe * qe;
        }
        for (; i < n; i++) {
            final double v = x[i];
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
            final double d = v - shift;
            final double q = d * d;
            a1 += d;
            a2 += q;
            a3 += q * d;
            a4 += q * q;
        }
        return new double[] {(a1 + b1) + (c1 + e1), (a2 + b2) + (c2 + e2), (a3 + b3) + (c3 + e3),
            (a4 + b4) + (c4 + e4), lo, hi};
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
