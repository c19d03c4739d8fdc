package org.mcsim.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void edgesAreEqualWidthAndEndExactlyAtMax() {
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, Histogram.edges(0, 1, 4));
        double[] e = Histogram.edges(0.1, 0.7, 3);
        assertEquals(4, e.length);
        assertEquals(0.1, e[0]);
        assertEquals(0.1 + 0.6 / 3, e[1], 1e-16);
        assertEquals(0.7, e[3]);
    }

    @Test
    void binIndexFollowsTheFormulaAndMaxGoesToLastBin() {
        double[] x = {0, 0.2499, 0.25, 0.5, 0.74, 0.99, 1.0, 1.0};
        assertArrayEquals(new long[] {2, 1, 2, 3}, Histogram.count(x, x.length, 0, 1, 4));
    }

    @Test
    void countsOnlyThePrefixAndSumToN() {
        double[] x = {3, 1, 2, 100};
        long[] c = Histogram.count(x, 3, 1, 3, 10);
        assertEquals(10, c.length);
        assertEquals(1, c[0]);
        assertEquals(1, c[5]);
        assertEquals(1, c[9]);
    }

    @Test
    void constantSampleHasOneBin() {
        double[] x = {2, 2, 2};
        assertArrayEquals(new long[] {3}, Histogram.count(x, 3, 2, 2, 100));
        assertArrayEquals(new double[] {2, 2}, Histogram.edges(2, 2, 100));
    }

    @Test
    void hugeRangeDoesNotOverflow() {
        double m = Double.MAX_VALUE;
        double[] x = {-m, 0, m};
        assertArrayEquals(new long[] {1, 2}, Histogram.count(x, 3, -m, m, 2));
        double[] e = Histogram.edges(-m, m, 2);
        assertEquals(-m, e[0]);
        assertEquals(0.0, e[1]);
        assertEquals(m, e[2]);
        assertTrue(Double.isFinite(e[1]));
    }

    @Test
    void rejectsValuesOutsideAndBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Histogram.count(new double[] {5}, 1, 0, 1, 2));
        assertTrue(e.getMessage().contains("5.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Histogram.edges(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Histogram.edges(1, 0, 3));
    }
}
