package org.mcsim.sensitivity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mcsim.engine.ClaimSummary;
import org.mcsim.engine.Estimate;
import org.mcsim.engine.Plan;
import org.mcsim.engine.RunResult;
import org.mcsim.engine.VariableSummary;
import org.mcsim.expr.Suggestions;
import org.mcsim.model.QuantileLevel;
import org.mcsim.model.Scenario;
import org.mcsim.scenario.NumberSyntax;

/**
 * A solve target: {@code mean(VAR)=VALUE}, {@code p<100q>(VAR)=VALUE} for an output, or
 * {@code P(CLAIM)=VALUE}.
 *
 * @param text the target as given, trimmed
 * @param statistic what is targeted
 * @param name the variable or claim
 * @param level the quantile level, or null
 * @param value the value the statistic should take
 */
public record SolveTarget(String text, Statistic statistic, String name, QuantileLevel level, double value) {

    private static final Pattern SYNTAX = Pattern.compile(
        "\\s*(mean|p[0-9][0-9_.]*|P)\\s*\\(\\s*([A-Za-z0-9_][A-Za-z0-9_.,\\[\\]-]*)\\s*\\)\\s*=\\s*(\\S+)\\s*");

    /** The statistics a target can name. */
    public enum Statistic {
        /** The mean of a variable. */
        MEAN,
        /** A quantile of an output. */
        QUANTILE,
        /** The probability of a claim. */
        PROBABILITY
    }

    /**
     * Reads a target.
     *
     * @param text the option's value
     * @return the target
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static SolveTarget parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                "expected mean(VAR)=VALUE, p<100q>(VAR)=VALUE or P(CLAIM)=VALUE, got '" + text + "'");
        }
        double value = NumberSyntax.parse(m.group(3));
        String stat = m.group(1);
        if (stat.equals("mean")) {
            return new SolveTarget(text.trim(), Statistic.MEAN, m.group(2), null, value);
        }
        if (stat.equals("P")) {
            if (value < 0 || value > 1) {
                throw new IllegalArgumentException("a probability target must be in [0, 1], got " + m.group(3));
            }
            return new SolveTarget(text.trim(), Statistic.PROBABILITY, m.group(2), null, value);
        }
        return new SolveTarget(text.trim(), Statistic.QUANTILE, m.group(2), level(stat), value);
    }

    private static QuantileLevel level(String stat) {
        BigDecimal pct;
        try {
            pct = new BigDecimal(stat.substring(1).replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a quantile: '" + stat + "'");
        }
        QuantileLevel q = QuantileLevel.parse(pct.movePointLeft(2).toPlainString());
        if (!(q.q() >= 1e-6 && q.q() <= 1 - 1e-6)) {
            throw new IllegalArgumentException("a quantile must lie in [1e-6, 1-1e-6], got " + stat);
        }
        return q;
    }

    /**
     * Checks that the target names something of the scenario.
     *
     * @param s the scenario
     * @return null when it does, else the message (naming the unknown name)
     */
    public String check(Scenario s) {
        if (statistic == Statistic.PROBABILITY) {
            List<String> claims = s.claims().stream().map(c -> c.name()).toList();
            return claims.contains(name) ? null : unknown("claim", claims);
        }
        List<String> variables = Plan.variableNames(s);
        if (!variables.contains(name)) {
            return unknown("variable", variables);
        }
        if (statistic == Statistic.QUANTILE && !s.outputs().contains(name)) {
            return "--target " + text + ": " + name + " is not an output; quantiles are kept for " + s.outputs();
        }
        return null;
    }

    private String unknown(String what, List<String> known) {
        String near = Suggestions.nearest(name, new ArrayList<>(known));
        return "--target " + text + ": unknown " + what + " '" + name + "'"
            + (near == null ? "" : "; did you mean '" + near + "'?");
    }

    /** The targeted statistic in a run, with its Monte Carlo interval. */
    public Estimate in(RunResult r) {
        if (statistic == Statistic.PROBABILITY) {
            return r.claims().stream().filter(c -> c.name().equals(name)).findFirst()
                .map(ClaimSummary::probability).orElseThrow();
        }
        VariableSummary v = r.variable(name);
        if (statistic == Statistic.MEAN) {
            return v.mean();
        }
        return v.quantiles().stream().filter(q -> q.label().equals(level.label())).findFirst()
            .orElseThrow(() -> new IllegalStateException(level.label() + " of " + name + " was not computed"))
            .estimate();
    }

    /** The text of the statistic alone: {@code mean(total)}. */
    public String statisticText() {
        return text.substring(0, text.indexOf('=')).trim();
    }
}
