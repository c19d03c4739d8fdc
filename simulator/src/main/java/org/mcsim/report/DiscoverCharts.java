package org.mcsim.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mcsim.report.DiscoverFile.Discovered;
import org.mcsim.report.DiscoverFile.Step;
import org.mcsim.report.DiscoverFile.Value;

/**
 * The charts of discover.csv: the peeling trajectory (density against coverage on the check
 * sample, with their intervals as error bars, the searched sample's trajectory as a dashed line,
 * steps labelled where the number of restricted inputs changes and every tenth step, and the
 * chosen box marked) and each input's distribution given the claim true and false (p5–p95
 * whiskers, p25–p75 boxes and the median), on a common scale: sds of the input from its median
 * where the claim is false. Stateless.
 */
final class DiscoverCharts {
    private static final Color TRUE = ChartStyle.ORANGE;
    private static final Color FALSE = new Color(0x56, 0xb4, 0xe9);
    private static final List<String> QUANTILES = List.of("p5", "p25", "p50", "p75", "p95");

    private DiscoverCharts() {
    }

    /**
     * The trajectory chart.
     *
     * @param d one claim's discovery
     * @return the chart, or empty when the trajectory has no step with coverage and density
     */
    static Optional<Chart> trajectory(Discovered d) {
        // in step order, not sorted by coverage: the labels follow the items and the line the trajectory
        XYIntervalSeries check = new XYIntervalSeries("check sample (bars: Monte Carlo intervals)", false, true);
        XYSeries search = new XYSeries("searched sample", false, true);
        List<String> labels = new ArrayList<>();
        int restricted = -1;
        double lastX = Double.NaN;
        double lastY = Double.NaN;
        for (Step s : d.trajectory()) {
            Value c = s.get("coverage");
            Value den = s.get("density");
            if (!c.estimate().defined() || !den.estimate().defined()) {
                continue;
            }
            check.add(c.value(), low(c), high(c), den.value(), low(den), high(den));
            int r = (int) s.get("restricted").value();
            boolean wanted = r != restricted || s.step() % 10 == 0;
            // a label closer than 4% of the unit square to the last one would overprint it
            boolean room = Double.isNaN(lastX) || Math.abs(c.value() - lastX) > 0.04
                || Math.abs(den.value() - lastY) > 0.04;
            if (wanted && room) {
                labels.add(s.step() + (r != restricted ? " (" + r + ")" : ""));
                lastX = c.value();
                lastY = den.value();
            } else {
                labels.add("");
            }
            restricted = r;
            Value sc = s.get("search_coverage");
            Value sd = s.get("search_density");
            if (sc.estimate().defined() && sd.estimate().defined()) {
                search.add(sc.value(), sd.value());
            }
        }
        if (check.getItemCount() == 0) {
            return Optional.empty();
        }
        XYIntervalSeriesCollection checked = new XYIntervalSeriesCollection();
        checked.addSeries(check);
        NumberAxis x = ChartStyle.axis("coverage: share of claim-true samples inside the box", HumanNumbers.plain());
        // room right of coverage 1 for the labels of the first steps
        x.setUpperMargin(0.1);
        NumberAxis y = ChartStyle.axis("density: share of the box's samples where the claim holds",
            HumanNumbers.plain());
        XYErrorRenderer points = new XYErrorRenderer();
        points.setSeriesPaint(0, ChartStyle.BLUE);
        points.setErrorPaint(new Color(0x1f, 0x77, 0xb4, 120));
        points.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        points.setSeriesLinesVisible(0, true);
        points.setDefaultItemLabelGenerator((data, series, item) -> labels.get(item));
        points.setDefaultItemLabelsVisible(true);
        points.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        points.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
            TextAnchor.CENTER_LEFT));
        XYPlot plot = ChartStyle.plot(checked, x, y, points);
        XYSeriesCollection searched = new XYSeriesCollection(search);
        XYLineAndShapeRenderer dashed = new XYLineAndShapeRenderer(true, false);
        dashed.setSeriesPaint(0, Color.GRAY);
        dashed.setSeriesStroke(0, ChartStyle.stroke(1.5f, true));
        plot.setDataset(1, searched);
        plot.setRenderer(1, dashed);
        if (d.chosen() != null && d.chosen().get("coverage").estimate().defined()) {
            XYIntervalSeries box = new XYIntervalSeries("chosen box (step " + d.chosen().step()
                + (d.chosen().get("pasted").value() == 1 ? ", pasted" : "") + ")");
            Value c = d.chosen().get("coverage");
            Value den = d.chosen().get("density");
            box.add(c.value(), low(c), high(c), den.value(), low(den), high(den));
            XYIntervalSeriesCollection chosen = new XYIntervalSeriesCollection();
            chosen.addSeries(box);
            XYErrorRenderer mark = new XYErrorRenderer();
            mark.setSeriesPaint(0, TRUE);
            mark.setErrorPaint(TRUE);
            mark.setSeriesShape(0, new java.awt.geom.Rectangle2D.Double(-6, -6, 12, 12));
            plot.setDataset(2, chosen);
            plot.setRenderer(2, mark);
        }
        JFreeChart chart = ChartStyle.chart("Peeling trajectory of " + d.claim(),
            "each point a box; labels: step (restricted inputs) where that number changes, else every tenth step",
            plot, true);
        return Optional.of(Chart.standard(chart));
    }

    /**
     * The conditional distributions chart, inputs sorted by the size of their median shift.
     *
     * @param d one claim's discovery
     * @return the chart, or empty when no input has both distributions and an sd
     */
    static Optional<Chart> inputs(Discovered d) {
        record Row(String input, double[] t, double[] f, double shift) { }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, Value>> e : d.inputs().entrySet()) {
            Map<String, Value> v = e.getValue();
            double sd = v.getOrDefault("sd", Value.NONE).value();
            double[] t = quantiles(v, "_true");
            double[] f = quantiles(v, "_false");
            if (t == null || f == null || !(sd > 0)) {
                continue;
            }
            double origin = f[2];
            for (int q = 0; q < 5; q++) {
                t[q] = (t[q] - origin) / sd;
                f[q] = (f[q] - origin) / sd;
            }
            rows.add(new Row(e.getKey(), t, f, Math.abs(t[2] - f[2])));
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        rows.sort(Comparator.comparingDouble(Row::shift).reversed());
        XYIntervalSeries whiskerTrue = new XYIntervalSeries("claim holds: p5 to p95");
        XYIntervalSeries whiskerFalse = new XYIntervalSeries("claim fails: p5 to p95");
        XYIntervalSeries boxTrue = new XYIntervalSeries("claim holds: p25 to p75");
        XYIntervalSeries boxFalse = new XYIntervalSeries("claim fails: p25 to p75");
        XYIntervalSeries medians = new XYIntervalSeries("medians");
        String[] names = new String[rows.size()];
        double span = 0;
        for (Row r : rows) {
            span = Math.max(span, Math.max(Math.abs(r.t[0]), Math.abs(r.t[4])));
            span = Math.max(span, Math.max(Math.abs(r.f[0]), Math.abs(r.f[4])));
        }
        double tick = span / 150;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(rows.size() - 1 - i);
            names[i] = r.input();
            double up = i + 0.2;
            double down = i - 0.2;
            whiskerTrue.add(up, up - 0.02, up + 0.02, r.t[2], r.t[0], r.t[4]);
            whiskerFalse.add(down, down - 0.02, down + 0.02, r.f[2], r.f[0], r.f[4]);
            boxTrue.add(up, up - 0.15, up + 0.15, r.t[2], r.t[1], r.t[3]);
            boxFalse.add(down, down - 0.15, down + 0.15, r.f[2], r.f[1], r.f[3]);
            medians.add(up, up - 0.17, up + 0.17, r.t[2], r.t[2] - tick, r.t[2] + tick);
            medians.add(down, down - 0.17, down + 0.17, r.f[2], r.f[2] - tick, r.f[2] + tick);
        }
        SymbolAxis axis = new SymbolAxis("", names);
        axis.setGridBandsVisible(false);
        ChartStyle.styleAxis(axis);
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(boxTrue);
        data.addSeries(boxFalse);
        data.addSeries(whiskerTrue);
        data.addSeries(whiskerFalse);
        data.addSeries(medians);
        XYBarRenderer bars = new XYBarRenderer();
        bars.setUseYInterval(true);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, TRUE);
        bars.setSeriesPaint(1, FALSE);
        bars.setSeriesPaint(2, TRUE);
        bars.setSeriesPaint(3, FALSE);
        bars.setSeriesPaint(4, ChartStyle.DARK);
        bars.setSeriesVisibleInLegend(2, false);
        bars.setSeriesVisibleInLegend(3, false);
        XYPlot plot = ChartStyle.plot(data, axis, ChartStyle.axis(
            "sds of the input from its median where the claim fails", HumanNumbers.plain()), bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, ChartStyle.stroke(1f, true)));
        JFreeChart chart = ChartStyle.chart("Inputs where " + d.claim() + " holds and where it fails",
            "boxes p25 to p75, whiskers p5 to p95, dark tick the median (check sample); sorted by median shift",
            plot, true);
        int height = Math.max(ChartStyle.HEIGHT, 170 + 46 * names.length);
        return Optional.of(new Chart(chart, ChartStyle.WIDTH, height));
    }

    /** The five quantiles with that suffix, or null when one is undefined. */
    private static double[] quantiles(Map<String, Value> v, String suffix) {
        double[] q = new double[QUANTILES.size()];
        for (int i = 0; i < q.length; i++) {
            Value value = v.get(QUANTILES.get(i) + suffix);
            if (value == null || !value.estimate().defined()) {
                return null;
            }
            q[i] = value.value();
        }
        return q;
    }

    private static double low(Value v) {
        return v.low().defined() ? v.low().value() : v.value();
    }

    private static double high(Value v) {
        return v.high().defined() ? v.high().value() : v.value();
    }
}
