package org.mcsim.stats;

/**
 * A mergeable accumulator of the count, mean, central sums of powers M2, M3, M4, minimum and
 * maximum of a stream of values, fed a block at a time.
 *
 * <p>Each block is summarised in one pass (powers of the values about a shift close to the
 * block's mean, converted exactly to central sums, by {@link BlockSums}), and that summary is
 * merged into the running state with the pairwise update formulas of Chan, Golub and LeVeque (M2)
 * as generalised by Pébay (M3, M4). Merging is deterministic: the same blocks merged
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
     * Adds the first {@code count} values of a block, as {@link #accept(double[], int, BlockSums)}
     * with working memory kept per thread (so that callers outside the engine's hot loop need not
     * hold one). Gives the same bits as the three-argument form.
     *
     * @param x the values; only {@code x[0..count)} is read
     * @param count the number of values to add, 0 allowed
     * @throws IllegalArgumentException if {@code count} is negative or exceeds {@code x.length}
     */
    public void accept(double[] x, int count) {
        accept(x, count, SCRATCH.get());
    }

    private static final ThreadLocal<BlockSums> SCRATCH = ThreadLocal.withInitial(BlockSums::create);

    /**
     * Adds the first {@code count} values of a block. The block's mean and central sums are
     * computed in one pass and then merged into the running state as by {@link #combine(Moments)}.
     *
     * <p>The pass ({@link BlockSums}) sums the powers of d = x − K about a shift K, the mean of the
     * block's first {@value #SHIFT_VALUES} values (close to the block's mean, so that the sums do
     * not cancel), and finds min and max. The mean is then K + Σd/n and the central sums follow
     * exactly from the shifted ones (with c = Σd/n: M2 = S2 − n c², M3 = S3 − 3c S2 + 2n c³,
     * M4 = S4 − 4c S3 + 6c² S2 − 3n c⁴); c is of the order of sd/√{@value #SHIFT_VALUES}, so the
     * corrections lose no significant digits. Each sum is kept in many independent partial sums
     * added in a fixed order, so the result is a fixed function of the values, whichever thread
     * computes it, whichever {@code work} it uses, and whether the pass runs in plain Java or with
     * the Vector API ({@link BlockSums}). A NaN makes the mean NaN, which the engine
     * reports; min and max are then NaN too. Allocates nothing.
     *
     * @param x the values; only {@code x[0..count)} is read
     * @param count the number of values to add, 0 allowed
     * @param work working memory, used by one thread at a time; holds nothing between calls
     * @throws IllegalArgumentException if {@code count} is negative or exceeds {@code x.length}
     */
    public void accept(double[] x, int count, BlockSums work) {
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
        work.compute(x, count, shift);
        final double c = work.sum1 / count;
        final double c2 = c * c;
        final double s2 = work.sum2;
        final double s3 = work.sum3;
        final double m2b = s2 - count * c2;
        final double m3b = s3 - 3 * c * s2 + 2 * count * c2 * c;
        final double m4b = work.sum4 - 4 * c * s3 + 6 * c2 * s2 - 3 * count * c2 * c2;
        merge(count, shift + c, Math.max(0, m2b), m3b, Math.max(0, m4b), work.min, work.max);
    }

    /** Values whose mean is the shift of the sums. */
    private static final int SHIFT_VALUES = 8;

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
