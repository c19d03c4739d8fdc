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
import org.mcsim.stats.Quantiles;

/**
 * Turns merged run state into summaries with their Monte Carlo intervals (cli.md, summary.csv):
 * Student for the mean, the kurtosis-corrected delta method for the sd, the distribution-free
 * order-statistic interval for quantiles, Wilson's for claims.
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
        for (int v = 0; v < names.size(); v++) {
            Moments m = acc.moments[v];
            int o = indexOf(plan.outputVariables(), v);
            List<VariableSummary.QuantileEstimate> qs = List.of();
            VariableSummary.HistogramData hist = null;
            if (o >= 0) {
                double[] data = store[o];
                hist = new VariableSummary.HistogramData(
                    Histogram.edges(m.min(), m.max(), binsFor(m, set)),
                    Histogram.count(data, n, m.min(), m.max(), binsFor(m, set)));
                qs = quantiles(options.keepSamples() ? data.clone() : data, n, set.quantiles(), conf);
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
        return new RunResult(s, options.samples(), acc.samples, options.threads(), "samples", elapsed,
            variables, claims, options.keepSamples() ? store : null, "exact", List.of());
    }

    private static int binsFor(Moments m, Settings set) {
        return m.min() == m.max() ? 1 : set.histogramBins();
    }

    private static List<VariableSummary.QuantileEstimate> quantiles(double[] data, int n,
                                                                    List<QuantileLevel> levels, double conf) {
        double[] qs = levels.stream().mapToDouble(QuantileLevel::q).toArray();
        double[][] est = Quantiles.exact(data, n, qs, conf);
        List<VariableSummary.QuantileEstimate> out = new ArrayList<>(qs.length);
        for (int i = 0; i < qs.length; i++) {
            out.add(new VariableSummary.QuantileEstimate(levels.get(i).label(), qs[i],
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
