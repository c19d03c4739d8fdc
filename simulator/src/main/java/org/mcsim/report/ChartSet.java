package org.mcsim.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.mcsim.report.SavedRun.ClaimResult;
import org.mcsim.report.SavedRun.Bins;
import org.mcsim.report.SavedRun.SensitivityRow;
import org.mcsim.report.SavedRun.SweepTable;

/**
 * Draws every chart of a run folder and writes each as a PNG through {@link StagedFiles}:
 * {@code hist-OUTPUT.png} and {@code cdf-OUTPUT.png} per output, {@code tornado-OUTPUT.png} per
 * output in sensitivity.csv, {@code sweep-PARAM-VARIABLE.png} per swept parameter and output,
 * and {@code sweep-PARAM-P-CLAIM.png} per swept parameter and claim, and with two or more swept
 * parameters {@code heatmap-PARAM-PARAM-P-CLAIM.png} per pair of them and claim, then
 * {@code heatmap-PARAM-PARAM-VARIABLE.png} per pair and output. Names are sanitized
 * (characters other than {@code [A-Za-z0-9_.-]} become {@code _}) and made unique with a
 * {@code -2}, {@code -3} suffix. Not thread-safe (one instance per report).
 */
final class ChartSet {
    private final SavedRun run;
    private final StagedFiles files;
    private final List<Figure> figures = new ArrayList<>();
    private final Set<String> names = new LinkedHashSet<>();

    private ChartSet(SavedRun run, StagedFiles files) {
        this.run = run;
        this.files = files;
    }

    /**
     * Draws and stages every chart.
     *
     * @param run the run folder
     * @param files where to write
     * @return the figures written, in page order
     * @throws IOException if a file cannot be written
     */
    static List<Figure> render(SavedRun run, StagedFiles files) throws IOException {
        return render(run, List.of(), files);
    }

    /**
     * Draws and stages every chart, and those of discover.csv last.
     *
     * @param run the run folder
     * @param discovered discover.csv's claims, empty when it is absent or not shown
     * @param files where to write
     * @return the figures written, in page order
     * @throws IOException if a file cannot be written
     */
    static List<Figure> render(SavedRun run, List<DiscoverFile.Discovered> discovered, StagedFiles files)
        throws IOException {
        ChartSet set = new ChartSet(run, files);
        set.distributions();
        set.tornadoes();
        set.sweeps(run.sweep(), false);
        set.sweeps(run.sweepClaims(), true);
        set.heatmaps(run.sweepClaims(), true);
        set.heatmaps(run.sweep(), false);
        set.discoveries(discovered);
        return List.copyOf(set.figures);
    }

    /** {@code discover-CLAIM-trajectory.png} and {@code discover-CLAIM-inputs.png} per claim. */
    private void discoveries(List<DiscoverFile.Discovered> discovered) throws IOException {
        for (DiscoverFile.Discovered d : discovered) {
            Optional<Chart> trajectory = DiscoverCharts.trajectory(d);
            if (trajectory.isPresent()) {
                add("discover-" + d.claim() + "-trajectory", trajectory.get(), Figure.Section.DISCOVER, d.claim(),
                    "Peeling trajectory of " + d.claim() + ": density against coverage");
            }
            Optional<Chart> inputs = DiscoverCharts.inputs(d);
            if (inputs.isPresent()) {
                add("discover-" + d.claim() + "-inputs", inputs.get(), Figure.Section.DISCOVER, d.claim(),
                    "Inputs where " + d.claim() + " holds and where it fails");
            }
        }
    }

    /**
     * A file name with every character outside {@code [A-Za-z0-9_.-]} replaced by {@code _}.
     *
     * @param name the raw name
     * @return the sanitized name
     */
    static String sanitize(String name) {
        return name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private void distributions() throws IOException {
        for (Bins h : run.histograms()) {
            List<ClaimThreshold> thresholds = new ArrayList<>();
            for (ClaimResult claim : run.claims()) {
                ClaimThreshold.parse(claim.name(), claim.expression(), run.info().constants())
                    .filter(t -> t.variable().equals(h.variable())).ifPresent(thresholds::add);
            }
            add("hist-" + h.variable(), Chart.standard(DistributionCharts.histogram(run, h)),
                Figure.Section.DISTRIBUTION, h.variable(), "Histogram of " + h.variable());
            add("cdf-" + h.variable(), Chart.standard(DistributionCharts.cdf(run, h, thresholds)),
                Figure.Section.DISTRIBUTION, h.variable(), "Cumulative distribution of " + h.variable()
                    + (thresholds.isEmpty() ? "" : " with claim thresholds"));
        }
    }

    private void tornadoes() throws IOException {
        for (Map.Entry<String, List<SensitivityRow>> entry : run.sensitivityByOutput().entrySet()) {
            Optional<Chart> chart = TornadoChart.create(run, entry.getKey(), entry.getValue());
            if (chart.isPresent()) {
                add("tornado-" + entry.getKey(), chart.get(), Figure.Section.TORNADO, entry.getKey(),
                    "Tornado chart of " + entry.getKey());
            }
        }
    }

    private void sweeps(SweepTable sweep, boolean claims) throws IOException {
        Set<String> subjects = new LinkedHashSet<>();
        sweep.rows().forEach(r -> subjects.add(r.subject()));
        String statistic = claims ? "probability" : "mean";
        for (int axis = 0; axis < sweep.parameters().size(); axis++) {
            String parameter = sweep.parameters().get(axis);
            for (String subject : subjects) {
                Optional<JFreeChart> chart = SweepChart.create(run, sweep, axis, subject, statistic);
                if (chart.isPresent()) {
                    String what = claims ? "P-" + subject : subject;
                    add("sweep-" + parameter + "-" + what, Chart.standard(chart.get()),
                        Figure.Section.SWEEP, parameter, (claims ? "Probability of " + subject
                            : "Mean of " + subject) + " against " + parameter);
                }
            }
        }
    }

    /**
     * A map per pair of swept parameters and subject, on the SWEEP section under the pair's
     * name ({@link #pair}).
     */
    private void heatmaps(SweepTable sweep, boolean claims) throws IOException {
        Set<String> subjects = new LinkedHashSet<>();
        sweep.rows().forEach(r -> subjects.add(r.subject()));
        String statistic = claims ? "probability" : "mean";
        List<String> parameters = sweep.parameters();
        for (int a = 0; a < parameters.size(); a++) {
            for (int b = a + 1; b < parameters.size(); b++) {
                for (String subject : subjects) {
                    Optional<Chart> chart = SweepHeatmap.create(run, sweep, a, b, subject, statistic);
                    if (chart.isPresent()) {
                        String pair = pair(parameters.get(a), parameters.get(b));
                        add("heatmap-" + parameters.get(a) + "-" + parameters.get(b) + "-"
                            + (claims ? "P-" + subject : subject), chart.get(), Figure.Section.SWEEP, pair,
                            (claims ? "Map of the probability of " + subject : "Map of the mean of " + subject)
                            + " over " + parameters.get(a) + " and " + parameters.get(b));
                    }
                }
            }
        }
    }

    /**
     * The subject under which the page shows the maps of two swept parameters.
     *
     * @param a the parameter across
     * @param b the parameter up
     * @return {@code a × b}
     */
    static String pair(String a, String b) {
        return a + " \u00d7 " + b;
    }

    private void add(String base, Chart chart, Figure.Section section, String subject, String alt)
        throws IOException {
        String stem = sanitize(base);
        String file = stem + ".png";
        for (int i = 2; names.contains(file); i++) {
            file = stem + "-" + i + ".png";
        }
        names.add(file);
        files.write(file, ChartStyle.png(chart.chart(), chart.width(), chart.height()));
        figures.add(new Figure(file, section, subject, alt));
    }
}
