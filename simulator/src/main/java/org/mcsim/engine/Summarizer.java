package org.mcsim.engine;

import java.util.ArrayList;
import java.util.List;
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
        Settings set = s.settings();
        double conf = set.confidence();
        int n = (int) acc.samples;
        List<String> names = Plan.variableNames(s);
        int k = s.inputs().size();
        List<VariableSummary> variables = new ArrayList<>(names.size());
        List<SketchSummary.Output> sketched = new ArrayList<>();
        for (int v = 0; v < names.size(); v++) {
            Moments m = acc.moments[v];
            int o = indexOf(plan.outputVariables(), v);
            List<VariableSummary.QuantileEstimate> qs = List.of();
            VariableSummary.HistogramData hist = null;
            if (o >= 0) {
                double[] edges = Histogram.edges(m.min(), m.max(), binsFor(m, set));
                if (acc.sketches == null) {
                    double[] data = store[o];
                    hist = new VariableSummary.HistogramData(edges,
                        Histogram.count(data, n, m.min(), m.max(), binsFor(m, set)));
                    qs = quantiles(set.quantiles(), Quantiles.exact(options.keepSamples() ? data.clone() : data,
                        n, levels(set), conf));
                } else {
                    QuantileSketch sketch = acc.sketches[o];
                    if (sketch.count() != acc.samples) {
                        throw new IllegalStateException("sketch of " + sketch.count() + " values for "
                            + acc.samples + " merged samples");
                    }
                    hist = new VariableSummary.HistogramData(edges,
                        Histogram.count(sketch, m.min(), m.max(), binsFor(m, set)));
                    double[][] est = Quantiles.fromSketch(sketch, m.min(), m.max(), levels(set), conf);
                    qs = quantiles(set.quantiles(), est);
                    sketched.add(accuracy(names.get(v), sketch, est));
                }
            }
            variables.add(new VariableSummary(names.get(v), v < k ? "input" : "formula",
                Estimate.of(m.mean(), Intervals.mean(m, conf)), Estimate.of(m.sd(), Intervals.sd(m, conf)),
                m.min(), m.max(), qs, hist));
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
            : new SketchSummary(acc.sketches[0].accuracy(), sketched);
        return new RunResult(s, options.samples(), acc.samples, options.threads(), "samples", elapsed,
            variables, claims, options.keepSamples() ? store : null, sketch == null ? "exact" : "sketch",
            List.of(), sketch);
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
