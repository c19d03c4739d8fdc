package org.mcsim.report;

import org.jfree.chart.JFreeChart;

/**
 * A chart with the size to render it at.
 *
 * @param chart the chart
 * @param width PNG width in pixels
 * @param height PNG height in pixels
 */
record Chart(JFreeChart chart, int width, int height) {
    /**
     * A chart at the standard size.
     *
     * @param chart the chart
     * @return it, at {@link ChartStyle#WIDTH} × {@link ChartStyle#HEIGHT}
     */
    static Chart standard(JFreeChart chart) {
        return new Chart(chart, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }
}
