package org.mcsim.dist;

import java.util.Arrays;

/**
 * A finite mixture with CDF F(x) = Σ w_i F_i(x) / Σ w_i, sampled by inverting that CDF (one
 * uniform per value, monotone), as scenario-format.md requires, so LHS, Sobol points, copulas and
 * common random numbers apply to it. Plain draws ({@link #sample}) invert the open uniforms of
 * the block's lanes ({@link TabulatedLaw}).
 * Both go through the mixture's {@link InverseTable}, built on first use from the exact quantiles
 * below (a few ns per value whatever the number of components, against about 2 µs for two
 * components and far more for hundreds by the search); {@link #quantile} stays exact.
 *
 * <p>The quantile F⁻¹(u) lies between the smallest and the largest component quantile
 * F_i⁻¹(u) (below the smallest every F_i is under u, at the largest every F_i has reached u).
 * Within that bracket a monotone search finds the smallest double x with F(x) &gt;= u: the
 * Illinois variant of regula falsi (Dowell and Jarratt 1971) for speed on smooth parts,
 * interleaved with bisection of the bracket in the ordering of doubles so the search always ends
 * at two adjacent doubles, exactly on an atom when a component has one.
 *
 * <p>With many components every step costs a CDF of each, and the bracket from the component
 * quantiles is wide (one quantile per component, too). So a mixture of {@value #TABLE_FROM} or more
 * components keeps a table of its CDF and survival function at up to {@value #KNOTS} knots (the
 * components' quantiles at a few levels, sorted, thinned evenly); a binary search in it gives a
 * bracket [knot j−1, knot j] with F(knot j−1) &lt; u &lt;= F(knot j), which holds the same
 * crossing, computed by the same CDF, in a few steps. Immutable and thread-safe.
 */
final class MixtureLaw extends TabulatedLaw {
    /** Bound on search steps; one in three halves the bracket's count of doubles (2^64). */
    private static final int MAX_STEPS = 400;

    private final double[] weights;
    private final Law[] components;
    /** Σ weights, summed in the same order as the CDF so that F(+∞) is exactly 1. */
    private final double total;
    /** cumulative[c] = weights[0] + … + weights[c], in the same order. */
    private final double[] cumulative;
    /** Sorted knots, with F and S at each (computed by cdf and survival), or null for few components. */
    private final double[] knots;
    private final double[] knotCdf;
    private final double[] knotSurvival;
    /**
     * Per component, where its CDF and survival are exactly 0 or 1 (found once by a search over
     * the doubles): the mixture's CDF and survival skip those components' evaluations, which are
     * most of them far from a component's centre when there are hundreds.
     */
    private final double[] cdfZeroTo;
    private final double[] cdfOneFrom;
    private final double[] survivalOneTo;
    private final double[] survivalZeroFrom;

    /** Components from which a table brackets the search. */
    static final int TABLE_FROM = 16;
    /** Most knots of the table. */
    static final int KNOTS = 2048;
    private static final double[] KNOT_LEVELS = {1e-9, 1e-4, 0.01, 0.05, 0.15, 0.3, 0.5, 0.7, 0.85, 0.95, 0.99,
        1 - 1e-4, 1 - 1e-9};

    /**
     * @param weights positive finite weights (not necessarily normalized); copied, scaled by
     *     the largest so their sum cannot overflow
     * @param components the component laws, none a mixture; copied
     */
    MixtureLaw(double[] weights, Law[] components) {
        double largest = Arrays.stream(weights).max().orElse(1);
        this.weights = Arrays.stream(weights).map(w -> w / largest).toArray();
        this.components = components.clone();
        double sum = 0;
        for (double w : this.weights) {
            sum += w;
        }
        this.total = sum;
        this.cumulative = new double[this.weights.length];
        double c = 0;
        for (int i = 0; i < this.weights.length; i++) {
            c += this.weights[i];
            cumulative[i] = c;
        }
        int k = components.length;
        cdfZeroTo = new double[k];
        cdfOneFrom = new double[k];
        survivalOneTo = new double[k];
        survivalZeroFrom = new double[k];
        for (int i = 0; i < k; i++) {
            Law law = this.components[i];
            cdfZeroTo[i] = lastWhere(x -> law.cdf(x) == 0);
            cdfOneFrom[i] = Math.nextUp(lastWhere(x -> law.cdf(x) < 1));
            survivalOneTo[i] = lastWhere(x -> law.survival(x) == 1);
            survivalZeroFrom[i] = Math.nextUp(lastWhere(x -> law.survival(x) > 0));
        }
        if (components.length >= TABLE_FROM) {
            knots = knots(components);
            knotCdf = Arrays.stream(knots).map(this::cdf).toArray();
            knotSurvival = Arrays.stream(knots).map(this::survival).toArray();
        } else {
            knots = null;
            knotCdf = null;
            knotSurvival = null;
        }
    }

    /** The components' quantiles at {@link #KNOT_LEVELS}, finite, sorted, distinct, thinned to {@link #KNOTS}. */
    private static double[] knots(Law[] components) {
        double[] all = Arrays.stream(components)
            .flatMapToDouble(c -> Arrays.stream(KNOT_LEVELS).map(c::quantile))
            .filter(Double::isFinite).sorted().distinct().toArray();
        if (all.length <= KNOTS) {
            return all;
        }
        double[] thinned = new double[KNOTS];
        for (int i = 0; i < KNOTS; i++) {
            thinned[i] = all[(int) ((long) i * (all.length - 1) / (KNOTS - 1))];
        }
        return thinned;
    }

    /**
     * The index j of a bracket [knots[j−1], knots[j]] whose ends have excess &lt; 0 and &gt;= 0,
     * or -1 when the target lies outside the table (the search then starts from the component
     * quantiles). Allocates nothing: it runs for every sampled value.
     */
    private int tableBracket(double target, boolean upperSide) {
        if (knots == null || knots.length < 2) {
            return -1;
        }
        // excess is F(x) − u (lower side) or q − S(x) (upper side): non-decreasing in x
        int lo = 0;
        int hi = knots.length - 1;
        if (excessAt(hi, target, upperSide) < 0 || excessAt(lo, target, upperSide) >= 0) {
            return -1;
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (excessAt(mid, target, upperSide) >= 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private double excessAt(int knot, double target, boolean upperSide) {
        return upperSide ? target - knotSurvival[knot] : knotCdf[knot] - target;
    }


    @Override
    double density(double x) {
        double s = 0;
        for (int i = 0; i < components.length; i++) {
            s += weights[i] * components[i].density(x);
        }
        return s / total;
    }

    @Override
    public double quantile(double p) {
        int j = p > 0 && p < 1 ? tableBracket(p, false) : -1;
        if (j > 0) {
            return search(p, knots[j - 1], knots[j], false);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Law c : components) {
            double q = c.quantile(p);
            lo = Math.min(lo, q);
            hi = Math.max(hi, q);
        }
        if (p >= 1) {
            return hi;
        }
        return p <= 0 || lo == hi ? lo : search(p, lo, hi, false);
    }

    @Override
    double quantileWithin(double p, double lo, double hi) {
        return p > 0 && p < 1 && lo < hi && Double.isFinite(lo) && Double.isFinite(hi)
            ? search(p, lo, hi, false) : quantile(p);
    }

    @Override
    double inverseSurvivalWithin(double q, double lo, double hi) {
        return q > 0 && q < 1 && lo < hi && Double.isFinite(lo) && Double.isFinite(hi)
            ? search(q, lo, hi, true) : inverseSurvival(q);
    }

    @Override
    double inverseSurvival(double q) {
        int j = q > 0 && q < 1 ? tableBracket(q, true) : -1;
        if (j > 0) {
            return search(q, knots[j - 1], knots[j], true);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Law c : components) {
            double x = c.inverseSurvival(q);
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        if (q <= 0) {
            return hi;
        }
        return q >= 1 || lo == hi ? lo : search(q, lo, hi, true);
    }

    @Override
    public double cdf(double x) {
        double s = 0;
        for (int i = 0; i < components.length; i++) {
            if (x >= cdfOneFrom[i]) {
                s += weights[i];
            } else if (x > cdfZeroTo[i]) {
                s += weights[i] * components[i].cdf(x);
            }
        }
        return s / total;
    }

    @Override
    double survival(double x) {
        double s = 0;
        for (int i = 0; i < components.length; i++) {
            if (x <= survivalOneTo[i]) {
                s += weights[i];
            } else if (x < survivalZeroFrom[i]) {
                s += weights[i] * components[i].survival(x);
            }
        }
        return s / total;
    }

    /**
     * The largest double x at which {@code holds} (a down-set of the doubles: true up to some
     * point, false after it), −∞ if it holds nowhere and +∞ if everywhere: a bisection in the
     * ordering of the doubles, at most 64 steps plus the ends.
     */
    static double lastWhere(java.util.function.DoublePredicate holds) {
        double a = -Double.MAX_VALUE;
        double b = Double.MAX_VALUE;
        if (!holds.test(a)) {
            return Double.NEGATIVE_INFINITY;
        }
        if (holds.test(b)) {
            return Double.POSITIVE_INFINITY;
        }
        while (Math.nextUp(a) < b) {
            double m = ordinalMidpoint(a, b);
            if (holds.test(m)) {
                a = m;
            } else {
                b = m;
            }
        }
        return a;
    }

    @Override
    public double mean() {
        double s = 0;
        for (int i = 0; i < components.length; i++) {
            s += weights[i] * components[i].mean();
        }
        return s / total;
    }

    @Override
    double[] kinks() {
        double[] all = new double[0];
        for (Law c : components) {
            double[] k = c.kinks();
            double[] joined = Arrays.copyOf(all, all.length + k.length);
            System.arraycopy(k, 0, joined, all.length, k.length);
            all = joined;
        }
        return all;
    }

    /**
     * Non-decreasing in x, and &gt;= 0 exactly where x is at or past the target: F(x) − u on the
     * lower side, q − S(x) on the upper (survival) side.
     */
    private double excess(double x, double target, boolean upperSide) {
        return upperSide ? target - survival(x) : cdf(x) - target;
    }

    /** The smallest double x with excess(x) &gt;= 0, searched from the bracket [lo, hi]. */
    private double search(double target, double lo, double hi, boolean upperSide) {
        double a = lo;
        double ga = excess(a, target, upperSide);
        // Component quantiles are rounded, so the bracket may need widening by a few ulps.
        for (double step = Math.max(Math.ulp(a), Double.MIN_NORMAL); ga >= 0; step *= 2) {
            a -= step;
            ga = excess(a, target, upperSide);
        }
        double b = hi;
        double gb = excess(b, target, upperSide);
        for (double step = Math.max(Math.ulp(b), Double.MIN_NORMAL); gb < 0; step *= 2) {
            b += step;
            gb = excess(b, target, upperSide);
        }
        int side = 0;
        for (int step = 0; step < MAX_STEPS && Math.nextUp(a) < b; step++) {
            double x = step % 3 == 2 ? Double.NaN : b - gb * ((b - a) / (gb - ga));
            if (!(x > a && x < b)) {
                x = ordinalMidpoint(a, b);
            }
            double g = excess(x, target, upperSide);
            if (g >= 0) {
                b = x;
                gb = g;
                ga = side > 0 ? 0.5 * ga : ga;
                side = 1;
            } else {
                a = x;
                ga = g;
                gb = side < 0 ? 0.5 * gb : gb;
                side = -1;
            }
        }
        return b;
    }

    /** The double halfway between a &lt; b in the ordering of all doubles (by bit pattern). */
    static double ordinalMidpoint(double a, double b) {
        long ka = orderKey(a);
        long kb = orderKey(b);
        long mid = (ka >> 1) + (kb >> 1) + (ka & kb & 1);
        return Double.longBitsToDouble(mid >= 0 ? mid : mid ^ Long.MAX_VALUE);
    }

    /** A long that orders as the double does (−0.0 just below +0.0). */
    private static long orderKey(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
    }

    @Override
    public String toString() {
        return "mixture of " + components.length;
    }
}
