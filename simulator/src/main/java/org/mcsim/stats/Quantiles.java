package org.mcsim.stats;

import java.util.Arrays;
import org.apache.commons.numbers.arrays.Selection;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * Exact sample quantiles with distribution-free confidence intervals, read from the full sample
 * by selection (expected linear time) rather than a full sort.
 *
 * <p>The estimate is Hyndman–Fan type 7 (R's default, numpy's {@code linear}): with the sorted
 * sample x[0..n−1] and h = (n−1)q, {@code x[⌊h⌋] + (h−⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋])}
 * (R. J. Hyndman, Y. Fan, "Sample quantiles in statistical packages", The American Statistician
 * 50, 1996).
 *
 * <p>The interval is the order-statistic interval [X<sub>(l)</sub>, X<sub>(u)</sub>] (1-based
 * ranks): the number B of observations at or below the true quantile Q<sub>q</sub> of a
 * continuous law is Binomial(n, q), and X<sub>(l)</sub> ≤ Q<sub>q</sub> ≤ X<sub>(u)</sub> holds
 * exactly when l ≤ B ≤ u−1. Taking l the (1−c)/2 binomial quantile and u the (1+c)/2 binomial
 * quantile plus one gives P(l ≤ B ≤ u−1) = F(u−1) − F(l−1) ≥ (1+c)/2 − (1−c)/2 = c, whatever the
 * law (H. A. David, H. N. Nagaraja, <i>Order Statistics</i>, 3rd ed., 2003, §7.1). An end whose
 * rank falls outside 1..n is undefined (NaN).
 *
 * <p>Stateless and thread-safe; the data array passed in may be reordered.
 */
public final class Quantiles {
    /** Sample size from which order statistics come from {@link BucketSelect}. */
    static final int BUCKET_SELECT_FROM = 1 << 16;

    private Quantiles() {
    }

    /**
     * Estimates the quantiles at {@code levels} of {@code data[0..n)} with their intervals.
     *
     * @param data the sample; {@code data[0..n)} may be reordered (partially sorted)
     * @param n the sample size, in 1..data.length
     * @param levels the quantile levels, each in [0, 1]
     * @param confidence the two-sided level of the intervals, in (0, 1)
     * @return for each level, its estimate and interval; NaN for an undefined interval end
     * @throws IllegalArgumentException if n or a level or the confidence is out of range
     */
    public static Quantile[] exact(double[] data, int n, double[] levels, double confidence) {
        Intervals.checkConfidence(confidence);
        if (n < 1 || n > data.length) {
            throw new IllegalArgumentException("n: must be in [1, " + data.length + "], got " + n);
        }
        final int[][] ranks = ranks(n, levels, confidence);
        final int[] wanted = selectionIndices(ranks, n);
        return estimates(n, levels, ranks, wanted, orderStatistics(data, n, wanted));
    }

    /**
     * A sample's quantile estimates ({@link #exact}) and its histogram ({@link Histogram#count}).
     *
     * @param estimates for each level, its estimate and interval
     * @param counts the histogram's counts
     */
    public record WithHistogram(Quantile[] estimates, long[] counts) { }

    /**
     * {@link #exact} and {@link Histogram#count} of the same sample, whose minimum and maximum
     * are known: on a large sample the histogram is counted in the pass that counts the
     * selection's buckets, and neither needs a pass for the range, so the sample is read twice
     * in all instead of four times. The results are those of the two methods.
     *
     * @param data the sample; not modified
     * @param n the sample size, in 1..data.length
     * @param min the sample's minimum
     * @param max the sample's maximum
     * @param bins the histogram's number of bins, at least 1 (one bin when min == max)
     * @param levels the quantile levels, each in [0, 1]
     * @param confidence the two-sided level of the intervals, in (0, 1)
     * @return the estimates and the histogram
     * @throws IllegalArgumentException if an argument is out of range or a value lies outside [min, max]
     */
    public static WithHistogram exactWithHistogram(double[] data, int n, double min, double max, int bins,
                                                   double[] levels, double confidence) {
        Intervals.checkConfidence(confidence);
        if (n < 1 || n > data.length) {
            throw new IllegalArgumentException("n: must be in [1, " + data.length + "], got " + n);
        }
        final Histogram.Binning binning = new Histogram.Binning(min, max, bins);
        final int[][] ranks = ranks(n, levels, confidence);
        final int[] wanted = selectionIndices(ranks, n);
        final long[] counts;
        final double[] values;
        if (n >= BUCKET_SELECT_FROM) {
            counts = new long[binning.bins()];
            values = BucketSelect.select(data, n, wanted, min, max, binning, counts);
        } else {
            counts = Histogram.count(data, n, min, max, bins);
            values = orderStatistics(Arrays.copyOf(data, n), n, wanted);
        }
        return new WithHistogram(estimates(n, levels, ranks, wanted, values), counts);
    }

    /** For each level, {⌊(n−1)q⌋, l, u}: the type 7 index and the interval's 1-based ranks. */
    private static int[][] ranks(int n, double[] levels, double confidence) {
        final int[][] ranks = new int[levels.length][];
        for (int i = 0; i < levels.length; i++) {
            final double q = levels[i];
            if (!(q >= 0 && q <= 1)) {
                throw new IllegalArgumentException("levels[" + i + "]: must be in [0, 1], got " + q);
            }
            final int[] r = orderStatisticRanks(n, q, confidence);
            ranks[i] = new int[] {floorIndex(n, q), r[0], r[1]};
        }
        return ranks;
    }

    /** Type 7 estimates and interval ends from the values of the sorted indices {@code wanted}. */
    private static Quantile[] estimates(int n, double[] levels, int[][] ranks, int[] wanted, double[] value) {
        final Quantile[] result = new Quantile[levels.length];
        for (int i = 0; i < levels.length; i++) {
            final int j = ranks[i][0];
            final double g = (n - 1.0) * levels[i] - j;
            final double xj = value[Arrays.binarySearch(wanted, j)];
            double estimate = xj;
            if (g > 0 && j + 1 < n) {
                estimate = xj + g * (value[Arrays.binarySearch(wanted, j + 1)] - xj);
            }
            final int l = ranks[i][1];
            final int u = ranks[i][2];
            result[i] = new Quantile(levels[i], estimate, new Interval(
                l >= 1 ? value[Arrays.binarySearch(wanted, l - 1)] : Double.NaN,
                u <= n ? value[Arrays.binarySearch(wanted, u - 1)] : Double.NaN));
        }
        return result;
    }

    /**
     * The values of the given 0-based ranks of {@code data[0..n)} in sorted order, the data
     * unchanged and not copied from {@value #BUCKET_SELECT_FROM} values on ({@link BucketSelect}:
     * streaming passes), read from a sorted copy below.
     *
     * @param data the sample, finite values; not modified
     * @param n the sample size, in 1..data.length
     * @param ranks 0-based ranks, each in [0, n), in any order
     * @return {@code result[i]} is the value of rank {@code ranks[i]}
     * @throws IllegalArgumentException if n or a rank is out of range
     */
    public static double[] ranked(double[] data, int n, int... ranks) {
        if (n < 1 || n > data.length) {
            throw new IllegalArgumentException("n: must be in [1, " + data.length + "], got " + n);
        }
        for (int r : ranks) {
            if (r < 0 || r >= n) {
                throw new IllegalArgumentException("rank " + r + " is not in [0, " + n + ")");
            }
        }
        if (n >= BUCKET_SELECT_FROM) {
            return BucketSelect.select(data, n, ranks);
        }
        final double[] sorted = Arrays.copyOf(data, n);
        Arrays.sort(sorted);
        final double[] out = new double[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            out[i] = sorted[ranks[i]];
        }
        return out;
    }

    /**
     * The values of the sorted 0-based indices {@code wanted} of {@code data[0..n)}: by
     * multi-index quickselect on small samples, by {@link BucketSelect} from
     * {@value #BUCKET_SELECT_FROM} values on (two streaming passes, much faster there).
     */
    private static double[] orderStatistics(double[] data, int n, int[] wanted) {
        if (n >= BUCKET_SELECT_FROM) {
            return BucketSelect.select(data, n, wanted);
        }
        Selection.select(data, 0, n, wanted);
        final double[] value = new double[wanted.length];
        for (int i = 0; i < wanted.length; i++) {
            value[i] = data[wanted[i]];
        }
        return value;
    }

    /**
     * The same estimates and intervals as {@link #exact}, with every order statistic read from a
     * sketch of the sample instead of the sample itself: each is within
     * {@link QuantileSketch#errorBound} of the exact one, clamped to [min, max], and rank 0 and
     * rank n−1 are the exact min and max.
     *
     * @param sketch a sketch of the whole sample, of {@code n = sketch.count()} values
     * @param min the sample's minimum
     * @param max the sample's maximum
     * @param levels the quantile levels, each in [0, 1]
     * @param confidence the two-sided level of the intervals, in (0, 1)
     * @return for each level, its estimate and interval; NaN for an undefined interval end
     * @throws IllegalArgumentException if the sketch is empty or holds more than
     *     {@link Integer#MAX_VALUE} values, or a level or the confidence is out of range
     */
    public static Quantile[] fromSketch(QuantileSketch sketch, double min, double max, double[] levels,
                                        double confidence) {
        Intervals.checkConfidence(confidence);
        if (sketch.count() < 1 || sketch.count() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sketch: must hold 1 to " + Integer.MAX_VALUE
                + " values, got " + sketch.count());
        }
        final int n = (int) sketch.count();
        final int[][] ranks = ranks(n, levels, confidence);
        final int[] wanted = selectionIndices(ranks, n);
        final double[] value = sketch.values(Arrays.stream(wanted).asLongStream().toArray());
        for (int i = 0; i < wanted.length; i++) {
            value[i] = wanted[i] == 0 ? min : wanted[i] == n - 1 ? max : Math.min(max, Math.max(min, value[i]));
        }
        return estimates(n, levels, ranks, wanted, value);
    }

    /** The 0-based indices that must hold their sorted values: j, j+1, l−1, u−1 where defined. */
    private static int[] selectionIndices(int[][] ranks, int n) {
        final int[] k = new int[ranks.length * 4];
        int count = 0;
        for (int[] r : ranks) {
            k[count++] = r[0];
            if (r[0] + 1 < n) {
                k[count++] = r[0] + 1;
            }
            if (r[1] >= 1) {
                k[count++] = r[1] - 1;
            }
            if (r[2] <= n) {
                k[count++] = r[2] - 1;
            }
        }
        final int[] unique = Arrays.stream(k, 0, count).sorted().distinct().toArray();
        return unique;
    }

    /**
     * The 1-based ranks {l, u} of the distribution-free interval [X<sub>(l)</sub>,
     * X<sub>(u)</sub>] for the q quantile (see the class comment). A rank below 1 or above n
     * means that end is undefined.
     *
     * @param n the sample size, at least 1
     * @param q the quantile level, in [0, 1]
     * @param confidence the two-sided level, in (0, 1)
     * @return {l, u} with 0 ≤ l and u ≤ n + 1
     */
    public static int[] orderStatisticRanks(int n, double q, double confidence) {
        Intervals.checkConfidence(confidence);
        final BinomialDistribution b = BinomialDistribution.of(n, q);
        final int l = b.inverseCumulativeProbability((1 - confidence) / 2);
        final int u = b.inverseCumulativeProbability((1 + confidence) / 2) + 1;
        return new int[] {l, u};
    }

    /**
     * The 0-based index ⌊(n−1)q⌋ of the lower order statistic of the type 7 estimate.
     *
     * @param n the sample size
     * @param q the level
     * @return the index, in 0..n−1
     */
    static int floorIndex(int n, double q) {
        return Math.min(n - 1, (int) Math.floor((n - 1.0) * q));
    }
}
