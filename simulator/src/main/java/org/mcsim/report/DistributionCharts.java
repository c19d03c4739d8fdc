package org.mcsim.report;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
import org.mcsim.report.SavedRun.ClaimResult;
import org.mcsim.report.SavedRun.Bins;

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
    static JFreeChart histogram(SavedRun run, Bins all) {
        int[] central = central(all, TAIL_SHARE);
        Bins h = merged(slice(all, central[0], central[1]), MAX_BARS);
        HumanNumbers numbers = run.numbers(h.variable());
        boolean degenerate = BinDensity.degenerate(h);
        XYIntervalSeries bars = new XYIntervalSeries(degenerate ? "all samples" : "histogram");
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
            double width = h.highs()[0] - h.lows()[0];
            // bars and curve as shares of all samples, those outside the drawn range included
            double top = densities(h, bars, curve, width * h.total() / (double) all.total());
            y = ChartStyle.axis("share of samples in a bar " + numbers.format(width) + " wide", HumanNumbers.plain());
            y.setRange(0, 1.08 * top);
            subtitle = count(all.total()) + " samples in " + all.counts().length + " bins"
                + (h.counts().length == all.counts().length ? "" : " (" + h.counts().length + " bars drawn)")
                + meanText(run, all) + outside(all, central, numbers);
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
     * chart cannot show a million bars, and drawing and smoothing them would take minutes.
     */
    static Bins merged(Bins h, int max) {
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
        return new Bins(h.variable(), lows, highs, counts);
    }

    /** Share of the samples each tail may hold outside the histogram chart's range. */
    static final double TAIL_SHARE = 0.005;

    /**
     * The bins {@code [first, last]} that hold the central part of the samples: at most
     * {@code tail} of them lie in the bins left out on each side. The whole range when cutting
     * would narrow the view by less than a third (a short tail is drawn as it is).
     */
    static int[] central(Bins h, double tail) {
        int bins = h.counts().length;
        long allowed = (long) Math.floor(tail * h.total());
        int first = 0;
        long below = 0;
        while (first < bins - 1 && below + h.counts()[first] <= allowed) {
            below += h.counts()[first++];
        }
        int last = bins - 1;
        long above = 0;
        while (last > first && above + h.counts()[last] <= allowed) {
            above += h.counts()[last--];
        }
        double full = h.highs()[bins - 1] - h.lows()[0];
        double kept = h.highs()[last] - h.lows()[first];
        return kept > 2.0 / 3 * full ? new int[] {0, bins - 1} : new int[] {first, last};
    }

    /** Bins {@code first..last} of {@code h}. */
    static Bins slice(Bins h, int first, int last) {
        if (first == 0 && last == h.counts().length - 1) {
            return h;
        }
        return new Bins(h.variable(), Arrays.copyOfRange(h.lows(), first, last + 1),
            Arrays.copyOfRange(h.highs(), first, last + 1), Arrays.copyOfRange(h.counts(), first, last + 1));
    }

    /** What the chart leaves out: {@code ; 0.4% of samples below 150x (down to 95x) ...}. */
    private static String outside(Bins h, int[] central, HumanNumbers numbers) {
        int bins = h.counts().length;
        if (central[0] == 0 && central[1] == bins - 1) {
            return "";
        }
        long below = 0;
        for (int i = 0; i < central[0]; i++) {
            below += h.counts()[i];
        }
        long above = 0;
        for (int i = central[1] + 1; i < bins; i++) {
            above += h.counts()[i];
        }
        List<String> parts = new java.util.ArrayList<>();
        if (below > 0) {
            parts.add(share(below, h.total()) + " below " + numbers.format(h.lows()[central[0]]) + " (down to "
                + numbers.format(h.lows()[0]) + ")");
        }
        if (above > 0) {
            parts.add(share(above, h.total()) + " above " + numbers.format(h.highs()[central[1]]) + " (up to "
                + numbers.format(h.highs()[bins - 1]) + ")");
        }
        return "; not drawn: " + String.join(", ", parts);
    }

    private static String share(long part, long total) {
        return String.format(Locale.ROOT, "%.2g%%", 100.0 * part / total);
    }

    /**
     * Fills the bars and the smoothed curve, densities of {@code h} times {@code scale} (a bar's
     * width times the share of all samples that {@code h} holds, so that bars read as shares of
     * the samples, where a density would read 1e-9 per dollar); returns the highest value drawn.
     */
    private static double densities(Bins h, XYIntervalSeries bars, XYSeriesCollection curve, double scale) {
        double[] density = BinDensity.bars(h);
        for (int i = 0; i < density.length; i++) {
            double mid = 0.5 * (h.lows()[i] + h.highs()[i]);
            density[i] *= scale;
            bars.add(mid, h.lows()[i], h.highs()[i], density[i], density[i], density[i]);
        }
        double[][] smooth = BinDensity.smooth(h, CURVE_POINTS);
        XYSeries line = new XYSeries("smoothed (Gaussian kernel)", false, true);
        for (int i = 0; i < smooth[0].length; i++) {
            smooth[1][i] *= scale;
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
    static JFreeChart cdf(SavedRun run, Bins h, List<ClaimThreshold> thresholds) {
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

    private static void addThresholds(SavedRun run, XYPlot plot, NumberAxis x,
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
    private static String label(SavedRun run, ClaimThreshold t) {
        for (ClaimResult claim : run.claims()) {
            if (claim.name().equals(t.claim())) {
                // The curve is P(X <= x): at the line it reads the probability of a "<" claim, and
                // one minus that of a ">" claim; the label says which, so that 0.34 is not read
                // off a curve that shows 0.66 there.
                // Short enough to fit beside its line; the interval is in the claims table.
                String p = HumanNumbers.probability(claim.probability().value(), Double.NaN, Double.NaN);
                String side = (t.above() ? "\u2265 " : "\u2264 ") + run.numbers(t.variable()).format(t.threshold());
                return t.claim() + ": P(" + side + ") = " + p + (t.above() ? " = 1 \u2212 curve" : " = curve");
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

    private static String meanText(SavedRun run, Bins h) {
        return run.variable(h.variable()).flatMap(v -> v.stat("mean"))
            .map(s -> "; mean " + run.numbers(h.variable()).format(s.estimate().value())).orElse("");
    }

    static String count(long n) {
        return HumanNumbers.exact(Long.toString(n));
    }
}
