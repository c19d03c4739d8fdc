package org.mcsim.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.mcsim.report.SavedRun.SweepTable;
import org.mcsim.report.SavedRun.SweepRow;

/**
 * A heatmap of one statistic (a claim's probability, or an output's mean) over two swept
 * parameters: one coloured cell per grid point. On a claim's map the line where the probability
 * crosses 0.5 (where the claim flips) is drawn by marching squares, linear between grid points,
 * and a cell whose Monte Carlo interval contains 0.5 is outlined with a dashed line: at this
 * sample size it is not settled which side of the line it lies on. With more than two swept
 * parameters the others are held at their value at point 0, and the subtitle says so.
 *
 * <p>A line chart ({@link SweepChart}) shows one parameter at a time; a map shows how two
 * trade off, and where the claim holds. Stateless.
 */
final class SweepHeatmap {
    /** Grids with more cells than this get no number written in each cell. */
    static final int MAX_LABELLED = 144;
    /** The probability where a claim flips. */
    static final double FLIP = 0.5;
    private static final Color LOW = new Color(0x21, 0x66, 0xac);
    private static final Color MIDDLE = new Color(0xf7, 0xf7, 0xf7);
    private static final Color HIGH = new Color(0xb3, 0x58, 0x06);
    private static final Font CELL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    /** The map's values on the grid: {@code z[i][j]} at {@code (xs[i], ys[j])}, NaN where missing. */
    record Grid(double[] xs, double[] ys, double[][] z, double[][] low, double[][] high) { }

    private SweepHeatmap() {
    }

    /**
     * Draws the map.
     *
     * @param run the run folder
     * @param sweep sweep.csv or sweep-claims.csv
     * @param xAxis the index of the parameter across
     * @param yAxis the index of the parameter up
     * @param subject the variable or claim
     * @param statistic {@code mean} for a variable, {@code probability} for a claim
     * @return the chart, or empty when the file has no such rows or either parameter takes one value
     */
    static Optional<Chart> create(SavedRun run, SweepTable sweep, int xAxis, int yAxis, String subject,
        String statistic) {
        List<SweepRow> rows = sweep.rows().stream()
            .filter(r -> r.subject().equals(subject) && r.statistic().equals(statistic)).toList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        double[] first = rows.stream().min(Comparator.comparingLong(SweepRow::point)).orElseThrow().values();
        rows = rows.stream().filter(r -> othersAt(r.values(), first, xAxis, yAxis)).toList();
        Grid grid = grid(rows, xAxis, yAxis);
        if (grid.xs().length < 2 || grid.ys().length < 2) {
            return Optional.empty();
        }
        boolean claim = statistic.equals("probability");
        List<String> parameters = sweep.parameters();
        String what = claim ? "P(" + subject + ")" : "mean of " + subject;
        HumanNumbers numbers = claim ? HumanNumbers.plain() : run.numbers(subject);
        NumberAxis x = axis(run, parameters.get(xAxis), grid.xs());
        NumberAxis y = axis(run, parameters.get(yAxis), grid.ys());
        PaintScale scale = claim ? new Ramp(0, 1, LOW, MIDDLE, HIGH) : sequential(grid.z());
        XYPlot plot = ChartStyle.plot(dataset(grid), x, y, renderer(grid, scale));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        StringBuilder note = new StringBuilder();
        if (claim) {
            List<double[]> segments = contour(grid, FLIP);
            segments.forEach(s -> plot.addAnnotation(new XYLineAnnotation(s[0], s[1], s[2], s[3],
                ChartStyle.stroke(3.5f, false), ChartStyle.DARK)));
            note.append(segments.isEmpty() ? what + side(grid) + " 0.5 everywhere on this grid"
                : "black line: " + what + " = 0.5, where the claim flips; dashed cell: its Monte Carlo interval "
                + "contains 0.5");
            outlineUndecided(plot, grid);
        } else {
            note.append("colour: ").append(what).append(" at each grid point");
        }
        if (grid.xs().length * grid.ys().length <= MAX_LABELLED) {
            label(plot, grid, scale, claim ? v -> String.format(Locale.ROOT, "%.2f", v) : numbers::format);
        }
        List<String> held = held(run, parameters, first, xAxis, yAxis);
        if (!held.isEmpty()) {
            note.append("; held at ").append(String.join(", ", held));
        }
        String title = (claim ? what : "Mean of " + subject) + " over " + parameters.get(xAxis) + " and "
            + parameters.get(yAxis);
        JFreeChart chart = ChartStyle.chart(title, note.toString(), plot, false);
        chart.addSubtitle(legend(scale, claim ? what : "mean of " + run.label(subject), numbers));
        return Optional.of(new Chart(chart, ChartStyle.WIDTH, ChartStyle.HEIGHT + 80));
    }

    /** The other parameters and the values they are held at, {@code years = 4}. */
    private static List<String> held(SavedRun run, List<String> parameters, double[] first, int xAxis, int yAxis) {
        List<String> held = new ArrayList<>();
        for (int k = 0; k < parameters.size(); k++) {
            if (k != xAxis && k != yAxis) {
                held.add(parameters.get(k) + " = " + HumanNumbers.forVariable(parameters.get(k),
                    SweepChart.unit(run, parameters.get(k))).format(first[k]));
            }
        }
        return held;
    }

    /** The rows on the grid of the two parameters, each value with its interval. */
    static Grid grid(List<SweepRow> rows, int xAxis, int yAxis) {
        double[] xs = distinct(rows, xAxis);
        double[] ys = distinct(rows, yAxis);
        double[][] z = nan(xs.length, ys.length);
        double[][] low = nan(xs.length, ys.length);
        double[][] high = nan(xs.length, ys.length);
        for (SweepRow r : rows) {
            int i = Arrays.binarySearch(xs, r.values()[xAxis]);
            int j = Arrays.binarySearch(ys, r.values()[yAxis]);
            z[i][j] = r.estimate().value();
            low[i][j] = r.low().value();
            high[i][j] = r.high().value();
        }
        return new Grid(xs, ys, z, low, high);
    }

    /**
     * The line where the grid's values cross {@code level}, by marching squares (W. E. Lorensen
     * &amp; H. E. Cline, "Marching cubes", SIGGRAPH 1987, in two dimensions): in each cell of four
     * grid points, a crossing on each side whose two ends lie on either side of the level (at or
     * above it counts as above), placed by linear interpolation; two crossings are joined by a
     * segment, and four (a saddle) are joined as the cell's centre decides ({@link #saddle}).
     * Cells with a missing corner are skipped.
     *
     * @param g the grid
     * @param level the level
     * @return segments {@code {x1, y1, x2, y2}}
     */
    static List<double[]> contour(Grid g, double level) {
        List<double[]> segments = new ArrayList<>();
        for (int i = 0; i + 1 < g.xs().length; i++) {
            for (int j = 0; j + 1 < g.ys().length; j++) {
                // corners counter-clockwise from the bottom left: a, b, c, d
                double[] cx = {g.xs()[i], g.xs()[i + 1], g.xs()[i + 1], g.xs()[i]};
                double[] cy = {g.ys()[j], g.ys()[j], g.ys()[j + 1], g.ys()[j + 1]};
                double[] v = {g.z()[i][j], g.z()[i + 1][j], g.z()[i + 1][j + 1], g.z()[i][j + 1]};
                if (Arrays.stream(v).anyMatch(Double::isNaN)) {
                    continue;
                }
                List<double[]> points = new ArrayList<>();
                for (int c = 0; c < 4; c++) {
                    double[] p = crossing(cx, cy, v, c, (c + 1) % 4, level);
                    if (p != null) {
                        points.add(p);
                    }
                }
                if (points.size() == 2) {
                    segments.add(new double[] {points.get(0)[0], points.get(0)[1], points.get(1)[0], points.get(1)[1]});
                } else if (points.size() == 4) {
                    saddle(cx, cy, v, level, segments);
                }
            }
        }
        return segments;
    }

    /**
     * The saddle, two opposite corners above the level and two below: the centre (the mean of
     * the corners) decides which pair is joined through the cell, and a segment cuts off each
     * corner of the other pair.
     */
    private static void saddle(double[] cx, double[] cy, double[] v, double level, List<double[]> segments) {
        boolean centre = (v[0] + v[1] + v[2] + v[3]) / 4 >= level;
        for (int c = 0; c < 4; c++) {
            if ((v[c] >= level) != centre) {
                double[] p = crossing(cx, cy, v, (c + 3) % 4, c, level);
                double[] q = crossing(cx, cy, v, c, (c + 1) % 4, level);
                segments.add(new double[] {p[0], p[1], q[0], q[1]});
            }
        }
    }

    /** Where the level crosses the side from corner a to corner b, or null when it does not. */
    private static double[] crossing(double[] cx, double[] cy, double[] v, int a, int b, double level) {
        if ((v[a] >= level) == (v[b] >= level)) {
            return null;
        }
        double t = (level - v[a]) / (v[b] - v[a]);
        return new double[] {cx[a] + t * (cx[b] - cx[a]), cy[a] + t * (cy[b] - cy[a])};
    }

    private static String side(Grid g) {
        boolean above = Arrays.stream(g.z()).flatMapToDouble(Arrays::stream).filter(v -> !Double.isNaN(v))
            .allMatch(v -> v >= FLIP);
        return above ? " is at or above" : " is below";
    }

    private static void outlineUndecided(XYPlot plot, Grid g) {
        double w = step(g.xs());
        double h = step(g.ys());
        for (int i = 0; i < g.xs().length; i++) {
            for (int j = 0; j < g.ys().length; j++) {
                if (g.low()[i][j] <= FLIP && FLIP <= g.high()[i][j]) {
                    double inset = 0.06;
                    plot.addAnnotation(new XYShapeAnnotation(new Rectangle2D.Double(
                        g.xs()[i] - w * (0.5 - inset), g.ys()[j] - h * (0.5 - inset), w * (1 - 2 * inset),
                        h * (1 - 2 * inset)), ChartStyle.stroke(1.5f, true), ChartStyle.DARK));
                }
            }
        }
    }

    private static void label(XYPlot plot, Grid g, PaintScale scale,
        java.util.function.DoubleFunction<String> format) {
        for (int i = 0; i < g.xs().length; i++) {
            for (int j = 0; j < g.ys().length; j++) {
                double v = g.z()[i][j];
                if (!Double.isNaN(v)) {
                    XYTextAnnotation text = new XYTextAnnotation(format.apply(v), g.xs()[i], g.ys()[j]);
                    text.setFont(CELL);
                    text.setPaint(dark((Color) scale.getPaint(v)) ? Color.WHITE : ChartStyle.DARK);
                    plot.addAnnotation(text);
                }
            }
        }
    }

    /** Whether white text reads better than dark on this colour (relative luminance below 0.4). */
    private static boolean dark(Color c) {
        double l = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return l < 0.4 * 255;
    }

    private static DefaultXYZDataset dataset(Grid g) {
        int n = g.xs().length * g.ys().length;
        double[][] series = new double[3][n];
        int k = 0;
        for (int i = 0; i < g.xs().length; i++) {
            for (int j = 0; j < g.ys().length; j++) {
                series[0][k] = g.xs()[i];
                series[1][k] = g.ys()[j];
                series[2][k++] = g.z()[i][j];
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("map", series);
        return data;
    }

    private static XYBlockRenderer renderer(Grid g, PaintScale scale) {
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(step(g.xs()));
        renderer.setBlockHeight(step(g.ys()));
        renderer.setPaintScale(scale);
        return renderer;
    }

    /** The axis of a swept parameter, spanning its cells exactly. */
    private static NumberAxis axis(SavedRun run, String parameter, double[] values) {
        String unit = SweepChart.unit(run, parameter);
        NumberAxis axis = ChartStyle.axis(unit.isEmpty() ? parameter : parameter + " (" + unit + ")",
            HumanNumbers.forVariable(parameter, unit));
        double half = step(values) / 2;
        axis.setRange(values[0] - half, values[values.length - 1] + half);
        return axis;
    }

    private static PaintScaleLegend legend(PaintScale scale, String label, HumanNumbers numbers) {
        NumberAxis axis = ChartStyle.axis(label, numbers);
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(18);
        legend.setAxisOffset(4);
        legend.setMargin(new RectangleInsets(40, 12, 60, 0));
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        return legend;
    }

    /** White to blue over the values' range (a constant map gets a unit range around its value). */
    private static PaintScale sequential(double[][] z) {
        double lo = Arrays.stream(z).flatMapToDouble(Arrays::stream).filter(v -> !Double.isNaN(v)).min().orElse(0);
        double hi = Arrays.stream(z).flatMapToDouble(Arrays::stream).filter(v -> !Double.isNaN(v)).max().orElse(1);
        if (!(hi > lo)) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.05;
            lo -= pad;
            hi += pad;
        }
        return new Ramp(lo, hi, MIDDLE, new Color(0x92, 0xc5, 0xde), LOW);
    }

    /**
     * Colours interpolated linearly from {@code from} at the lower bound through {@code middle}
     * to {@code to} at the upper bound; NaN is drawn as light grey.
     */
    private record Ramp(double lower, double upper, Color from, Color middle, Color to) implements PaintScale {
        @Override
        public double getLowerBound() {
            return lower;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public java.awt.Paint getPaint(double value) {
            if (Double.isNaN(value)) {
                return Color.LIGHT_GRAY;
            }
            double t = Math.max(0, Math.min(1, (value - lower) / (upper - lower)));
            return t < 0.5 ? mix(from, middle, 2 * t) : mix(middle, to, 2 * t - 1);
        }

        private static Color mix(Color a, Color b, double t) {
            return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
        }
    }

    /** The grid's spacing: the smallest gap between neighbouring values (sweeps are evenly spaced). */
    private static double step(double[] values) {
        double step = Double.POSITIVE_INFINITY;
        for (int i = 1; i < values.length; i++) {
            step = Math.min(step, values[i] - values[i - 1]);
        }
        return step;
    }

    private static double[] distinct(List<SweepRow> rows, int axis) {
        TreeSet<Double> values = new TreeSet<>();
        rows.forEach(r -> values.add(r.values()[axis]));
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[][] nan(int a, int b) {
        double[][] out = new double[a][b];
        for (double[] row : out) {
            Arrays.fill(row, Double.NaN);
        }
        return out;
    }

    private static boolean othersAt(double[] values, double[] first, int xAxis, int yAxis) {
        for (int k = 0; k < values.length; k++) {
            if (k != xAxis && k != yAxis && Double.compare(values[k], first[k]) != 0) {
                return false;
            }
        }
        return true;
    }
}
