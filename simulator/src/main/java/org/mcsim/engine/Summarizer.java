package org.mcsim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mcsim.model.Claim;
import org.mcsim.model.QuantileLevel;
import org.mcsim.model.Scenario;
import org.mcsim.model.Settings;
import org.mcsim.stats.Histogram;
import org.mcsim.stats.Intervals;
import org.mcsim.stats.Moments;
import org.mcsim.stats.QuantileSketch;
import org.mcsim.stats.Quantiles;

/**
 * Turns merged run state into summaries with their Monte Carlo intervals (cli.md, summary.csv):
 * Student for the mean, the kurtosis-corrected delta method for the sd, the distribution-free
 * order-statistic interval for quantiles, Wilson's for claims. Quantiles and histograms come from
 * the kept samples (exact) or, above the engine's exact limit, from the combined sketches.
 */
final class Summarizer {
    private Summarizer() {
    }

    static RunResult summarize(Plan plan, RunOptions options, Accumulator acc, double[][] store,
                               long elapsedSoFar) {
        long start = System.nanoTime();
        Scenario s = plan.scenario();
        double conf = s.settings().confidence();
        int n = (int) acc.samples;
        List<String> names = Plan.variableNames(s);
        OutputStats[] outputs = outputStats(plan, options, acc, store);
        List<VariableSummary> variables = new ArrayList<>(names.size());
        for (int v = 0; v < names.size(); v++) {
            Moments m = acc.moments[v];
            int o = indexOf(plan.outputVariables(), v);
            variables.add(new VariableSummary(names.get(v), v < s.inputs().size() ? "input" : "formula",
                Estimate.of(m.mean(), Intervals.mean(m, conf)), Estimate.of(m.sd(), Intervals.sd(m, conf)),
                m.min(), m.max(), o < 0 ? List.of() : outputs[o].quantiles, o < 0 ? null : outputs[o].histogram));
        }
        List<ClaimSummary> claims = new ArrayList<>();
        for (int c = 0; c < s.claims().size(); c++) {
            Claim claim = s.claims().get(c);
            long hits = acc.hits[c];
            claims.add(new ClaimSummary(claim.name(), claim.text(), hits, n,
                Estimate.of((double) hits / n, Intervals.wilson(hits, n, conf))));
        }
        long elapsed = elapsedSoFar + System.nanoTime() - start;
        SketchSummary sketch = acc.sketches == null ? null
            : new SketchSummary(acc.sketches[0].accuracy(), Arrays.stream(outputs).map(x -> x.accuracy).toList());
        return new RunResult(s, options.samples(), acc.samples, options.threads(), "samples", elapsed,
            variables, claims, options.keepSamples() ? store : null, sketch == null ? "exact" : "sketch",
            List.of(), sketch);
    }

    /** Quantiles and histogram of one output, and the sketch's accuracy in sketch mode. */
    private record OutputStats(List<VariableSummary.QuantileEstimate> quantiles,
                               VariableSummary.HistogramData histogram, SketchSummary.Output accuracy) { }

    /**
     * Every output's quantiles and histogram, computed on up to {@code threads} threads (one
     * output per task: each result depends only on its output's samples, so not on the threads).
     */
    private static OutputStats[] outputStats(Plan plan, RunOptions options, Accumulator acc, double[][] store) {
        int count = plan.outputCount();
        OutputStats[] out = new OutputStats[count];
        int threads = Math.min(options.threads(), count);
        if (threads <= 1) {
            for (int o = 0; o < count; o++) {
                out[o] = outputStats(plan, options, acc, store, o);
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, Engine::daemon);
        try {
            List<Future<OutputStats>> futures = new ArrayList<>();
            for (int o = 0; o < count; o++) {
                int output = o;
                futures.add(pool.submit(() -> outputStats(plan, options, acc, store, output)));
            }
            for (int o = 0; o < count; o++) {
                out[o] = Engine.await(futures.get(o));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static OutputStats outputStats(Plan plan, RunOptions options, Accumulator acc, double[][] store, int o) {
        Settings set = plan.scenario().settings();
        Moments m = acc.moments[plan.outputVariable(o)];
        int bins = binsFor(m, set);
        double[] edges = Histogram.edges(m.min(), m.max(), bins);
        if (acc.sketches == null) {
            int n = (int) acc.samples;
            double[] data = store[o];
            long[] counts = Histogram.count(data, n, m.min(), m.max(), bins);
            double[][] est = Quantiles.exact(options.keepSamples() ? data.clone() : data, n, levels(set),
                set.confidence());
            return new OutputStats(quantiles(set.quantiles(), est), new VariableSummary.HistogramData(edges, counts),
                null);
        }
        QuantileSketch sketch = acc.sketches[o];
        if (sketch.count() != acc.samples) {
            throw new IllegalStateException("sketch of " + sketch.count() + " values for " + acc.samples
                + " merged samples");
        }
        long[] counts = Histogram.count(sketch, m.min(), m.max(), bins);
        double[][] est = Quantiles.fromSketch(sketch, m.min(), m.max(), levels(set), set.confidence());
        return new OutputStats(quantiles(set.quantiles(), est), new VariableSummary.HistogramData(edges, counts),
            accuracy(plan.scenario().outputs().get(o), sketch, est));
    }

    private static double[] levels(Settings set) {
        return set.quantiles().stream().mapToDouble(QuantileLevel::q).toArray();
    }

    /** Error bounds of the values read beside the Monte Carlo half-widths of the quantiles. */
    private static SketchSummary.Output accuracy(String name, QuantileSketch sketch, double[][] est) {
        double bound = 0;
        double half = Double.NaN;
        double ratio = Double.NaN;
        for (double[] e : est) {
            double b = 0;
            for (double x : e) {
                if (!Double.isNaN(x)) {
                    b = Math.max(b, sketch.errorBound(x));
                }
            }
            bound = Math.max(bound, b);
            double h = (e[2] - e[1]) / 2;
            if (!Double.isNaN(h)) {
                half = Double.isNaN(half) ? h : Math.min(half, h);
                double r = b / h;
                ratio = Double.isNaN(ratio) ? r : Math.max(ratio, r);
            }
        }
        return new SketchSummary.Output(name, sketch.center(), sketch.scale(), bound, half, ratio);
    }

    private static int binsFor(Moments m, Settings set) {
        return m.min() == m.max() ? 1 : set.histogramBins();
    }

    private static List<VariableSummary.QuantileEstimate> quantiles(List<QuantileLevel> levels, double[][] est) {
        List<VariableSummary.QuantileEstimate> out = new ArrayList<>(est.length);
        for (int i = 0; i < est.length; i++) {
            out.add(new VariableSummary.QuantileEstimate(levels.get(i).label(), levels.get(i).q(),
                new Estimate(est[i][0], est[i][1], est[i][2])));
        }
        return out;
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
