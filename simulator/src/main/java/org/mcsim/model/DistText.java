package org.mcsim.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A short human-readable text of a distribution spec, such as {@code lognormal(mu=10.2, sigma=0.21)}. */
public final class DistText {
    private DistText() {
    }

    /** The family and its canonical parameters. */
    public static String of(Dist d) {
        if (d instanceof Dist.Constant c) {
            return "constant(" + num(c.value()) + ")";
        }
        if (d instanceof Dist.Uniform u) {
            return "uniform(min=" + num(u.min()) + ", max=" + num(u.max()) + ")";
        }
        if (d instanceof Dist.Normal n) {
            return "normal(mean=" + num(n.mean()) + ", sd=" + num(n.sd()) + ")";
        }
        if (d instanceof Dist.LogNormal l) {
            return "lognormal(mu=" + num(l.mu()) + ", sigma=" + num(l.sigma()) + ")";
        }
        if (d instanceof Dist.Triangular t) {
            return "triangular(min=" + num(t.min()) + ", mode=" + num(t.mode())
                + ", max=" + num(t.max()) + ")";
        }
        if (d instanceof Dist.Pert p) {
            return "pert(min=" + num(p.min()) + ", mode=" + num(p.mode()) + ", max="
                + num(p.max()) + ", lambda=" + num(p.lambda()) + ")";
        }
        if (d instanceof Dist.Beta b) {
            return "beta(alpha=" + num(b.alpha()) + ", beta=" + num(b.beta()) + ", min="
                + num(b.min()) + ", max=" + num(b.max()) + ")";
        }
        if (d instanceof Dist.Gamma g) {
            return "gamma(shape=" + num(g.shape()) + ", scale=" + num(g.scale()) + ")";
        }
        if (d instanceof Dist.Exponential e) {
            return "exponential(mean=" + num(e.mean()) + ")";
        }
        if (d instanceof Dist.Poisson p) {
            return "poisson(mean=" + num(p.mean()) + ")";
        }
        if (d instanceof Dist.Binomial b) {
            return "binomial(trials=" + b.trials() + ", p=" + num(b.p()) + ")";
        }
        if (d instanceof Dist.Discrete x) {
            return "discrete(values=" + list(x.values()) + ", weights=" + list(x.weights()) + ")";
        }
        if (d instanceof Dist.Empirical e) {
            return "empirical(file=" + e.file() + ", column=" + e.column() + ", "
                + e.size() + " values)";
        }
        if (d instanceof Dist.Mixture m) {
            return m.components().stream()
                .map(c -> num(c.weight()) + " x " + of(c.dist()))
                .collect(Collectors.joining(", ", "mixture(", ")"));
        }
        if (d instanceof Dist.Truncated t) {
            return of(t.base()) + " truncated to [" + bound(t.lo()) + ", " + bound(t.hi()) + "]";
        }
        throw new IllegalArgumentException("unknown distribution " + d);
    }

    private static String list(double[] xs) {
        if (xs.length > 8) {
            return "[" + Arrays.stream(xs, 0, 8).mapToObj(DistText::num).collect(Collectors.joining(", "))
                + ", ... (" + xs.length + ")]";
        }
        return Arrays.stream(xs).mapToObj(DistText::num).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String bound(double b) {
        return Double.isInfinite(b) ? "open" : num(b);
    }

    private static String num(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Double.toString(x);
    }
}
