package org.mcsim.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.mcsim.report.SavedRun.SensitivityRow;

/**
 * The tornado chart of one output from sensitivity.csv: per input, a bar from the output's mean
 * to its mean where the input is at or below its 10% quantile ({@code mean_low}) and one to its
 * mean where the input is at or above its 90% quantile ({@code mean_high}). Inputs are sorted
 * by {@code sobol_total} when every input has one, else by bar width, the widest on top. The
 * bars start at the output's mean from summary.csv (for a claim's rows, output {@code P(NAME)},
 * at the claim's probability from claims.csv); without it, at the average of the bars'
 * midpoints, and no mean line is drawn. Stateless.
 */
final class TornadoChart {
    private static final double HALF_BAR = 0.36;

    /** One input's bar. */
    private record Bar(String input, double low, double high, double sobolTotal) {
        double width() {
            return Math.abs(high - low);
        }
    }

    private TornadoChart() {
    }

    /**
     * Draws the chart.
     *
     * @param run the run folder
     * @param output the output
     * @param rows its rows of sensitivity.csv
     * @return the chart, or empty when no input has both mean_low and mean_high
     */
    static Optional<Chart> create(SavedRun run, String output, List<SensitivityRow> rows) {
        List<Bar> bars = bars(rows);
        if (bars.isEmpty()) {
            return Optional.empty();
        }
        Optional<SavedRun.ClaimResult> claim = claimOf(run, output);
        Optional<Double> mean = (claim.isPresent() ? claim.map(c -> c.probability().value())
            : run.variable(output).flatMap(v -> v.stat("mean")).map(s -> s.estimate().value()))
            .filter(Double::isFinite);
        double base = mean.orElse(bars.stream().mapToDouble(b -> 0.5 * (b.low + b.high)).average()
            .orElse(0));
        String[] names = new String[bars.size()];
        for (int i = 0; i < bars.size(); i++) {
            names[i] = bars.get(bars.size() - 1 - i).input();
        }
        SymbolAxis inputs = new SymbolAxis("", names);
        inputs.setGridBandsVisible(false);
        ChartStyle.styleAxis(inputs);
        HumanNumbers numbers = run.numbers(output);
        XYPlot plot = ChartStyle.plot(dataset(bars, base), inputs,
            ChartStyle.axis(run.label(output), numbers), renderer());
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        mean.ifPresent(m -> plot.addRangeMarker(ChartStyle.marker(m, (claim.isPresent() ? output + " = "
            : "mean ") + numbers.format(m), ChartStyle.DARK, 0, RectangleAnchor.BOTTOM_RIGHT)));
        boolean sobol = bars.stream().allMatch(b -> Double.isFinite(b.sobolTotal()));
        JFreeChart chart = ChartStyle.chart("What moves " + output, (claim.isPresent() ? "" : "mean of ") + output
            + " where each input is at its low or high end; sorted by "
            + (sobol ? "total Sobol index" : "bar width"), plot, true);
        int height = Math.max(ChartStyle.HEIGHT, 170 + 40 * names.length);
        return Optional.of(new Chart(chart, ChartStyle.WIDTH, height));
    }

    /**
     * The claim whose indicator {@code sensitivity --claim} analysed, for rows whose output is
     * {@code P(NAME)}: the bars then start at its probability from claims.csv.
     */
    private static Optional<SavedRun.ClaimResult> claimOf(SavedRun run, String output) {
        if (!output.startsWith("P(") || !output.endsWith(")") || run.variable(output).isPresent()) {
            return Optional.empty();
        }
        String name = output.substring(2, output.length() - 1);
        return run.claims().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Two series of bars from the base, the widest input last (on top of a horizontal plot). */
    private static XYIntervalSeriesCollection dataset(List<Bar> bars, double base) {
        XYIntervalSeries lowSeries = new XYIntervalSeries("input at or below its 10% quantile");
        XYIntervalSeries highSeries = new XYIntervalSeries("input at or above its 90% quantile");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(bars.size() - 1 - i);
            lowSeries.add(i, i - HALF_BAR, i + HALF_BAR, bar.low(), Math.min(base, bar.low()),
                Math.max(base, bar.low()));
            highSeries.add(i, i - HALF_BAR, i + HALF_BAR, bar.high(), Math.min(base, bar.high()),
                Math.max(base, bar.high()));
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(lowSeries);
        data.addSeries(highSeries);
        return data;
    }

    private static XYBarRenderer renderer() {
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, new Color(0x56, 0xb4, 0xe9));
        renderer.setSeriesPaint(1, ChartStyle.ORANGE);
        return renderer;
    }

    private static List<Bar> bars(List<SensitivityRow> rows) {
        Map<String, Map<String, Double>> byInput = new LinkedHashMap<>();
        for (SensitivityRow row : rows) {
            if (row.estimate().defined()) {
                byInput.computeIfAbsent(row.input(), k -> new LinkedHashMap<>())
                    .put(row.index(), row.estimate().value());
            }
        }
        List<Bar> bars = new ArrayList<>();
        byInput.forEach((input, indices) -> {
            if (indices.containsKey("mean_low") && indices.containsKey("mean_high")) {
                bars.add(new Bar(input, indices.get("mean_low"), indices.get("mean_high"),
                    indices.getOrDefault("sobol_total", Double.NaN)));
            }
        });
        boolean sobol = bars.stream().allMatch(b -> Double.isFinite(b.sobolTotal()));
        bars.sort(sobol ? Comparator.comparingDouble(Bar::sobolTotal).reversed()
            : Comparator.comparingDouble(Bar::width).reversed());
        return bars;
    }
}
