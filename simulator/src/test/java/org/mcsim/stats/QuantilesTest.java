package org.mcsim.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

class QuantilesTest {
    private static final double[] LEVELS = {0, 0.001, 0.01, 0.05, 0.25, 0.5, 0.7, 0.95, 0.99, 1};

    /** Type 7 read straight from a sorted copy, as numpy's default does. */
    private static double type7(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int j = (int) Math.floor(h);
        return j + 1 < sorted.length ? sorted[j] + (h - j) * (sorted[j + 1] - sorted[j]) : sorted[j];
    }

    private static void checkAgainstSorted(double[] x) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double[] work = x.clone();
        Quantile[] r = Quantiles.exact(work, work.length, LEVELS, 0.95);
        for (int i = 0; i < LEVELS.length; i++) {
            assertEquals(type7(sorted, LEVELS[i]), r[i].value(), 0.0, "q=" + LEVELS[i] + " n=" + x.length);
            int[] ranks = Quantiles.orderStatisticRanks(x.length, LEVELS[i], 0.95);
            double low = ranks[0] >= 1 ? sorted[ranks[0] - 1] : Double.NaN;
            double high = ranks[1] <= x.length ? sorted[ranks[1] - 1] : Double.NaN;
            assertEquals(low, r[i].low(), 0.0);
            assertEquals(high, r[i].high(), 0.0);
        }
    }

    @Test
    void estimatesEqualSortedTypeSevenOnRandomData() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(21L);
        for (int n : new int[] {1, 2, 3, 10, 101, 1000, 4097}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextDouble() * 100 - 30;
            }
            checkAgainstSorted(x);
        }
    }

    @Test
    void estimatesEqualSortedTypeSevenWithTies() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(22L);
        for (int n : new int[] {2, 5, 50, 999}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextInt(4);
            }
            checkAgainstSorted(x);
        }
        checkAgainstSorted(new double[] {5, 5, 5, 5});
    }

    @Test
    void smallSamples() {
        Quantile[] one = Quantiles.exact(new double[] {4}, 1, new double[] {0.5}, 0.95);
        assertEquals(4.0, one[0].value());
        assertTrue(Double.isNaN(one[0].low()) && Double.isNaN(one[0].high()));
        Quantile[] two = Quantiles.exact(new double[] {3, 1}, 2, new double[] {0.25, 0.5}, 0.95);
        assertEquals(1.5, two[0].value());
        assertEquals(2.0, two[1].value());
    }

    @Test
    void ranksForNHundredMedianMatchHandComputation() {
        // Binomial(100, 1/2): F(39) = 0.0176 < 0.025 <= F(40) = 0.0284, so l = 40;
        // F(59) = 0.9716 < 0.975 <= F(60) = 0.9824, so u = 61; coverage F(60) - F(39) = 0.9648.
        assertArrayEquals(new int[] {40, 61}, Quantiles.orderStatisticRanks(100, 0.5, 0.95));
    }

    @Test
    void ranksForHugeSamplesAreQuickAndNearNormalApproximation() {
        for (int n : new int[] {100_000_000, Integer.MAX_VALUE}) {
            for (double q : new double[] {1e-6, 0.01, 0.5, 0.99}) {
                int[] r = Quantiles.orderStatisticRanks(n, q, 0.95);
                double sd = Math.sqrt(n * q * (1 - q));
                assertEquals(n * q - 1.96 * sd, r[0], 0.1 * sd + 2, "n=" + n + " q=" + q);
                assertEquals(n * q + 1.96 * sd, r[1], 0.1 * sd + 2, "n=" + n + " q=" + q);
            }
        }
    }

    @Test
    void intervalCoversTheTrueMedianAtTheBinomialRate() {
        // n = 50 uniform samples, true median 0.5. The exact coverage is F(u-1) - F(l-1) of
        // Binomial(50, 1/2) (0.9672 for l = 18, u = 33); 2000 runs estimate it to within
        // 5 standard errors.
        int n = 50;
        int runs = 2000;
        int[] ranks = Quantiles.orderStatisticRanks(n, 0.5, 0.95);
        assertArrayEquals(new int[] {18, 33}, ranks);
        BinomialDistribution b = BinomialDistribution.of(n, 0.5);
        double exact = b.cumulativeProbability(ranks[1] - 1) - b.cumulativeProbability(ranks[0] - 1);
        assertEquals(0.9672, exact, 1e-4);
        int covered = 0;
        for (long seed = 0; seed < runs; seed++) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextDouble();
            }
            Quantile r = Quantiles.exact(x, n, new double[] {0.5}, 0.95)[0];
            if (r.interval().contains(0.5)) {
                covered++;
            }
        }
        double rate = covered / (double) runs;
        double se = Math.sqrt(exact * (1 - exact) / runs);
        assertEquals(exact, rate, 5 * se);
        assertTrue(rate >= 0.95 - 2 * se && rate <= 0.985, "coverage " + rate);
    }

    @Test
    void largeArrayBySelection() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(23L);
        int n = 2_000_000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble();
        }
        Quantile[] r = Quantiles.exact(x, n, new double[] {0.05, 0.5, 0.95}, 0.95);
        // Uniform quantiles: the estimate's sd is sqrt(q(1-q)/n) < 4e-4; 5 sd tolerance.
        assertEquals(0.05, r[0].value(), 2e-3);
        assertEquals(0.5, r[1].value(), 2e-3);
        assertEquals(0.95, r[2].value(), 2e-3);
        assertTrue(r[1].low() < r[1].value() && r[1].value() < r[1].high());
    }

    @Test
    void withHistogramEqualsExactAndCountOnBothSidesOfTheSwitch() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(23L);
        for (int n : new int[] {1, 1000, Quantiles.BUCKET_SELECT_FROM, 3 * Quantiles.BUCKET_SELECT_FROM + 1}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = Math.exp(2 * rng.nextDouble()) - 3;
            }
            double[] copy = x.clone();
            double min = Arrays.stream(x).min().getAsDouble();
            double max = Arrays.stream(x).max().getAsDouble();
            Quantiles.WithHistogram both = Quantiles.exactWithHistogram(x, n, min, max, 30, LEVELS, 0.9);
            assertArrayEquals(copy, x, "the data is not modified, n=" + n);
            Quantile[] exact = Quantiles.exact(x.clone(), n, LEVELS, 0.9);
            for (int i = 0; i < LEVELS.length; i++) {
                assertEquals(exact[i], both.estimates()[i], "q=" + LEVELS[i] + " n=" + n);
            }
            assertArrayEquals(Histogram.count(x, n, min, max, 30), both.counts(), "n=" + n);
        }
    }

    @Test
    void rankedReadsTheSortedValuesWithoutTouchingTheData() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(24L);
        for (int n : new int[] {1, 7, 5000, Quantiles.BUCKET_SELECT_FROM, 200_001}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = Math.floor(rng.nextDouble() * 1000) - 400;
            }
            double[] copy = x.clone();
            double[] sorted = x.clone();
            Arrays.sort(sorted);
            int[] ranks = {n - 1, 0, n / 2, n / 2, n / 3};
            double[] got = Quantiles.ranked(x, n, ranks);
            for (int i = 0; i < ranks.length; i++) {
                assertEquals(sorted[ranks[i]], got[i], 0.0, "n=" + n + " rank " + ranks[i]);
            }
            assertArrayEquals(copy, x, "n=" + n);
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> Quantiles.ranked(new double[] {1, 2}, 2, 2));
    }
}
