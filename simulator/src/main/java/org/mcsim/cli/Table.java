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
            // names longer than 16 characters widen the column rather than push their row out of line
            int width = Math.max(16, outs.stream().mapToInt(v -> v.name().length()).max().orElse(0));
            String first = "  %-" + width + "s %12s";
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, first, "output", "mean"));
            shown.forEach(q -> head.append(String.format(Locale.ROOT, " %12s", q.label())));
            out.println(head);
            for (VariableSummary v : outs) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, first,
                    v.name(), human(v.mean().value())));
                for (VariableSummary.QuantileEstimate q : pick(v.quantiles())) {
                    row.append(String.format(Locale.ROOT, " %12s", human(q.estimate().value())));
                }
                out.println(row);
            }
        }
        int claimWidth = Math.max(10, r.claims().stream().mapToInt(c -> c.name().length()).max().orElse(0));
        for (ClaimSummary c : r.claims()) {
            String p = probability(c.probability().value());
            out.printf(Locale.ROOT, "  claim %-" + claimWidth + "s P %s  %s  (%s)%n", c.name(),
                p.startsWith("<") || p.startsWith(">") ? p : "= " + p, interval(c.probability()), c.expression());
        }
        out.flush();
    }

    /** Digits of a probability in the tables. */
    private static final double RESOLUTION = 1e-4;

    /**
     * A probability at four decimals, or {@code < 0.0001} / {@code > 0.9999} where four decimals
     * would show 0.0000 or 1.0000, which read as "never" and "always": an estimate of 0 from a
     * finite sample says only that the probability is small (its interval says how small).
     */
    static String probability(double p) {
        if (p < RESOLUTION / 2) {
            return "< 0.0001";
        }
        if (p >= 1 - RESOLUTION / 2) {
            return "> 0.9999";
        }
        return String.format(Locale.ROOT, "%.4f", p);
    }

    /**
     * A probability's interval {@code [low, high]}: ends at four decimals, but an end that four
     * decimals would show as 0 or 1 without being it gets two significant digits
     * ({@code [0, 3.8e-5]}, {@code [0.999962, 1]}), and exact 0 and 1 are {@code 0} and {@code 1}.
     */
    static String interval(org.mcsim.engine.Estimate p) {
        return "[" + bound(p.low()) + ", " + bound(p.high()) + "]";
    }

    private static String bound(double b) {
        if (Double.isNaN(b)) {
            return "-";
        }
        if (b == 0 || b == 1) {
            return b == 0 ? "0" : "1";
        }
        if (b < RESOLUTION / 2) {
            String e = String.format(Locale.ROOT, "%.1e", b); // 3.8e-05
            return e.replaceFirst("e-0*", "e-");
        }
        if (b >= 1 - RESOLUTION / 2) {
            int digits = (int) Math.ceil(-Math.log10(1 - b)) + 1;
            return String.format(Locale.ROOT, "%." + digits + "f", b);
        }
        return String.format(Locale.ROOT, "%.4f", b);
    }

    /**
     * {@code v} to six significant digits in plain notation ({@code 300000000}, {@code 0.915901},
     * {@code 1.5e-9} below 1e-6): what {@code solve} prints; its CSV keeps every digit.
     */
    static String significant(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros();
        return Math.abs(v) < 1e-6 || Math.abs(v) >= 1e15 ? d.toString().replace("E", "e").replace("e+", "e")
            : d.toPlainString();
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
            return String.format(Locale.ROOT, "%.4gB", x / 1e9);
        } else if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.4gM", x / 1e6);
        } else if (a >= 1e4) {
            return String.format(Locale.ROOT, "%.4gk", x / 1e3);
        }
        return String.format(Locale.ROOT, "%.4g", x);
    }
}
