package org.mcsim.scenario;

import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads numbers: from an override when one is given for the path ({@code x.sd},
 * {@code years}), else from the written scalar's text by {@link NumberSyntax}. A value that
 * cannot be read is reported and returned as NaN (or {@link #NO_INTEGER}), which the range
 * checks then pass over silently. Not thread-safe (one per check).
 */
final class Values {

    /** What {@link #integer} returns after reporting a problem. */
    static final long NO_INTEGER = Long.MIN_VALUE;

    private final Map<String, Double> overrides;
    private final Problems problems;

    Values(Map<String, Double> overrides, Problems problems) {
        this.overrides = overrides;
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }

    /** True when an override is given for the path. */
    boolean overridden(String path) {
        return overrides.containsKey(path);
    }

    /** The number at {@code path}: its override, else the field's value; NaN when absent. */
    double number(String path, Field f) {
        Double o = overrides.get(path);
        if (o != null) {
            return o;
        }
        return f == null ? Double.NaN : item(f.value(), path, f.pos());
    }

    /** An integer at {@code path} (any number that is an exact integer). */
    long integer(String path, Field f) {
        Double o = overrides.get(path);
        if (o != null) {
            if (o != Math.rint(o) || Math.abs(o) >= 0x1p63) {
                problems.at(f == null ? Pos.START : f.pos(), path + ": must be an integer, got " + Problems.num(o));
                return NO_INTEGER;
            }
            return o.longValue();
        }
        if (f == null || !scalar(f.value(), path, f.pos())) {
            return NO_INTEGER;
        }
        try {
            return NumberSyntax.parseInteger(Nodes.text(f.value()));
        } catch (NumberFormatException e) {
            problems.at(f.pos(), path + ": " + e.getMessage());
            return NO_INTEGER;
        }
    }

    /** A number written at {@code node}, reported at {@code at} under {@code label}. */
    double item(Node node, String label, Pos at) {
        if (!scalar(node, label, at)) {
            return Double.NaN;
        }
        try {
            return NumberSyntax.parse(Nodes.text(node));
        } catch (NumberFormatException e) {
            problems.at(at, label + ": " + e.getMessage());
            return Double.NaN;
        }
    }

    /** Checks that the node is a plain, non-null scalar, which is how numbers are written. */
    private boolean scalar(Node node, String label, Pos at) {
        String why = null;
        if (!(node instanceof ScalarNode s)) {
            why = Nodes.kind(node);
        } else if (Nodes.isNull(node)) {
            why = "nothing";
        } else if (!s.isPlain()) {
            why = "the quoted text " + Nodes.kind(node) + " (write numbers without quotes)";
        }
        if (why != null) {
            problems.at(at, label + ": expected a number, got " + why);
        }
        return why == null;
    }
}
