package org.mcsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYDataset;

/**
 * The common look of every chart (fonts, colours, grid, human tick labels) and PNG rendering.
 *
 * <p>Charts are drawn headless: the class sets {@code java.awt.headless=true} when it is loaded,
 * before any AWT class is touched. Stateless; JFreeChart objects it creates are not shared.
 */
final class ChartStyle {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** PNG width in pixels. */
    static final int WIDTH = 960;
    /** PNG height in pixels. */
    static final int HEIGHT = 560;
    /** Bars and main lines. */
    static final Color BLUE = new Color(0x1f, 0x77, 0xb4);
    /** Second series, claim markers. */
    static final Color ORANGE = new Color(0xd6, 0x5f, 0x00);
    /** Smoothed lines and reference lines. */
    static final Color DARK = new Color(0x22, 0x22, 0x22);
    /** The palette for several lines, colour-blind safe (Okabe and Ito, 2008). */
    static final Color[] PALETTE = {BLUE, ORANGE, new Color(0x00, 0x9e, 0x73), new Color(0xcc, 0x79, 0xa7),
        new Color(0x56, 0xb4, 0xe9), new Color(0xe6, 0x9f, 0x00), new Color(0x00, 0x72, 0xb2), DARK};

    private static final String FAMILY = Font.SANS_SERIF;
    private static final Font TITLE = new Font(FAMILY, Font.BOLD, 20);
    private static final Font SUBTITLE = new Font(FAMILY, Font.PLAIN, 14);
    private static final Font LABEL = new Font(FAMILY, Font.PLAIN, 15);
    private static final Font TICK = new Font(FAMILY, Font.PLAIN, 13);
    private static final Font MARKER = new Font(FAMILY, Font.BOLD, 13);
    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);

    private ChartStyle() {
    }

    /**
     * A numeric axis with human tick labels.
     *
     * @param label the axis label
     * @param numbers the tick label formatter
     * @return the axis (zero not forced into the range)
     */
    static NumberAxis axis(String label, HumanNumbers numbers) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(new HumanTickUnits(numbers));
        axis.setAutoRangeIncludesZero(false);
        styleAxis(axis);
        return axis;
    }

    static void styleAxis(ValueAxis axis) {
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICK);
        axis.setLabelPaint(DARK);
        axis.setTickLabelPaint(DARK);
        // Taller label boxes make the axis choose fewer, roomier ticks.
        axis.setTickLabelInsets(new RectangleInsets(6, 6, 6, 6));
    }

    /**
     * An XY plot with a white background and a light grid.
     *
     * @param data the first dataset
     * @param x the domain axis
     * @param y the range axis
     * @param renderer the first dataset's renderer
     * @return the plot
     */
    static XYPlot plot(XYDataset data, ValueAxis x, ValueAxis y, XYItemRenderer renderer) {
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        return plot;
    }

    /**
     * A chart around a plot, with a title, an optional subtitle and a legend at the bottom.
     *
     * @param title the title
     * @param subtitle a smaller line under it, or empty
     * @param plot the plot
     * @param legend whether to show the legend
     * @return the chart
     */
    static JFreeChart chart(String title, String subtitle, XYPlot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.getTitle().setPaint(DARK);
        chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
        chart.setPadding(new RectangleInsets(10, 14, 10, 22));
        if (!subtitle.isEmpty()) {
            TextTitle sub = new TextTitle(subtitle, SUBTITLE);
            sub.setPaint(Color.DARK_GRAY);
            sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
            sub.setPadding(new RectangleInsets(2, 0, 8, 0));
            chart.addSubtitle(sub);
        }
        LegendTitle legendTitle = chart.getLegend();
        if (legendTitle != null) {
            legendTitle.setItemFont(TICK);
            legendTitle.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legendTitle.setPosition(RectangleEdge.BOTTOM);
        }
        return chart;
    }

    /**
     * A vertical (or, on a horizontal plot, horizontal) line at a value with a label beside it
     * in one corner of the plot. Labels of several markers on one chart are staggered by
     * {@code slot} so they do not overlap.
     *
     * @param value where to draw it
     * @param label its label, or empty
     * @param color its colour
     * @param slot the marker's index on the chart
     * @param corner where the label goes: {@code TOP_RIGHT} is right of the line at the top,
     *     {@code TOP_LEFT}, {@code BOTTOM_RIGHT} and {@code BOTTOM_LEFT} likewise
     * @return the marker
     */
    static ValueMarker marker(double value, String label, Color color, int slot, RectangleAnchor corner) {
        ValueMarker marker = new ValueMarker(value, color, stroke(2f, true));
        if (!label.isEmpty()) {
            boolean top = corner == RectangleAnchor.TOP_LEFT || corner == RectangleAnchor.TOP_RIGHT;
            boolean right = corner == RectangleAnchor.TOP_RIGHT || corner == RectangleAnchor.BOTTOM_RIGHT;
            marker.setLabel(label);
            marker.setLabelFont(MARKER);
            marker.setLabelPaint(color.darker());
            marker.setLabelBackgroundColor(new Color(255, 255, 255, 225));
            marker.setLabelAnchor(corner);
            marker.setLabelTextAnchor(top ? (right ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT)
                : (right ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_RIGHT));
            double stagger = 8 + 22 * (slot % 6);
            marker.setLabelOffset(new RectangleInsets(top ? stagger : 0, 6, top ? 0 : stagger, 6));
        }
        return marker;
    }

    static Stroke stroke(float width, boolean dashed) {
        return dashed ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {7f, 5f}, 0f) : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /**
     * Renders a chart as PNG bytes.
     *
     * @param chart the chart
     * @param width width in pixels
     * @param height height in pixels
     * @return the PNG file's content
     * @throws IOException if encoding fails
     */
    static byte[] png(JFreeChart chart, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        ChartUtils.writeChartAsPNG(out, chart, width, height);
        return out.toByteArray();
    }
}
