package org.mcsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mcsim.engine.ClaimSummary;
import org.mcsim.engine.RunResult;
import org.mcsim.engine.VariableSummary;

/** The short table that {@code run} prints: outputs' means and quantiles, claims' probabilities. */
final class Table {
    private static final double[] PREFERRED = {0.05, 0.25, 0.5, 0.75, 0.95};

    private Table() {
    }

    static void print(RunResult r, PrintWriter out) {
        out.printf(Locale.ROOT, "%s: %d samples, seed %d, %s, %.2f s (%s samples/s)%n",
            r.scenario().name(), r.samples(), r.scenario().settings().seed(),
            r.scenario().settings().method().label(), r.elapsedNanos() / 1e9, human(r.samplesPerSecond()));
        List<VariableSummary> outs = r.variables().stream().filter(VariableSummary::output).toList();
        if (!outs.isEmpty()) {
            List<VariableSummary.QuantileEstimate> shown = pick(outs.get(0).quantiles());
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-16s %12s", "output", "mean"));
            shown.forEach(q -> head.append(String.format(Locale.ROOT, " %12s", q.label())));
            out.println(head);
            for (VariableSummary v : outs) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-16s %12s",
                    v.name(), human(v.mean().value())));
                for (VariableSummary.QuantileEstimate q : pick(v.quantiles())) {
                    row.append(String.format(Locale.ROOT, " %12s", human(q.estimate().value())));
                }
                out.println(row);
            }
        }
        for (ClaimSummary c : r.claims()) {
            out.printf(Locale.ROOT, "  claim %-10s P = %.4f  [%.4f, %.4f]  (%s)%n", c.name(),
                c.probability().value(), c.probability().low(), c.probability().high(), c.expression());
        }
        out.flush();
    }

    /** At most five quantiles: all of them, or those nearest to 5, 25, 50, 75 and 95%. */
    static List<VariableSummary.QuantileEstimate> pick(List<VariableSummary.QuantileEstimate> qs) {
        if (qs.size() <= PREFERRED.length) {
            return qs;
        }
        List<VariableSummary.QuantileEstimate> chosen = new ArrayList<>();
        for (double p : PREFERRED) {
            VariableSummary.QuantileEstimate best = null;
            for (VariableSummary.QuantileEstimate q : qs) {
                if (!chosen.contains(q) && (best == null || Math.abs(q.level() - p) < Math.abs(best.level() - p))) {
                    best = q;
                }
            }
            chosen.add(best);
        }
        chosen.sort((a, b) -> Double.compare(a.level(), b.level()));
        return chosen;
    }

    /** A number for people: four significant digits, SI-style suffixes for large values. */
    static String human(double x) {
        double a = Math.abs(x);
        if (a >= 1e12) {
            return String.format(Locale.ROOT, "%.4gT", x / 1e12);
        } else if (a >= 1e9) {
            return String.format(Locale.ROOT, "%.4gG", x / 1e9);
        } else if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.4gM", x / 1e6);
        } else if (a >= 1e4) {
            return String.format(Locale.ROOT, "%.4gk", x / 1e3);
        }
        return String.format(Locale.ROOT, "%.4g", x);
    }
}
