package org.mcsim.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BucketSelectTest {
    private static final int N = 200_000;

    /** Samples whose shapes stress the buckets: smooth, heavy-tailed, few distinct values, huge range. */
    private static double[] sample(String shape) {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(7L);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            double u = rng.nextDouble();
            x[i] = switch (shape) {
                case "uniform" -> u;
                case "pareto" -> Math.pow(1 - u, -3);
                case "discrete" -> Math.floor(u * 5);
                case "extremes" -> i == 0 ? -Double.MAX_VALUE : i == 1 ? Double.MAX_VALUE : u;
                case "negative" -> -Math.exp(8 * u);
                default -> throw new IllegalArgumentException(shape);
            };
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "pareto", "discrete", "extremes", "negative"})
    void everyRankEqualsTheSortedValue(String shape) {
        double[] x = sample(shape);
        double[] copy = x.clone();
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        int[] ranks = {0, 1, 2, N / 100, N / 20, N / 2 - 1, N / 2, N - 3, N - 2, N - 1, 12_345};
        double[] got = BucketSelect.select(x, N, ranks);
        for (int r = 0; r < ranks.length; r++) {
            assertEquals(sorted[ranks[r]], got[r], 0.0, shape + " rank " + ranks[r]);
        }
        assertEquals(Arrays.toString(copy), Arrays.toString(x), "the data is not modified");
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "pareto", "discrete"})
    void quantilesAboveTheSwitchEqualTheSortedTypeSeven(String shape) {
        double[] x = sample(shape);
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double[] levels = {0, 0.01, 0.5, 0.975, 1};
        Quantile[] r = Quantiles.exact(x, N, levels, 0.95);
        for (int i = 0; i < levels.length; i++) {
            double h = (N - 1) * levels[i];
            int j = (int) Math.floor(h);
            double want = j + 1 < N ? sorted[j] + (h - j) * (sorted[j + 1] - sorted[j]) : sorted[j];
            assertEquals(want, r[i].value(), 0.0, shape + " q=" + levels[i]);
            int[] ranks = Quantiles.orderStatisticRanks(N, levels[i], 0.95);
            assertEquals(ranks[0] >= 1 ? sorted[ranks[0] - 1] : Double.NaN, r[i].low(), 0.0);
            assertEquals(ranks[1] <= N ? sorted[ranks[1] - 1] : Double.NaN, r[i].high(), 0.0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "pareto", "discrete", "extremes", "negative"})
    void theFusedPassGivesTheSameOrderStatisticsAndTheHistogramOfItsOwnPass(String shape) {
        double[] x = sample(shape);
        double[] copy = x.clone();
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double lo = sorted[0];
        double hi = sorted[N - 1];
        int[] ranks = {0, 7, N / 3, N / 2, N - 1};
        long[] histogram = new long[25];
        double[] got = BucketSelect.select(x, N, ranks, lo, hi, new Histogram.Binning(lo, hi, 25), histogram);
        for (int r = 0; r < ranks.length; r++) {
            assertEquals(sorted[ranks[r]], got[r], 0.0, shape + " rank " + ranks[r]);
        }
        assertArrayEquals(Histogram.count(copy, N, lo, hi, 25), histogram, shape);
        assertEquals(Arrays.toString(copy), Arrays.toString(x), "the data is not modified");
    }

    /**
     * The histogram comes from the buckets' counts except in the buckets that hold a bin edge:
     * it must still be the binning's own, value for value, where values sit on the bin edges
     * (and one ulp either side), where buckets are finer than the doubles' spacing (a range of a
     * few ulps), where they are much coarser than the bins, with signed zeros, with bins beyond
     * those taken from the buckets, and with a binning wider than the sample.
     */
    @ParameterizedTest
    @ValueSource(strings = {"edges", "ulps", "coarse", "zeros", "many-bins", "wider-binning"})
    void theHistogramIsTheBinningsOwnWhereValuesSitOnTheBinEdges(String shape) {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(11L);
        int bins = switch (shape) {
            case "coarse" -> 1000;
            case "many-bins" -> 5000;
            default -> 37;
        };
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            double u = rng.nextDouble();
            x[i] = switch (shape) {
                case "edges", "many-bins", "wider-binning" -> {
                    // a bin edge of [-3, 7], nudged by at most one ulp
                    double v = -3 + 10.0 * rng.nextInt(bins + 1) / bins;
                    int nudge = rng.nextInt(3) - 1;
                    yield nudge < 0 ? Math.nextDown(v) : nudge > 0 ? Math.nextUp(v) : v;
                }
                case "ulps" -> 1e9 + Math.ulp(1e9) * rng.nextInt(40);
                case "coarse" -> rng.nextInt(100) == 0 ? 1e6 * u : u;
                case "zeros" -> rng.nextBoolean() ? (rng.nextBoolean() ? 0.0 : -0.0) : u - 0.5;
                default -> throw new IllegalArgumentException(shape);
            };
        }
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double lo = sorted[0];
        double hi = sorted[N - 1];
        double binLo = shape.equals("wider-binning") ? lo - 1.7 : lo;
        double binHi = shape.equals("wider-binning") ? hi + 0.3 : hi;
        int[] ranks = {0, N / 10, N / 2, N - 1};
        long[] histogram = new long[bins];
        double[] got = BucketSelect.select(x, N, ranks, lo, hi, new Histogram.Binning(binLo, binHi, bins), histogram);
        for (int r = 0; r < ranks.length; r++) {
            assertEquals(sorted[ranks[r]], got[r], 0.0, shape + " rank " + ranks[r]);
        }
        assertArrayEquals(Histogram.count(x, N, binLo, binHi, bins), histogram, shape);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aValueOutsideTheGivenRangeIsRefused(boolean withHistogram) {
        double[] x = sample("uniform");
        int[] ranks = {N / 2};
        Histogram.Binning binning = withHistogram ? new Histogram.Binning(0, 0.9, 10) : null;
        assertThrows(IllegalArgumentException.class,
            () -> BucketSelect.select(x, N, ranks, 0, 0.9, binning, new long[10]));
    }

    @org.junit.jupiter.api.Test
    void aConstantSampleHasOneBinAndEveryRankIsItsValue() {
        double[] x = new double[N];
        Arrays.fill(x, 2.5);
        long[] histogram = new long[1];
        double[] got = BucketSelect.select(x, N, new int[] {0, N - 1}, 2.5, 2.5,
            new Histogram.Binning(2.5, 2.5, 40), histogram);
        assertArrayEquals(new double[] {2.5, 2.5}, got);
        assertArrayEquals(new long[] {N}, histogram);
    }
}
