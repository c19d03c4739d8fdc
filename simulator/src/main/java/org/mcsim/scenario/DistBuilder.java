package org.mcsim.scenario;

import static org.mcsim.model.Dist.Truncated.MIN_KEPT;

import org.mcsim.dist.Samplers;
import org.mcsim.model.Dist;
import org.mcsim.scenario.Outline.WrittenDist;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Builds the canonical {@link Dist} of a written distribution: required parameters present,
 * the family's range rules ({@link Family#build}), truncation ({@code truncate: [lo, hi]}, null
 * for an open bound; lo &lt; hi; kept probability at least {@value Dist.Truncated#MIN_KEPT}) and finally the
 * sampler factory of the {@code dist} package as a last check, so that nothing past this point
 * sees a spec it cannot sample. Not thread-safe (one per check).
 */
final class DistBuilder {

    private final Values values;
    private final Problems problems;
    private final EmpiricalColumns columns;

    DistBuilder(Values values, EmpiricalColumns columns) {
        this.values = values;
        this.problems = values.problems();
        this.columns = columns;
    }

    /** The spec, or null after reporting every problem (or when {@code d} is null). */
    Dist build(WrittenDist d) {
        if (d == null || d.alt() < 0) {
            return null;
        }
        int before = problems.size();
        for (String name : d.family().parameterizations().get(d.alt()).required()) {
            if (!d.params().containsKey(name) && !values.overridden(d.label() + "." + name)) {
                problems.at(d.pos(), d.label() + ": missing " + name + "; " + d.family().usage());
            }
        }
        if (problems.size() > before) {
            return null;
        }
        Dist base = d.family().build(new Params(d, this, values), d.alt());
        if (base == null || problems.size() > before) {
            return null;
        }
        Dist out = truncate(d, base);
        if (out == null || problems.size() > before) {
            return null;
        }
        try {
            Samplers.of(out);
        } catch (IllegalArgumentException e) {
            // the sampler factory names the parameter first ("mean: must be at most 1e9, got 2e9")
            problems.at(d.pos(), d.label() + "." + e.getMessage());
            return null;
        }
        return out;
    }

    /** The sorted values of an empirical input's column, or null after reporting. */
    double[] column(String label, Field file, Field column) {
        return columns.column(label, file, column, problems);
    }

    private Dist truncate(WrittenDist d, Dist base) {
        String loPath = d.label() + ".truncate.lo";
        String hiPath = d.label() + ".truncate.hi";
        Field t = d.truncate();
        if (t == null && !values.overridden(loPath) && !values.overridden(hiPath)) {
            return base;
        }
        Pos at = t != null ? t.pos() : d.pos();
        if (!base.continuous()) {
            problems.at(at, d.label() + ".truncate: only continuous distributions can be truncated, and "
                + (d.family() == Family.MIXTURE ? "this mixture has a component that is not"
                : d.family().label() + " is not"));
            return null;
        }
        Node lo = null;
        Node hi = null;
        if (t != null) {
            var items = Nodes.items(t.value());
            if (items == null || items.size() != 2) {
                problems.at(at, d.label() + ".truncate: must be a list [lo, hi] (null for an open bound),"
                    + " not " + (items == null ? Nodes.kind(t.value()) : "a list of " + items.size()));
                return null;
            }
            lo = items.get(0);
            hi = items.get(1);
        }
        double a = bound(loPath, lo, Double.NEGATIVE_INFINITY);
        double b = bound(hiPath, hi, Double.POSITIVE_INFINITY);
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return null;
        }
        if (a >= b) {
            problems.at(hi != null ? Pos.of(hi) : at, hiPath + ": must be greater than lo ("
                + Problems.num(a) + "), got " + Problems.num(b));
            return null;
        }
        if (a == Double.NEGATIVE_INFINITY && b == Double.POSITIVE_INFINITY) {
            return base;
        }
        return kept(d, at, new Dist.Truncated(base, a, b));
    }

    private double bound(String path, Node node, double open) {
        if (values.overridden(path)) {
            return values.number(path, null);
        }
        if (node == null || Nodes.isNull(node)) {
            return open;
        }
        return values.item(node, path, Pos.of(node));
    }

    /** The truncated spec when it keeps enough probability; the dist package computes it. */
    private Dist kept(WrittenDist d, Pos at, Dist.Truncated t) {
        double kept;
        try {
            kept = Samplers.of(t).keptProbability();
        } catch (IllegalArgumentException e) {
            // the factory refuses a truncation keeping too little; say how little from the base law
            var base = Samplers.of(t.base());
            kept = Math.max(0, base.cdf(t.hi()) - base.cdf(t.lo()));
        }
        if (!(kept >= MIN_KEPT)) {
            problems.at(at, d.label() + ".truncate: keeps a probability of " + Problems.num(kept)
                + " of the distribution, below 1e-9");
            return null;
        }
        return t;
    }
}
