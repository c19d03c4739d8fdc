package org.mcsim.scenario;

import java.util.ArrayList;
import java.util.List;
import org.mcsim.model.Dist;
import org.mcsim.scenario.Outline.WrittenComponent;
import org.mcsim.scenario.Outline.WrittenDist;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The parameters of one written distribution with their overrides, and the range rules that
 * {@link Family} applies to them. Every rule reports at the key it names (for a rule between
 * two parameters, the later of the two keys) as {@code LABEL.PARAM: message}, and returns
 * whether it holds; a value that could not be read (NaN) fails silently, as it is already
 * reported. Not thread-safe (one per distribution and check).
 */
final class Params {

    private final WrittenDist d;
    private final DistBuilder builder;
    private final Values values;
    private final Problems problems;

    Params(WrittenDist d, DistBuilder builder, Values values) {
        this.d = d;
        this.builder = builder;
        this.values = values;
        this.problems = values.problems();
    }

    private String path(String name) {
        return d.label() + "." + name;
    }

    /** Where a parameter is written; the input's (or component's) key when it is not. */
    Pos pos(String name) {
        Field f = d.params().get(name);
        return f != null ? f.pos() : d.pos();
    }

    /** A required number. */
    double get(String name) {
        return values.number(path(name), d.params().get(name));
    }

    /** An optional number with its default. */
    double get(String name, double absent) {
        boolean given = d.params().containsKey(name) || values.overridden(path(name));
        return given ? get(name) : absent;
    }

    long integer(String name) {
        return values.integer(path(name), d.params().get(name));
    }

    void fail(String name, String message) {
        problems.at(pos(name), path(name) + ": " + message);
    }

    boolean positive(String name, double v) {
        if (v > 0 || Double.isNaN(v)) {
            return v > 0;
        }
        fail(name, "must be positive, got " + Problems.num(v));
        return false;
    }

    /** In (0, 1). */
    boolean openUnit(String name, double v) {
        if (v > 0 && v < 1 || Double.isNaN(v)) {
            return !Double.isNaN(v);
        }
        fail(name, "must be between 0 and 1 (both excluded), got " + Problems.num(v));
        return false;
    }

    /** In [0, 1]. */
    boolean closedUnit(String name, double v) {
        if (v >= 0 && v <= 1 || Double.isNaN(v)) {
            return !Double.isNaN(v);
        }
        fail(name, "must be between 0 and 1, got " + Problems.num(v));
        return false;
    }

    /** A count in [0, Integer.MAX_VALUE]. */
    boolean count(String name, long n) {
        if (n == Values.NO_INTEGER) {
            return false;
        }
        if (n < 0 || n > Integer.MAX_VALUE) {
            fail(name, n < 0 ? "must be at least 0, got " + n : "must be at most " + Integer.MAX_VALUE + ", got " + n);
            return false;
        }
        return true;
    }

    /** {@code a < b}, reported at the later of the two keys. */
    boolean less(String a, double va, String b, double vb) {
        if (!order(a, va, b, vb, true)) {
            return false;
        }
        if (Double.isInfinite(vb - va)) {
            // The width of the range is what the samplers scale by: it must be a finite double.
            fail(b, b + " − " + a + " overflows a double (" + Problems.num(vb) + " − " + Problems.num(va)
                + "); the range must be narrower");
            return false;
        }
        return true;
    }


    /** {@code a <= b}, reported at the later of the two keys. */
    boolean atMost(String a, double va, String b, double vb) {
        return order(a, va, b, vb, false);
    }

    private boolean order(String a, double va, String b, double vb, boolean strict) {
        if (Double.isNaN(va) || Double.isNaN(vb)) {
            return false;
        }
        if (strict ? va < vb : va <= vb) {
            return true;
        }
        if (pos(b).compareTo(pos(a)) >= 0) {
            fail(b, (strict ? "must be greater than " : "must be at least ") + a + " (" + Problems.num(va)
                + "), got " + Problems.num(vb));
        } else {
            fail(a, (strict ? "must be less than " : "must be at most ") + b + " (" + Problems.num(vb)
                + "), got " + Problems.num(va));
        }
        return false;
    }

    /** min &lt;= mode &lt;= max and min &lt; max. */
    boolean peaked(double min, double mode, double max) {
        boolean ok = atMost("min", min, "mode", mode) & atMost("mode", mode, "max", max);
        return ok && less("min", min, "max", max);
    }

    /** A converted spec whose parameters must be finite with a positive scale. */
    Dist converted(Dist dist) {
        boolean ok = true;
        if (dist instanceof Dist.Normal n) {
            ok = Double.isFinite(n.mean()) && Double.isFinite(n.sd()) && n.sd() > 0;
        } else if (dist instanceof Dist.LogNormal n) {
            ok = Double.isFinite(n.mu()) && Double.isFinite(n.sigma()) && n.sigma() > 0;
        } else if (dist instanceof Dist.Gamma g) {
            ok = Double.isFinite(g.shape()) && g.shape() > 0 && Double.isFinite(g.scale()) && g.scale() > 0;
        }
        if (!ok) {
            problems.at(d.pos(), d.label() + ": the parameters as written convert to " + dist
                + ", which is not a valid " + d.family().label() + " distribution");
            return null;
        }
        return dist;
    }

    /** values and weights of a discrete law. */
    Dist discrete() {
        double[] v = list("values");
        Field wf = d.params().get("weights");
        double[] w = wf == null ? null : list("weights");
        if (v == null || (wf != null && w == null)) {
            return null;
        }
        if (w == null) {
            w = new double[v.length];
            java.util.Arrays.fill(w, 1.0);
        } else if (w.length != v.length) {
            String later = pos("weights").compareTo(pos("values")) >= 0 ? "weights" : "values";
            fail(later, "has " + (later.equals("weights") ? w.length : v.length) + " items but "
                + (later.equals("weights") ? "values has " + v.length : "weights has " + w.length)
                + "; they must have the same length");
            return null;
        } else if (!weights("weights", w, d.params().get("weights").value())) {
            return null;
        }
        return new Dist.Discrete(v, w);
    }

    private boolean weights(String name, double[] w, Node list) {
        double sum = 0;
        boolean ok = true;
        for (int i = 0; i < w.length; i++) {
            if (w[i] < 0) {
                problems.at(Pos.of(Nodes.items(list).get(i)), path(name) + "[" + i
                    + "]: must be at least 0, got " + Problems.num(w[i]));
                ok = false;
            }
            sum += w[i];
        }
        if (ok && !(sum > 0 && Double.isFinite(sum))) {
            fail(name, "must have a positive, finite sum");
            ok = false;
        }
        return ok;
    }

    /** A non-empty list of numbers; null after reporting. */
    private double[] list(String name) {
        Field f = d.params().get(name);
        List<Node> items = f == null ? null : Nodes.items(f.value());
        if (items == null || items.isEmpty()) {
            if (f != null) {
                fail(name, "must be a non-empty list of numbers" + (items == null ? ", not "
                    + Nodes.kind(f.value()) : ""));
            }
            return null;
        }
        double[] out = new double[items.size()];
        int before = problems.size();
        for (int i = 0; i < out.length; i++) {
            Node item = items.get(i);
            out[i] = values.item(item, path(name) + "[" + i + "]", Pos.of(item));
        }
        return problems.size() == before ? out : null;
    }

    /** The empirical law of a data column. */
    Dist empirical() {
        Field file = d.params().get("file");
        Field column = d.params().get("column");
        String fileText = Nodes.text(file.value());
        String columnText = Nodes.text(column.value());
        if (fileText == null || columnText == null || fileText.isEmpty()) {
            fail(fileText == null || fileText.isEmpty() ? "file" : "column", "must be text");
            return null;
        }
        double[] sorted = builder.column(d.label(), file, column);
        return sorted == null ? null : new Dist.Empirical(sorted, fileText, columnText);
    }

    /** A mixture of its built components. */
    Dist mixture() {
        List<Dist.Component> out = new ArrayList<>();
        boolean ok = !d.components().isEmpty();
        for (int i = 0; i < d.components().size(); i++) {
            WrittenComponent c = d.components().get(i);
            String wPath = d.label() + ".components." + i + ".weight";
            double w = values.number(wPath, c.weight());
            if (!(w > 0) && !Double.isNaN(w)) {
                problems.at(c.weight() != null ? c.weight().pos() : d.pos(), wPath
                    + ": must be positive, got " + Problems.num(w));
            }
            Dist dist = builder.build(c.dist());
            ok &= w > 0 && dist != null;
            out.add(new Dist.Component(w, dist));
        }
        return ok ? new Dist.Mixture(out) : null;
    }
}
