package org.mcsim.dist;

import org.mcsim.lanes.LaneFills;
import org.mcsim.lanes.TableLookup;

/**
 * A tabulated quantile function for the families whose exact inversion is slow (beta, PERT, gamma,
 * truncated laws, mixtures): a monotone piecewise-cubic interpolant Q̂ of F⁻¹ with a stated,
 * checked bound on its error, evaluated in a few nanoseconds without any search.
 *
 * <p><b>Knots.</b> u &lt; 1/2 is tabulated on the lower side, u &gt;= 1/2 through v = 1 − u (exact
 * there) on the upper side, whose knots are the law's inverse survival function, so far upper
 * tails keep their accuracy. On each side the knots are {@value #PER_BINADE} equally spaced
 * points in every binade [2^e, 2^(e+1)) from 2^−{@value #BINADES} to 1/2, so the interval holding
 * a uniform and the position in it come straight from the uniform's exponent and mantissa bits,
 * and the spacing is relative (1/{@value #PER_BINADE} of the binade) deep into both tails. Knot
 * values are exact quantiles, made non-decreasing (a running minimum toward each tail from the
 * shared knot F⁻¹(1/2)).
 *
 * <p><b>Interpolant.</b> Cubic Hermite on every interval, with slopes 1/f(x) from the law's
 * density where it has one (three-point differences of the knots otherwise) limited to the de
 * Boor–Swartz box 0 &lt;= slope &lt;= 3 · secant, which makes every cubic non-decreasing; the
 * value is then clamped into the interval's two knot values, so the whole function is
 * non-decreasing across intervals and at the fallbacks below (within an interval, up to the
 * rounding of the cubic's evaluation).
 *
 * <p><b>Error bound.</b> Let e(u) = |F(Q̂(u)) − u| for u &lt; 1/2 and |S(Q̂(u)) − (1 − u)|
 * above, the error measured in probability. Stated: e(u) &lt;= {@value #TOLERANCE} · min(u, 1 − u).
 * Checked: at construction every interval is evaluated at three interior points (t = 1/4, 1/2,
 * 3/4) against a quarter of that ({@link #CHECKED}); an interval that misses is split into
 * {@value #SUB} sub-intervals checked the same way, and a sub-interval that still misses is
 * inverted exactly (clamped into its knots), as are uniforms below 2^−{@value #BINADES} or above
 * 1 − 2^−{@value #BINADES}. Near a finite end of the support, where one ulp of x moves F by more
 * than the bound, values are the exact quantile to within a few ulps. Proven regardless of the
 * checks: e(u) &lt;= the width of u's interval, at most min(u, 1 − u)/{@value #PER_BINADE}, since
 * Q̂ and F⁻¹ both lie between the interval's knot values. Where the quantile function is flat
 * (an atom of a mixture component) both knots agree and the value is exact. The tests check the
 * stated bound over a dense grid and in both tails for every family that uses it.
 *
 * <p><b>Evaluation.</b> The interpolant is evaluated by {@link TableLookup} (its layout and
 * definition), a column at a time: with the Vector API, several uniforms per instruction with
 * gathered coefficients, once that code is compiled ({@link LaneFills#tables()}), and in plain
 * Java before and where vectors are unavailable, the same bits either way. Uniforms whose
 * interval failed its check, or beyond the table, finish in {@link #value}.
 *
 * <p>Immutable and thread-safe; {@value #INTERVALS_PER_SIDE} intervals per side, four doubles
 * each (127 KiB for both sides), plus 16 × 4 doubles for each split interval.
 */
final class InverseTable implements TableLookup.Scalar {
    /** Equally spaced intervals per binade (a power of two). */
    static final int PER_BINADE = 64;
    private static final int LOG_PER_BINADE = TableLookup.LOG_PER_BINADE;
    /** Binades tabulated per side: from 2^−BINADES up to 1/2. */
    static final int BINADES = TableLookup.BINADES;
    /** Intervals per side: binades 2^−32 … 2^−2, each split in {@value #PER_BINADE}. */
    static final int INTERVALS_PER_SIDE = TableLookup.INTERVALS;
    /** Sub-intervals of an interval that fails its check (a power of two). */
    static final int SUB = TableLookup.SUB;
    /** Relative error in probability accepted at the check points, e(u) / min(u, 1 − u). */
    static final double TOLERANCE = 1e-8;
    /**
     * The error accepted at the check points: a quarter of {@link #TOLERANCE}, so that the
     * stated bound also holds between them (the error of a cubic varies smoothly within its
     * interval) and near finite ends of the support, where it is a few ulps of x.
     */
    static final double CHECKED = TOLERANCE / 4;
    /** Smallest tabulated probability on each side, 2^−BINADES. */
    static final double TABLE_FROM = 0x1.0p-32;

    private static final double[] CHECKS = {0.25, 0.5, 0.75};

    private final Law law;
    /**
     * Both sides in the layout of {@link TableLookup}: the lower side at [0, SIDE), the upper
     * side, in y = −x so that it is non-decreasing in v = 1 − u like the lower side, at
     * [SIDE, 2 SIDE). Interval k of a side has the cubic coefficients c0..c3 at [4k, 4k+4) and
     * c0 of k+1 after it. An interval that failed its check has c1 = NaN and in c2 the offset of
     * its {@value #SUB} sub-intervals in {@link #fine} (same layout), or −1 when it is inverted
     * exactly.
     */
    private final double[] coefficients;
    /** The sub-intervals of both sides' split intervals, the lower side's first. */
    private final double[] fine;

    private InverseTable(Law law) {
        this.law = law;
        double half = law.quantile(0.5);
        Side low = new Side(law, false, half);
        Side up = new Side(law, true, -half);
        this.coefficients = new double[2 * TableLookup.SIDE];
        System.arraycopy(low.coefficients, 0, coefficients, 0, TableLookup.SIDE);
        System.arraycopy(up.coefficients, 0, coefficients, TableLookup.SIDE, TableLookup.SIDE);
        double[] lowerFine = low.fine();
        double[] upperFine = up.fine();
        this.fine = java.util.Arrays.copyOf(lowerFine, lowerFine.length + upperFine.length);
        System.arraycopy(upperFine, 0, fine, lowerFine.length, upperFine.length);
        for (int j = TableLookup.SIDE; j < 2 * TableLookup.SIDE - 4; j += 4) {
            if (Double.isNaN(coefficients[j + 1]) && coefficients[j + 2] >= 0) {
                coefficients[j + 2] += lowerFine.length;
            }
        }
    }

    /**
     * The table of a continuous law (one whose quantile function is finite on (0, 1)); built
     * with about 4000 quantiles, 4000 densities and 12000 CDF evaluations, plus 16 and 48 for
     * each interval that needs sub-intervals.
     */
    static InverseTable of(Law law) {
        return new InverseTable(law);
    }

    /**
     * Q̂(u) for every u[i], i &lt; n; u and out may be the same array. Allocates nothing: the
     * Vector API evaluation ({@link LaneFills#tables()}) once it is compiled, the plain one
     * before, the same bits.
     */
    void map(double[] u, double[] out, int n) {
        map(LaneFills.tables(), u, out, n);
    }

    /** {@link #map} with the given evaluation (the tests compare the plain and the vector one). */
    void map(TableLookup lookup, double[] u, double[] out, int n) {
        lookup.map(coefficients, fine, this, u, out, n);
    }

    /** Q̂(u) for u in (0, 1); u = 0 and 1 give the ends of the support. */
    @Override
    public double value(double u) {
        double x = TableLookup.interpolate(coefficients, fine, u);
        if (x == x) {
            return x;
        }
        return u < 0.5 ? slow(0, u, false) : -slow(TableLookup.SIDE, 1 - u, true);
    }

    /** The segment at c[j..j+3] at t in [0, 1], clamped into its knot values c[j] and c[j+4]. */
    private static double cubic(double[] c, int j, double t) {
        double p = c[j] + t * (c[j + 1] + t * (c[j + 2] + t * c[j + 3]));
        return clamp(p, c[j], c[j + 4]);
    }

    /**
     * Below the table, or in an interval that failed its check: its sub-intervals, or the exact
     * quantile (x on the lower side, y = −x on the upper) clamped into the knots around v.
     */
    private double slow(int side, double v, boolean upperSide) {
        double[] c = coefficients;
        long bits = Double.doubleToRawLongBits(v);
        int binade = (int) (bits >>> 52) - (1023 - BINADES);
        if (binade < 0) {
            return Math.min(exact(v, upperSide), c[side]);
        }
        int j = side + ((binade << LOG_PER_BINADE | (int) (bits >>> (52 - LOG_PER_BINADE)) & (PER_BINADE - 1)) << 2);
        int offset = (int) c[j + 2];
        if (offset < 0) {
            return clamp(exact(v, upperSide), c[j], c[j + 4]);
        }
        double t = TableLookup.fraction(bits) * SUB;
        int s = (int) t;
        int f = offset + 4 * s;
        double y = cubic(fine, f, t - s);
        return y == y ? y : clamp(exact(v, upperSide), fine[f], fine[f + 4]);
    }

    private double exact(double v, boolean upperSide) {
        return upperSide ? -law.inverseSurvival(v) : law.quantile(v);
    }

    /**
     * The probability that a uniform is inverted exactly rather than interpolated: the two tails
     * beyond the table plus the widths of the intervals and sub-intervals that failed their check.
     */
    double exactShare() {
        double share = 2 * TABLE_FROM;
        double[] c = coefficients;
        for (int side = 0; side < 2; side++) {
            for (int k = 0; k < INTERVALS_PER_SIDE; k++) {
                int j = side * TableLookup.SIDE + 4 * k;
                if (Double.isNaN(c[j + 1])) {
                    double h = knot(k + 1) - knot(k);
                    int offset = (int) c[j + 2];
                    if (offset < 0) {
                        share += h;
                    } else {
                        for (int s = 0; s < SUB; s++) {
                            share += Double.isNaN(fine[offset + 4 * s + 1]) ? h / SUB : 0;
                        }
                    }
                }
            }
        }
        return share;
    }

    /** The number of intervals with sub-intervals, on both sides (for the tests). */
    int refinedIntervals() {
        return fine.length / (4 * SUB + 4);
    }

    /** The probability at knot k of a side: 2^(b − 32) (1 + j/64) for k = 64 b + j. */
    static double knot(int k) {
        return Math.scalb(1 + (double) (k & (PER_BINADE - 1)) / PER_BINADE, (k >> LOG_PER_BINADE) - BINADES);
    }

    /**
     * One side's coefficients: for the lower side x = F⁻¹(v), for the upper side y = −S⁻¹(v);
     * both non-decreasing in v and ending at the shared knot {@code middle}.
     */
    private static final class Side {
        final double[] coefficients;
        private final Law law;
        private final boolean upperSide;
        private double[] fine = new double[0];
        private int fineLength;

        Side(Law law, boolean upperSide, double middle) {
            this.law = law;
            this.upperSide = upperSide;
            int n = INTERVALS_PER_SIDE;
            double[] v = new double[n + 1];
            double[] x = new double[n + 1];
            for (int k = 0; k <= n; k++) {
                v[k] = knot(k);
            }
            x[n] = middle;
            for (int k = n - 1; k >= 0; k--) {
                x[k] = Math.min(exact(v[k], Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), x[k + 1]);
            }
            double[] slope = slopes(v, x);
            double[] c = new double[4 * n + 8];
            for (int k = 0; k < n; k++) {
                int j = 4 * k;
                double h = v[k + 1] - v[k];
                segment(c, j, x[k], x[k + 1], slope[k] * h, slope[k + 1] * h);
                if (x[k + 1] > x[k] && !passes(c, j, x[k + 1], v[k], h)) {
                    c[j + 1] = Double.NaN;
                    c[j + 2] = refine(v[k], h, x[k], x[k + 1]);
                }
            }
            c[4 * n] = x[n];
            c[4 * n + 4] = x[n];
            this.coefficients = c;
        }

        double[] fine() {
            return java.util.Arrays.copyOf(fine, fineLength);
        }

        /** The exact value at v, searched within [lo, hi] in x where the law can use a bracket. */
        private double exact(double v, double lo, double hi) {
            return upperSide ? -law.inverseSurvivalWithin(v, -hi, -lo) : law.quantileWithin(v, lo, hi);
        }

        /** dx/dv = 1/f at every knot (the same on both sides: y = −x flips the sign back). */
        private double[] slopes(double[] v, double[] x) {
            double[] slope = new double[x.length];
            for (int k = 0; k < x.length; k++) {
                double f = law.density(upperSide ? -x[k] : x[k]);
                slope[k] = f > 0 ? 1 / f : (f == 0 ? Double.POSITIVE_INFINITY : Double.NaN);
            }
            for (int k = 0; k < x.length; k++) {
                if (!(slope[k] >= 0) || slope[k] == Double.POSITIVE_INFINITY && k > 0 && k < x.length - 1) {
                    slope[k] = threePoint(v, x, k);
                }
            }
            return slope;
        }

        /**
         * Splits the interval [v0, v0 + h] in {@value #SUB}; returns the offset of their
         * coefficients in the fine array. Sub-intervals that fail their check too are inverted
         * exactly (c1 = NaN).
         */
        private double refine(double v0, double h, double x0, double x1) {
            double[] v = new double[SUB + 1];
            double[] x = new double[SUB + 1];
            for (int s = 0; s <= SUB; s++) {
                v[s] = v0 + h * s / SUB;
            }
            x[0] = x0;
            x[SUB] = x1;
            for (int s = SUB - 1; s > 0; s--) {
                x[s] = Math.min(exact(v[s], x0, x1), x[s + 1]);
            }
            for (int s = 1; s < SUB; s++) {
                x[s] = Math.max(x[s], x[s - 1]);
            }
            double[] slope = slopes(v, x);
            int offset = fineLength;
            ensure(fineLength + 4 * SUB + 4);
            double hs = h / SUB;
            for (int s = 0; s < SUB; s++) {
                int j = offset + 4 * s;
                segment(fine, j, x[s], x[s + 1], slope[s] * hs, slope[s + 1] * hs);
                if (x[s + 1] > x[s] && !passes(fine, j, x[s + 1], v[s], hs)) {
                    fine[j + 1] = Double.NaN;
                }
            }
            fine[offset + 4 * SUB] = x1;
            fineLength += 4 * SUB + 4;
            return offset;
        }

        private void ensure(int length) {
            if (fine.length < length) {
                fine = java.util.Arrays.copyOf(fine, Math.max(length, 2 * fine.length));
            }
        }

        /** True when the segment meets the tolerance at the check points. */
        private boolean passes(double[] c, int j, double next, double v0, double h) {
            for (double t : CHECKS) {
                double p = clamp(c[j] + t * (c[j + 1] + t * (c[j + 2] + t * c[j + 3])), c[j], next);
                double v = v0 + t * h;
                double reached = upperSide ? law.survival(-p) : law.cdf(p);
                if (!(Math.abs(reached - v) <= CHECKED * v)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Hermite cubic from x0 to x1 with end slopes m0, m1 in units of the interval, each limited to
     * [0, 3 (x1 − x0)] (de Boor and Swartz), which makes it non-decreasing.
     */
    private static void segment(double[] c, int j, double x0, double x1, double m0, double m1) {
        double d = x1 - x0;
        double a = limit(m0, d);
        double b = limit(m1, d);
        c[j] = x0;
        c[j + 1] = a;
        c[j + 2] = 3 * d - 2 * a - b;
        c[j + 3] = a + b - 2 * d;
    }

    /** A slope for knot k from its neighbours (the parabola through three knots), at least 0. */
    private static double threePoint(double[] v, double[] x, int k) {
        if (k == 0) {
            return (x[1] - x[0]) / (v[1] - v[0]);
        }
        if (k == v.length - 1) {
            return (x[k] - x[k - 1]) / (v[k] - v[k - 1]);
        }
        double h0 = v[k] - v[k - 1];
        double h1 = v[k + 1] - v[k];
        double d0 = (x[k] - x[k - 1]) / h0;
        double d1 = (x[k + 1] - x[k]) / h1;
        return Math.max(0, (h1 * d0 + h0 * d1) / (h0 + h1));
    }

    private static double limit(double m, double d) {
        if (!(d > 0)) {
            return 0;
        }
        return m >= 0 ? Math.min(m, 3 * d) : 3 * d;
    }

    private static double clamp(double x, double lo, double hi) {
        final double y = x < lo ? lo : x;
        return y > hi ? hi : y;
    }
}
