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
 * and {@code sweep-PARAM-P-CLAIM.png} per swept parameter and claim. Names are sanitized
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
        ChartSet set = new ChartSet(run, files);
        set.distributions();
        set.tornadoes();
        set.sweeps(run.sweep(), false);
        set.sweeps(run.sweepClaims(), true);
        return List.copyOf(set.figures);
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
