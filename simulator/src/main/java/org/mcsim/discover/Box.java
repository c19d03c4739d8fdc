package org.mcsim.discover;

import java.util.Arrays;

/**
 * A box in input space: for each input a closed range {@code [low, high]}, where
 * {@code low = -∞} or {@code high = +∞} leaves that side open. An input with both sides open is
 * unrestricted. Immutable (the arrays are copied in and out).
 *
 * @param low each input's lower limit, or negative infinity
 * @param high each input's upper limit, or positive infinity
 */
public record Box(double[] low, double[] high) {

    public Box {
        if (low.length != high.length) {
            throw new IllegalArgumentException("low and high must have one limit per input, got " + low.length
                + " and " + high.length);
        }
        low = low.clone();
        high = high.clone();
    }

    /** The box of all of input space, for {@code k} inputs. */
    static Box all(int k) {
        double[] lo = new double[k];
        double[] hi = new double[k];
        Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        return new Box(lo, hi);
    }

    @Override
    public double[] low() {
        return low.clone();
    }

    @Override
    public double[] high() {
        return high.clone();
    }

    /** Input {@code j}'s lower limit. */
    public double low(int j) {
        return low[j];
    }

    /** Input {@code j}'s upper limit. */
    public double high(int j) {
        return high[j];
    }

    /** Number of inputs. */
    public int inputs() {
        return low.length;
    }

    /** Whether input {@code j} is restricted on either side. */
    public boolean restricted(int j) {
        return low[j] != Double.NEGATIVE_INFINITY || high[j] != Double.POSITIVE_INFINITY;
    }

    /** Number of restricted inputs. */
    public int restricted() {
        int r = 0;
        for (int j = 0; j < low.length; j++) {
            if (restricted(j)) {
                r++;
            }
        }
        return r;
    }

    /** Whether sample {@code i} of the columns {@code x[input][sample]} lies in the box. */
    boolean contains(double[][] x, int i) {
        for (int j = 0; j < low.length; j++) {
            double v = x[j][i];
            if (v < low[j] || v > high[j]) {
                return false;
            }
        }
        return true;
    }

    /** This box with input {@code j}'s lower ({@code upper} false) or upper limit set to {@code limit}. */
    Box with(int j, boolean upper, double limit) {
        double[] lo = low.clone();
        double[] hi = high.clone();
        if (upper) {
            hi[j] = limit;
        } else {
            lo[j] = limit;
        }
        return new Box(lo, hi);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box b && Arrays.equals(low, b.low) && Arrays.equals(high, b.high);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Box[");
        for (int j = 0; j < low.length; j++) {
            if (restricted(j)) {
                sb.append(sb.length() > 4 ? ", " : "").append(j).append(": [").append(low[j]).append(", ")
                    .append(high[j]).append(']');
            }
        }
        return sb.append(']').toString();
    }
}
