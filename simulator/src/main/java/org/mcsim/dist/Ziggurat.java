package org.mcsim.dist;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Tables and slow paths of the ziggurat method for the standard normal (G. Marsaglia and
 * W. W. Tsang, "The ziggurat method for generating random variables", J. Stat. Softw. 5(8),
 * 2000) with {@value #LAYERS} layers and 64-bit draws: the low {@value #LAYER_BITS} bits of a
 * number choose the layer and the high 52 bits, read as a signed integer u (see {@link #point}),
 * the point in it, so layer and point never share bits (the defect of the 32-bit original found by J. A. Doornik,
 * "An improved ziggurat method to generate normal random samples", 2005).
 *
 * <p>The fast path lives in {@link BlockRandom#normals}: z = u W[i] is accepted when
 * |u| &lt; K[i], i.e. when the point falls in the part of layer i that lies wholly under the
 * density. Otherwise {@link #outside} takes the wedge test against exp(−z²/2), or, in the base
 * layer, draws from the tail beyond r by Marsaglia's exponential method (G. Marsaglia,
 * "Generating a variable from the tail of the normal distribution", Technometrics 6, 1964).
 *
 * <p>The tables are computed here rather than copied: with f(x) = exp(−x²/2), every layer has
 * the area v = r f(r) + ∫<sub>r</sub><sup>∞</sup> f of the base layer (rectangle plus tail);
 * from x<sub>{@value #LAYERS}−1</sub> = r the layer edges follow upwards by
 * x<sub>i−1</sub> = f<sup>−1</sup>(v / x<sub>i</sub> + f(x<sub>i</sub>)), and r is the root of the
 * condition that the top layer closes at the mode, v / x<sub>1</sub> + f(x<sub>1</sub>) = 1 (the
 * published value; the test finds the root by bisection and checks both). The tables use
 * {@link StrictMath}, so they are the same on every JVM. The wedge test, taken by about 1.5% of
 * draws, uses the faster
 * {@code Math.exp} (within 1 ulp, and the same on one platform and Java release, which is what
 * byte identity promises): a draw could differ between platforms only if the test point fell
 * within that ulp of the curve. Stateless and thread-safe.
 */
final class Ziggurat {
    static final int LAYER_BITS = 8;
    static final int LAYERS = 1 << LAYER_BITS;
    static final int LAYER_MASK = LAYERS - 1;
    /** 2^51: the range of the signed 52-bit point u is [−2^51, 2^51). */
    static final double SCALE = 0x1.0p51;
    /** Exponent bits of 2^52: with 52 integer bits m below them, the double 2^52 + m. */
    private static final long TWO_52_BITS = 0x4330000000000000L;
    /** 2^52 + 2^51: subtracted from 2^52 + m to centre m on zero. */
    private static final double OFFSET = 0x1.8p52;

    /**
     * Right edge of the base rectangle, where the tail begins: the value Marsaglia and Tsang
     * give for 256 layers. The test recomputes it as the root of the closing condition.
     */
    static final double R = 3.6541528853610088;
    /** The common area of every layer. */
    static final double V;
    /** Acceptance bounds on |u|: |u| &lt; K[i] means |z| &lt; x<sub>i−1</sub> (K[1] = 0). */
    static final double[] K = new double[LAYERS];
    /** z = u W[i]: W[i] = x<sub>i</sub> / 2^55; W[0] uses the base layer's width v / f(r). */
    static final double[] W = new double[LAYERS];
    /** F[i] = f(x<sub>i</sub>), F[0] = f(0) = 1. */
    static final double[] F = new double[LAYERS];

    static {
        V = area(R);
        double[] x = edges(R, V);
        double q = V / f(R);
        K[0] = R / q * SCALE;
        W[0] = q / SCALE;
        F[0] = 1;
        for (int i = 1; i < LAYERS; i++) {
            K[i] = x[i - 1] / x[i] * SCALE;
            W[i] = x[i] / SCALE;
            F[i] = f(x[i]);
        }
    }

    private Ziggurat() {
    }

    /**
     * The point of a number: its high 52 bits m as the integer m − 2^51, exactly, built from bits
     * as (2^52 + m) − (2^52 + 2^51) rather than by a long-to-double conversion, which HotSpot 17
     * compiles with a false dependency on its target register that serializes the sampling loop.
     */
    static double point(long x) {
        return Double.longBitsToDouble(TWO_52_BITS | (x >>> 12)) - OFFSET;
    }

    private static double f(double x) {
        return StrictMath.exp(-0.5 * x * x);
    }

    /** r f(r) + ∫_r^∞ exp(−x²/2) dx, the tail from Commons Statistics' normal survival function. */
    static double area(double r) {
        return r * f(r) + StrictMath.sqrt(2 * StrictMath.PI) * NormalDistribution.of(0, 1).survivalProbability(r);
    }

    /**
     * The layer edges x[0..LAYERS) from x[LAYERS−1] = r upwards, x[0] = 0; null when the layers
     * reach the mode before the top layer (r too small).
     */
    static double[] edges(double r, double v) {
        double[] x = new double[LAYERS];
        x[LAYERS - 1] = r;
        for (int i = LAYERS - 1; i >= 2; i--) {
            double y = v / x[i] + f(x[i]);
            if (!(y < 1)) {
                return null;
            }
            x[i - 1] = StrictMath.sqrt(-2 * StrictMath.log(y));
        }
        x[0] = 0;
        return x;
    }

    /**
     * The draw when the fast path rejects u in {@code layer}: the wedge test (retrying with new
     * numbers from {@code rng} on rejection, fast path included) or the tail.
     */
    static double outside(BlockRandom rng, int layer, double u) {
        int i = layer;
        double v = u;
        while (true) {
            if (i == 0) {
                return tail(rng, v < 0);
            }
            double z = v * W[i];
            double y = F[i] + Samplers.openUniform(rng) * (F[i - 1] - F[i]);
            if (y < Math.exp(-0.5 * z * z)) {
                return z;
            }
            long next = rng.nextLong();
            i = (int) next & LAYER_MASK;
            v = point(next);
            if (Math.abs(v) < K[i]) {
                return v * W[i];
            }
        }
    }

    /** A draw from the normal tail beyond r (or below −r), Marsaglia 1964. */
    private static double tail(BlockRandom rng, boolean negative) {
        double x;
        double y;
        do {
            x = -StrictMath.log(Samplers.openUniform(rng)) / R;
            y = -StrictMath.log(Samplers.openUniform(rng));
        } while (y + y < x * x);
        return negative ? -(R + x) : R + x;
    }
}
