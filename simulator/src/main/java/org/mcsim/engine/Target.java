package org.mcsim.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mcsim.model.QuantileLevel;
import org.mcsim.model.Scenario;

/**
 * A precision target of {@code --until} (cli.md): {@code P(CLAIM)+-H}, {@code mean(VAR)+-H} or
 * {@code p<100q>(VAR)+-H}, met when the anytime-valid interval of the statistic has half-width at
 * most H.
 *
 * @param text the target as given
 * @param kind what is estimated
 * @param name the claim or output variable
 * @param level the quantile level q (quantiles only)
 * @param label the statistic's summary label ({@code mean}, {@code p50}; {@code P} for claims)
 * @param halfWidth the half-width H to reach
 */
public record Target(String text, Kind kind, String name, double level, String label, double halfWidth) {
    private static final Pattern FORM = Pattern.compile(
        "\\s*(P|mean|p[0-9]+(?:\\.[0-9]+)?)\\(\\s*([^()]+?)\\s*\\)\\s*\\+-\\s*(\\S+)\\s*");

    /** What a target estimates. */
    public enum Kind { PROBABILITY, MEAN, QUANTILE }

    /** Reads a target; IllegalArgumentException with a reason when malformed. */
    public static Target parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected P(CLAIM)+-H, mean(VAR)+-H or p<100q>(VAR)+-H, got '" + text + "'");
        }
        double h;
        try {
            h = Double.parseDouble(m.group(3).replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("half-width '" + m.group(3) + "' is not a number");
        }
        if (!(h > 0) || Double.isInfinite(h)) {
            throw new IllegalArgumentException("half-width must be positive, got " + m.group(3));
        }
        String stat = m.group(1);
        if (stat.equals("P")) {
            return new Target(text, Kind.PROBABILITY, m.group(2), Double.NaN, "P", h);
        }
        if (stat.equals("mean")) {
            return new Target(text, Kind.MEAN, m.group(2), Double.NaN, "mean", h);
        }
        QuantileLevel q = QuantileLevel.parse(
            new java.math.BigDecimal(stat.substring(1)).movePointLeft(2).toPlainString());
        if (!(q.q() >= 1e-6 && q.q() <= 1 - 1e-6)) {
            throw new IllegalArgumentException("quantile " + stat + " is outside p0.0001 .. p99.9999");
        }
        return new Target(text, Kind.QUANTILE, m.group(2), q.q(), q.label(), h);
    }

    /** The problem with this target in {@code s} (an unknown claim or a name that is not an output), or null. */
    public String check(Scenario s) {
        if (kind == Kind.PROBABILITY) {
            boolean known = s.claims().stream().anyMatch(c -> c.name().equals(name));
            return known ? null : "--until " + text + ": unknown claim '" + name + "'";
        }
        return s.outputs().contains(name) ? null
            : "--until " + text + ": '" + name + "' is not an output of " + s.name();
    }
}
