package org.mcsim.report;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.mcsim.report.RunFolder.ClaimResult;
import org.mcsim.report.RunFolder.Histogram;

/**
 * An output's histogram (as a density, with a smoothed curve) and its empirical CDF with a
 * Monte Carlo band and the claims' thresholds, both drawn from histogram.csv.
 *
 * <p>The CDF is the cumulative bin count over n at each bin's upper end, joined by straight
 * lines. Its band is the Dvoretzky–Kiefer–Wolfowitz bound with Massart's constant,
 * ε = sqrt(ln(2/α) / (2n)) with α = 0.05: the true CDF lies within ±ε of the empirical one
 * everywhere with probability at least 95% (P. Massart, "The tight constant in the
 * Dvoretzky–Kiefer–Wolfowitz inequality", Annals of Probability 18, 1990). Stateless.
 */
final class DistributionCharts {
    /** Most points of a CDF curve (plus its two ends). */
    static final int MAX_CDF_POINTS = 4000;
    /** Most bars of a histogram chart; finer histograms are drawn with adjacent bins merged. */
    static final int MAX_BARS = 200;

    private static final double ALPHA = 0.05;
    private static final int CURVE_POINTS = 400;

    private DistributionCharts() {
    }

    /**
     * The histogram chart of an output.
     *
     * @param run the run folder
     * @param h the output's histogram
     * @return the chart
     */
    static JFreeChart histogram(RunFolder run, Histogram all) {
        Histogram h = merged(all, MAX_BARS);
        HumanNumbers numbers = run.numbers(h.variable());
        boolean degenerate = BinDensity.degenerate(h);
        XYIntervalSeries bars = new XYIntervalSeries(degenerate ? "all samples" : "histogram (density)");
        XYSeriesCollection curve = new XYSeriesCollection();
        double v = h.lows()[0];
        NumberAxis x = ChartStyle.axis(run.label(h.variable()), numbers);
        NumberAxis y;
        String subtitle;
        if (degenerate) {
            double w = halfWidth(v) / 40;
            bars.add(v, v - w, v + w, 1, 1, 1);
            x.setRange(v - halfWidth(v), v + halfWidth(v));
            y = ChartStyle.axis("share of samples", HumanNumbers.plain());
            y.setRange(0, 1.08);
            subtitle = "every one of the " + count(h.total()) + " samples equals " + numbers.format(v);
        } else {
            double top = densities(h, bars, curve);
            y = ChartStyle.axis("probability density", HumanNumbers.plain());
            y.setRange(0, 1.08 * top);
            subtitle = count(h.total()) + " samples in " + all.counts().length + " bins"
                + (h == all ? "" : " (drawn as " + h.counts().length + ")") + meanText(run, h);
        }
        XYIntervalSeriesCollection barData = new XYIntervalSeriesCollection();
        barData.addSeries(bars);
        XYPlot plot = ChartStyle.plot(barData, x, y, barRenderer());
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setSeriesPaint(0, ChartStyle.BLUE.darker());
        lineRenderer.setSeriesStroke(0, ChartStyle.stroke(2.5f, false));
        plot.setDataset(1, curve);
        plot.setRenderer(1, lineRenderer);
        return ChartStyle.chart("Distribution of " + h.variable(), subtitle, plot, true);
    }

    /**
     * {@code h} with runs of adjacent bins added together so that at most {@code max} remain
     * (the same edges, every {@code k}-th kept), or {@code h} itself when it has no more: a
     * chart cannot show a million bars, and drawing and smoothing them took minutes.
     */
    static Histogram merged(Histogram h, int max) {
        int bins = h.counts().length;
        if (bins <= max) {
            return h;
        }
        int k = (bins + max - 1) / max;
        int m = (bins + k - 1) / k;
        double[] lows = new double[m];
        double[] highs = new double[m];
        long[] counts = new long[m];
        for (int j = 0; j < m; j++) {
            int first = j * k;
            int last = Math.min(bins, first + k) - 1;
            lows[j] = h.lows()[first];
            highs[j] = h.highs()[last];
            for (int i = first; i <= last; i++) {
                counts[j] += h.counts()[i];
            }
        }
        return new Histogram(h.variable(), lows, highs, counts);
    }

    /** Fills the bars and the smoothed curve; returns the highest density drawn. */
    private static double densities(Histogram h, XYIntervalSeries bars, XYSeriesCollection curve) {
        double[] density = BinDensity.bars(h);
        for (int i = 0; i < density.length; i++) {
            double mid = 0.5 * (h.lows()[i] + h.highs()[i]);
            bars.add(mid, h.lows()[i], h.highs()[i], density[i], density[i], density[i]);
        }
        double[][] smooth = BinDensity.smooth(h, CURVE_POINTS);
        XYSeries line = new XYSeries("smoothed (Gaussian kernel)", false, true);
        for (int i = 0; i < smooth[0].length; i++) {
            line.add(smooth[0][i], smooth[1][i]);
        }
        curve.addSeries(line);
        return Math.max(Arrays.stream(density).max().orElse(1), Arrays.stream(smooth[1]).max().orElse(1));
    }

    private static XYBarRenderer barRenderer() {
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, new Color(0x9e, 0xc5, 0xe8));
        renderer.setDrawBarOutline(true);
        renderer.setSeriesOutlinePaint(0, Color.WHITE);
        renderer.setSeriesOutlineStroke(0, ChartStyle.stroke(0.5f, false));
        return renderer;
    }

    /**
     * The CDF chart of an output, with a marker for each threshold claim on it.
     *
     * @param run the run folder
     * @param h the output's histogram
     * @param thresholds the threshold claims about this output
     * @return the chart
     */
    static JFreeChart cdf(RunFolder run, Histogram h, List<ClaimThreshold> thresholds) {
        double n = run.info().number("samples") > 0 ? run.info().number("samples") : h.total();
        double eps = Math.sqrt(Math.log(2 / ALPHA) / (2 * n));
        YIntervalSeries cdf = new YIntervalSeries("empirical CDF with 95% DKW band (\u00b1"
            + HumanNumbers.plain().format(eps) + ")");
        double lo = h.lows()[0];
        double hi = h.highs()[h.highs().length - 1];
        if (BinDensity.degenerate(h)) {
            double w = halfWidth(lo);
            addBanded(cdf, lo - w, 0, eps);
            addBanded(cdf, lo, 0, eps);
            addBanded(cdf, lo, 1, eps);
            addBanded(cdf, lo + w, 1, eps);
            lo -= w;
            hi += w;
        } else {
            addBanded(cdf, lo, 0, eps);
            long cumulative = 0;
            double total = h.total();
            int bins = h.counts().length;
            // A chart a thousand pixels wide shows at most a few thousand points; a monotone
            // curve drawn through every stride-th bin edge (and the last) loses nothing visible.
            int stride = (bins + MAX_CDF_POINTS - 1) / MAX_CDF_POINTS;
            for (int i = 0; i < bins; i++) {
                cumulative += h.counts()[i];
                if ((i + 1) % stride == 0 || i == bins - 1) {
                    addBanded(cdf, h.highs()[i], cumulative / total, eps);
                }
            }
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(cdf);
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setSeriesPaint(0, ChartStyle.BLUE);
        renderer.setSeriesFillPaint(0, ChartStyle.BLUE);
        renderer.setSeriesStroke(0, ChartStyle.stroke(2.5f, false));
        renderer.setAlpha(0.25f);
        NumberAxis x = ChartStyle.axis(run.label(h.variable()), run.numbers(h.variable()));
        NumberAxis y = ChartStyle.axis("P(" + h.variable() + " \u2264 x)", HumanNumbers.plain());
        y.setRange(0, 1.04);
        XYPlot plot = ChartStyle.plot(data, x, y, renderer);
        addThresholds(run, plot, x, thresholds, lo, hi);
        return ChartStyle.chart("Cumulative distribution of " + h.variable(),
            count(h.total()) + " samples; the band holds the true CDF everywhere with 95% probability",
            plot, true);
    }

    private static void addThresholds(RunFolder run, XYPlot plot, NumberAxis x,
        List<ClaimThreshold> thresholds, double lo, double hi) {
        double min = lo;
        double max = hi;
        for (ClaimThreshold t : thresholds) {
            min = Math.min(min, t.threshold());
            max = Math.max(max, t.threshold());
        }
        double pad = 0.03 * (max - min);
        x.setRange(min - pad, max + pad);
        for (int i = 0; i < thresholds.size(); i++) {
            ClaimThreshold t = thresholds.get(i);
            // A CDF rises from bottom left to top right: above-left and below-right of the
            // crossing are empty.
            boolean rightHalf = t.threshold() > min + 0.4 * (max - min);
            plot.addDomainMarker(ChartStyle.marker(t.threshold(), label(run, t), ChartStyle.ORANGE, i,
                rightHalf ? RectangleAnchor.TOP_LEFT : RectangleAnchor.BOTTOM_RIGHT));
        }
    }

    /** {@code 400x: P = 0.41 [0.40, 0.42]}, from claims.csv. */
    private static String label(RunFolder run, ClaimThreshold t) {
        for (ClaimResult claim : run.claims()) {
            if (claim.name().equals(t.claim())) {
                return t.claim() + ": P = " + HumanNumbers.probability(claim.probability().value(),
                    claim.low().value(), claim.high().value());
            }
        }
        return t.claim();
    }

    private static void addBanded(YIntervalSeries series, double x, double f, double eps) {
        series.add(x, f, Math.max(0, f - eps), Math.min(1, f + eps));
    }

    /** Half the axis range drawn around a single value. */
    private static double halfWidth(double v) {
        return 0.1 * Math.max(Math.abs(v), 1);
    }

    private static String meanText(RunFolder run, Histogram h) {
        return run.variable(h.variable()).flatMap(v -> v.stat("mean"))
            .map(s -> "; mean " + run.numbers(h.variable()).format(s.estimate().value())).orElse("");
    }

    static String count(long n) {
        return HumanNumbers.exact(Long.toString(n));
    }
}
