package org.mcsim.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.mcsim.report.SavedRun.SweepTable;
import org.mcsim.report.SavedRun.SweepRow;

/**
 * A line chart of one statistic (an output's mean, or a claim's probability) against one swept
 * parameter, with its Monte Carlo interval as a band.
 *
 * <p>With several swept parameters, each combination of the other parameters' values gets its
 * own line, as long as there are at most {@value #MAX_LINES} of them; beyond that, only the grid
 * points where every other parameter is at its first value (the value at point 0) are drawn,
 * and the subtitle says so. Stateless.
 */
final class SweepChart {
    /** Most lines on one chart before the other parameters are held at their first value. */
    static final int MAX_LINES = 6;
    private static final Set<String> SAME_UNIT = Set.of("value", "min", "max", "mode", "mean", "sd",
        "low", "high", "scale", "lo", "hi");

    private SweepChart() {
    }

    /**
     * Draws the chart.
     *
     * @param run the run folder
     * @param sweep sweep.csv or sweep-claims.csv
     * @param axis the index of the parameter on the horizontal axis
     * @param subject the variable or claim
     * @param statistic {@code mean} for a variable, {@code probability} for a claim
     * @return the chart, or empty when the file has no such rows
     */
    static Optional<JFreeChart> create(SavedRun run, SweepTable sweep, int axis, String subject,
        String statistic) {
        List<SweepRow> rows = sweep.rows().stream()
            .filter(r -> r.subject().equals(subject) && r.statistic().equals(statistic)).toList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<SweepRow>> lines = lines(run, sweep.parameters(), axis, rows);
        String note = "";
        if (lines.size() > MAX_LINES) {
            double[] first = rows.stream().min(Comparator.comparingLong(SweepRow::point)).orElseThrow()
                .values();
            List<SweepRow> held = rows.stream().filter(r -> othersAt(r.values(), first, axis)).toList();
            lines = lines(run, sweep.parameters(), axis, held);
            note = "; other parameters at their first value: " + lines.keySet().iterator().next();
        }
        boolean claim = statistic.equals("probability");
        String what = claim ? "P(" + subject + ")" : "mean of " + subject;
        YIntervalSeriesCollection data = dataset(lines, axis, what);
        String parameter = sweep.parameters().get(axis);
        NumberAxis x = ChartStyle.axis(withUnit(parameter, unit(run, parameter)),
            HumanNumbers.forVariable(parameter, unit(run, parameter)));
        NumberAxis y = ChartStyle.axis(claim ? what : "mean of " + run.label(subject),
            claim ? HumanNumbers.plain() : run.numbers(subject));
        boolean flat = honestRange(y, data, claim);
        if (flat) {
            note += "; flat: it varies by less than a tenth of its level";
        }
        XYPlot plot = ChartStyle.plot(data, x, y, renderer(data.getSeriesCount()));
        String title = (claim ? what : "Mean of " + subject) + " against " + parameter;
        return Optional.of(ChartStyle.chart(title, "band: Monte Carlo interval at each grid point" + note,
            plot, true));
    }

    /**
     * Sets the vertical range so that a line that hardly moves is drawn flat, not stretched over
     * the whole chart as auto-ranging would (a change in the fifth digit then looks like a trend):
     * the range is at least a tenth of the values' magnitude (0.1 for a probability, within
     * [0, 1]), centred on the data.
     *
     * @return whether the data spans less than that minimum
     */
    static boolean honestRange(NumberAxis y, YIntervalSeriesCollection data, boolean probability) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                lo = Math.min(lo, data.getStartYValue(s, i));
                hi = Math.max(hi, data.getEndYValue(s, i));
            }
        }
        if (!(lo <= hi)) {
            return false;
        }
        double minimum = probability ? 0.1 : 0.1 * Math.max(Math.abs(lo), Math.abs(hi));
        if (hi - lo >= minimum || minimum == 0) {
            return false;
        }
        double mid = 0.5 * (lo + hi);
        double from = mid - minimum / 2;
        double to = mid + minimum / 2;
        if (probability) {
            from = Math.max(0, Math.min(from, 1 - minimum));
            to = from + minimum;
        }
        y.setAutoRange(false);
        y.setRange(from, to);
        return true;
    }

    /** One series per line; a lone line is named after the statistic. */
    private static YIntervalSeriesCollection dataset(Map<String, List<SweepRow>> lines, int axis,
        String what) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Map.Entry<String, List<SweepRow>> line : lines.entrySet()) {
            String name = lines.size() == 1 || line.getKey().isEmpty() ? what : line.getKey();
            YIntervalSeries series = new YIntervalSeries(name);
            for (SweepRow r : line.getValue()) {
                double y = r.estimate().value();
                series.add(r.values()[axis], y, r.low().defined() ? r.low().value() : y,
                    r.high().defined() ? r.high().value() : y);
            }
            data.addSeries(series);
        }
        return data;
    }

    private static DeviationRenderer renderer(int series) {
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(0.2f);
        for (int i = 0; i < series; i++) {
            Color color = ChartStyle.PALETTE[i % ChartStyle.PALETTE.length];
            renderer.setSeriesPaint(i, color);
            renderer.setSeriesFillPaint(i, color);
            renderer.setSeriesStroke(i, ChartStyle.stroke(2.5f, false));
        }
        return renderer;
    }

    /** Rows grouped by the other parameters' values, labelled {@code years = 5, x.sd = 2}. */
    private static Map<String, List<SweepRow>> lines(SavedRun run, List<String> parameters, int axis,
        List<SweepRow> rows) {
        Map<String, List<SweepRow>> lines = new LinkedHashMap<>();
        for (SweepRow r : rows) {
            List<String> parts = new ArrayList<>();
            for (int k = 0; k < parameters.size(); k++) {
                if (k != axis) {
                    String p = parameters.get(k);
                    parts.add(p + " = " + HumanNumbers.forVariable(p, unit(run, p)).format(r.values()[k]));
                }
            }
            lines.computeIfAbsent(String.join(", ", parts), k -> new ArrayList<>()).add(r);
        }
        return lines;
    }

    private static boolean othersAt(double[] values, double[] first, int axis) {
        double[] a = Arrays.copyOf(values, values.length);
        double[] b = Arrays.copyOf(first, first.length);
        a[axis] = 0;
        b[axis] = 0;
        return Arrays.equals(a, b);
    }

    /**
     * The unit of a swept parameter: the input's unit for a parameter measured in it
     * ({@code p_h800.high}, {@code x.truncate.lo}), none otherwise ({@code x.sigma}, constants).
     *
     * @param run the run folder
     * @param parameter the column name, {@code NAME.PARAM} or {@code NAME}
     * @return the unit, empty when none
     */
    static String unit(SavedRun run, String parameter) {
        int dot = parameter.indexOf('.');
        if (dot < 0) {
            return "";
        }
        RunJson.InputInfo input = run.info().inputs().get(parameter.substring(0, dot));
        String last = parameter.substring(parameter.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return input != null && SAME_UNIT.contains(last) ? input.unit() : "";
    }

    private static String withUnit(String label, String unit) {
        return unit.isEmpty() ? label : label + " (" + unit + ")";
    }
}
