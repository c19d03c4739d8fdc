package org.mcsim.dist;

/**
 * Checks of distribution parameters, each throwing an {@link IllegalArgumentException} whose
 * message starts with the parameter's name ({@code sd: must be positive, got -1}) so that the
 * caller can prefix the input's name.
 */
final class Parameters {
    private Parameters() {
    }

    /** Returns v if finite. */
    static double finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw invalid(name, "must be a finite number", v);
        }
        return v;
    }

    /** Returns v if finite and &gt; 0. */
    static double positive(String name, double v) {
        if (!(v > 0) || v == Double.POSITIVE_INFINITY) {
            throw invalid(name, "must be positive", v);
        }
        return v;
    }

    /** Returns v if finite and &gt;= 0. */
    static double nonNegative(String name, double v) {
        if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
            throw invalid(name, "must be non-negative", v);
        }
        return v;
    }

    /** Checks that lo &lt; hi, both finite; the message names the later parameter. */
    static void below(String loName, double lo, String hiName, double hi) {
        finite(loName, lo);
        finite(hiName, hi);
        if (!(lo < hi)) {
            throw invalid(hiName, "must be greater than " + loName + " (" + format(lo) + ")", hi);
        }
    }

    /** An exception with the message {@code name: what, got value}. */
    static IllegalArgumentException invalid(String name, String what, double value) {
        return new IllegalArgumentException(name + ": " + what + ", got " + format(value));
    }

    /** A number as a user would write it: {@code 3} rather than {@code 3.0}. */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
