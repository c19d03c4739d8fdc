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
 * <p>Not thread-safe: give each block or worker its own instance and combine them in a fixed
 * order.
 */
public final class Moments {
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
     * <p>The first pass sums the values and finds min and max; the second sums the powers of the
     * deviations d = x − mean, and Σd then corrects the mean and the central sums exactly (a
     * second-order refinement, as in Commons Math). Each sum is kept in {@value #LANES}
     * independent partial sums, value i going to lane i mod {@value #LANES}, added in a fixed
     * order at the end: the additions no longer form one serial dependency chain (about four
     * times the throughput), and the result is still a fixed function of the values. Allocates
     * nothing once compiled (the small result arrays do not escape).
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
        final double[] first = firstPass(x, count);
        final double bMean = first[0] / count;
        final double[] s = centralSums(x, count, bMean);
        // Shift the sums about bMean to the refined mean bMean + c: with S_k = Σ d^k,
        // Σ(d−c)² = S2 − n c², Σ(d−c)³ = S3 − 3c S2 + 2n c³, Σ(d−c)⁴ = S4 − 4c S3 + 6c² S2 − 3n c⁴.
        final double c = s[0] / count;
        final double c2 = c * c;
        final double m2b = s[1] - count * c2;
        final double m3b = s[2] - 3 * c * s[1] + 2 * count * c2 * c;
        final double m4b = s[3] - 4 * c * s[2] + 6 * c2 * s[1] - 3 * count * c2 * c2;
        merge(count, bMean + c, m2b, m3b, m4b, first[1], first[2]);
    }

    /** Number of independent partial sums per accumulated quantity. */
    private static final int LANES = 4;

    /**
     * {sum, min, max} of x[0..n), n &ge; 1. Min and max use branches, which are predicted well
     * (they are rarely taken) and cost less than {@code Math.min}'s NaN handling; a NaN makes the
     * sum NaN, and the engine then reports the sample.
     */
    private static double[] firstPass(double[] x, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double lo = x[0];
        double hi = x[0];
        int i = 0;
        for (; i + LANES <= n; i += LANES) {
            final double a = x[i];
            final double b = x[i + 1];
            final double c = x[i + 2];
            final double d = x[i + 3];
            s0 += a;
            s1 += b;
            s2 += c;
            s3 += d;
            lo = a < lo ? a : lo;
            hi = a > hi ? a : hi;
            lo = b < lo ? b : lo;
            hi = b > hi ? b : hi;
            lo = c < lo ? c : lo;
            hi = c > hi ? c : hi;
            lo = d < lo ? d : lo;
            hi = d > hi ? d : hi;
        }
        for (; i < n; i++) {
            s0 += x[i];
            lo = x[i] < lo ? x[i] : lo;
            hi = x[i] > hi ? x[i] : hi;
        }
        return new double[] {(s0 + s1) + (s2 + s3), lo, hi};
    }

    /** {Σd, Σd², Σd³, Σd⁴} with d = x[i] − mean over x[0..n), each in {@value #LANES} lanes. */
    @SuppressWarnings("checkstyle:MultipleVariableDeclarations")
    private static double[] centralSums(double[] x, int n, double mean) {
        double a1 = 0, b1 = 0, c1 = 0, e1 = 0;
        double a2 = 0, b2 = 0, c2 = 0, e2 = 0;
        double a3 = 0, b3 = 0, c3 = 0, e3 = 0;
        double a4 = 0, b4 = 0, c4 = 0, e4 = 0;
        int i = 0;
        for (; i + LANES <= n; i += LANES) {
            final double da = x[i] - mean;
            final double db = x[i + 1] - mean;
            final double dc = x[i + 2] - mean;
            final double de = x[i + 3] - mean;
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
            final double d = x[i] - mean;
            final double q = d * d;
            a1 += d;
            a2 += q;
            a3 += q * d;
            a4 += q * q;
        }
        return new double[] {(a1 + b1) + (c1 + e1), (a2 + b2) + (c2 + e2), (a3 + b3) + (c3 + e3),
            (a4 + b4) + (c4 + e4)};
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
