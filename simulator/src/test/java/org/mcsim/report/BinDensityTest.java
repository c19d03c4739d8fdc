package org.mcsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mcsim.report.SavedRun.Bins;

class BinDensityTest {
    private static Bins bins(double lo, double hi, long[] counts) {
        int b = counts.length;
        double[] lows = new double[b];
        double[] highs = new double[b];
        for (int i = 0; i < b; i++) {
            lows[i] = lo + (hi - lo) * i / b;
            highs[i] = lo + (hi - lo) * (i + 1) / b;
        }
        return new Bins("x", lows, highs, counts);
    }

    @Test
    void flatHistogramSmoothsToItsHeightUpToTheEdges() {
        long[] counts = new long[100];
        java.util.Arrays.fill(counts, 100);
        Bins h = bins(0, 10, counts);
        // Uniform on [0, 10]: density 0.1; reflection at both ends keeps it flat there too.
        for (double d : BinDensity.bars(h)) {
            assertEquals(0.1, d, 1e-12);
        }
        double[][] curve = BinDensity.smooth(h, 101);
        for (double y : curve[1]) {
            assertEquals(0.1, y, 0.002);
        }
        assertEquals(2.5, BinDensity.quantile(h, 0.25), 1e-9);
    }

    @Test
    void normalHistogramSmoothsToTheNormalDensityWidenedByTheBandwidth() {
        // Counts of 10^6 N(0,1) samples in 200 bins over [-5, 5], from the exact normal CDF.
        int b = 200;
        long[] counts = new long[b];
        org.apache.commons.statistics.distribution.NormalDistribution normal =
            org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1);
        for (int i = 0; i < b; i++) {
            double p = normal.probability(-5 + 10.0 * i / b, -5 + 10.0 * (i + 1) / b);
            counts[i] = Math.round(1e6 * p);
        }
        Bins h = bins(-5, 5, counts);
        double bandwidth = BinDensity.bandwidth(h);
        // Silverman: 0.9 * 1 * n^(-1/5) = 0.0568 for n = 1e6, floored at the bin width 0.05.
        assertEquals(0.0568, bandwidth, 0.002);
        double[][] curve = BinDensity.smooth(h, 201);
        // Smoothing N(0,1) with a Gaussian kernel gives N(0, 1 + h^2 + w^2/12) (bins add w^2/12).
        double sd = Math.sqrt(1 + bandwidth * bandwidth + 0.05 * 0.05 / 12);
        assertEquals(1 / (sd * Math.sqrt(2 * Math.PI)), curve[1][100], 1e-3);
        assertEquals(0, BinDensity.quantile(h, 0.5), 1e-3);
    }

    @Test
    void aSingleValueIsDegenerate() {
        Bins single = new Bins("x", new double[] {3}, new double[] {3}, new long[] {7});
        assertTrue(BinDensity.degenerate(single));
        assertFalse(BinDensity.degenerate(bins(0, 1, new long[] {1, 2})));
    }
}
