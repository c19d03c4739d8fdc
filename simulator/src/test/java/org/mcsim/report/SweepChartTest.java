package org.mcsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

/** A sweep line that hardly moves is drawn flat instead of stretched into a trend. */
class SweepChartTest {

    private static YIntervalSeriesCollection line(double... ys) {
        YIntervalSeries s = new YIntervalSeries("y");
        for (int i = 0; i < ys.length; i++) {
            s.add(i, ys[i], ys[i] - 1e-6, ys[i] + 1e-6);
        }
        YIntervalSeriesCollection c = new YIntervalSeriesCollection();
        c.addSeries(s);
        return c;
    }

    @Test
    void aLineVaryingInTheFifthDigitGetsARangeOfATenthOfItsLevel() {
        NumberAxis y = new NumberAxis();
        assertTrue(SweepChart.honestRange(y, line(1000.0, 1000.001, 1000.002), false));
        // a tenth of the top of the band
        assertEquals(0.1 * (1000.002 + 1e-6), y.getUpperBound() - y.getLowerBound(), 1e-9);
        assertTrue(y.getLowerBound() < 1000 && y.getUpperBound() > 1000.002);
    }

    @Test
    void aFlatProbabilityStaysWithinZeroAndOne() {
        NumberAxis y = new NumberAxis();
        assertTrue(SweepChart.honestRange(y, line(0.0, 0.0, 0.0001), true));
        assertEquals(0.0, y.getLowerBound());
        assertEquals(0.1, y.getUpperBound(), 1e-12);
    }

    @Test
    void aLineThatMovesKeepsItsAutomaticRange() {
        NumberAxis y = new NumberAxis();
        assertFalse(SweepChart.honestRange(y, line(10, 20, 30), false));
        assertTrue(y.isAutoRange());
    }
}
