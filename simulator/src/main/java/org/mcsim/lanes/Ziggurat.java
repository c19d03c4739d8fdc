package org.mcsim.lanes;

/**
 * Standard normal draws by the ziggurat method (G. Marsaglia and W. W. Tsang, "The ziggurat method
 * for generating random variables", J. Stat. Softw. 5(8), 2000, with J. A. Doornik's layout
 * ("An improved ziggurat method to generate normal random samples", 2005): the layer index and the
 * uniform from separate bits), 256 layers, from the lanes' open uniforms.
 *
 * <p>Value i of a column is decided by the open uniform the lanes gave it: its 52 random bits
 * k = ⌊u·2<sup>52</sup>⌋ (exact) give the layer j = k mod 256 and the signed 44-bit integer
 * m = ⌊k / 256⌋ − 2<sup>43</sup>; the candidate is x = m · X<sub>j</sub>·2<sup>−43</sup>. When
 * |m|·2<sup>−43</sup> &lt; X<sub>j+1</sub>/X<sub>j</sub> the candidate lies inside the normal
 * density's layer and is the value; that is 98.5 % of values, one multiplication each.
 * Otherwise (the wedges and the tail) the value is found by the classic rejection steps, whose
 * further random numbers come from the block's <em>spill</em> generator (a ninth xoshiro256++
 * in the lane state, words 32–35), consumed in value order. {@link #normals} is the definition;
 * {@link #fromLanes} (the plain fill) computes the fast path inside the generator loop and
 * {@code VectorLaneFill} lanewise, both with the same operations, and both finish the rejected
 * values with {@link #rejected}, in value order: the same bits.
 *
 * <p>The tables are computed once from R = 3.6541528853610088 and the layer area
 * V = 0.00492867323399 with {@link StrictMath} (fdlibm's results, the same on every machine); the
 * wedge's and the tail's exponential and logarithm are {@link LaneMath}'s: the draws are a fixed
 * function of the lanes' and the spill generator's numbers everywhere.
 */
final class Ziggurat {
    /** Layers. */
    static final int N = 256;
    /** Where the tail begins: the right edge of the base layer's rectangle. */
    static final double R = 3.6541528853610088;
    /** The area of each layer (the base layer's rectangle plus the tail). */
    static final double V = 0.00492867323399;
    /** 2<sup>43</sup>: the offset of the signed 44-bit integer m. */
    static final long M_HALF = 1L << 43;
    /** Where the spill generator's state starts in a lane state. */
    static final int SPILL = 4 * Lanes.COUNT;

    /** Layer widths: X[0] = V / f(R) (the base layer as a rectangle), X[1] = R, ..., X[N] = 0. */
    static final double[] X = new double[N + 1];
    /** f(X[j]) = exp(−X[j]²/2), increasing in j; F[N] = 1. */
    static final double[] F = new double[N + 1];
    /** X[j]·2<sup>−43</sup>: the candidate is m·W[j] (one rounding, as x = u·X[j]). */
    private static final double[] W = new double[N];
    /** The bits of W[j], for {@code VectorLaneFill}, which gathers them into a long vector. */
    static final long[] W_BITS = new long[N];
    /** ⌈(X[j+1]/X[j])·2<sup>43</sup>⌉: |m| below it is |m|·2<sup>−43</sup> &lt; X[j+1]/X[j], inside layer j. */
    static final long[] K = new long[N];

    static {
        double f = StrictMath.exp(-0.5 * R * R);
        X[0] = V / f;
        X[1] = R;
        F[0] = f;
        F[1] = f;
        for (int j = 2; j < N; j++) {
            X[j] = StrictMath.sqrt(-2 * StrictMath.log(V / X[j - 1] + f));
            f = StrictMath.exp(-0.5 * X[j] * X[j]);
            F[j] = f;
        }
        X[N] = 0;
        F[N] = 1;
        for (int j = 0; j < N; j++) {
            W[j] = X[j] * 0x1.0p-43;
            W_BITS[j] = Double.doubleToRawLongBits(W[j]);
            K[j] = (long) Math.ceil(X[j + 1] / X[j] * 0x1.0p43);
        }
    }

    private Ziggurat() {
    }

    /**
     * Replaces the open uniforms {@code out[from..n)} by location + scale·z, z the standard normal
     * draw each decides (with the spill generator of {@code state} where it needs more numbers).
     */
    static void normals(long[] state, double[] out, int from, int n, double location, double scale) {
        for (int i = from; i < n; i++) {
            final long k = (long) (out[i] * 0x1.0p52);
            final int j = (int) k & (N - 1);
            final long m = (k >>> 8) - M_HALF;
            final double z = Math.abs(m) < K[j] ? m * W[j] : rejected(state, j, m);
            out[i] = location + scale * z;
        }
    }

    /** Per thread: which values of a column the fused loop left to the rejection steps. */
    private static final ThreadLocal<long[]> REJECTED = ThreadLocal.withInitial(() -> new long[0]);

    /**
     * The draws of {@link #normals} straight from the lanes, without the uniforms in between: the
     * generator loop of {@code PlainLaneFill} with the fast path inside it, lane by lane (a value's
     * candidate does not depend on the order), each value whose candidate falls outside its layer
     * marked; then the marked values in value order by {@link #rejected}, which reads the spill
     * generator in the order {@link #normals} does. The same bits, with one pass over the column
     * instead of two and no uniform to convert back to its bits.
     */
    static void fromLanes(long[] state, double[] out, int n, double location, double scale) {
        final int lanes = Lanes.COUNT;
        final int steps = (n + lanes - 1) / lanes;
        final long[] marks = marks(n);
        boolean any = false;
        for (int lane = 0; lane < lanes; lane++) {
            long s0 = state[lane];
            long s1 = state[lanes + lane];
            long s2 = state[2 * lanes + lane];
            long s3 = state[3 * lanes + lane];
            final int inside = Math.min(steps, (n - lane + lanes - 1) / lanes);
            for (int k = 0; k < inside; k++) {
                final long x = Long.rotateLeft(s0 + s3, 23) + s0;
                final long shifted = s1 << 17;
                s2 ^= s0;
                s3 ^= s1;
                s1 ^= s2;
                s0 ^= s3;
                s2 ^= shifted;
                s3 = Long.rotateLeft(s3, 45);
                final int i = k * lanes + lane;
                final long bits = x >>> 12;
                final int j = (int) bits & (N - 1);
                final long m = (bits >>> 8) - M_HALF;
                if (Math.abs(m) < K[j]) {
                    out[i] = location + scale * (m * W[j]);
                } else {
                    // Its 52 bits, exactly, for the pass below.
                    out[i] = bits;
                    marks[i >>> 6] |= 1L << i;
                    any = true;
                }
            }
            state[lane] = s0;
            state[lanes + lane] = s1;
            state[2 * lanes + lane] = s2;
            state[3 * lanes + lane] = s3;
            if (inside < steps) {
                // The lane's number beyond the column (the last step), drawn and dropped.
                PlainLaneFill.skip(state, lane);
            }
        }
        if (any) {
            for (int w = 0; w < (n + 63) >>> 6; w++) {
                for (long bitsLeft = marks[w]; bitsLeft != 0; bitsLeft &= bitsLeft - 1) {
                    final int i = (w << 6) + Long.numberOfTrailingZeros(bitsLeft);
                    final long bits = (long) out[i];
                    out[i] = location + scale * rejectedBits(state, bits);
                }
                marks[w] = 0;
            }
        }
    }

    private static long[] marks(int n) {
        long[] m = REJECTED.get();
        if (m.length < (n + 63) >>> 6) {
            m = new long[(n + 63) >>> 6];
            REJECTED.set(m);
        }
        return m;
    }

    /** {@link #rejected} of the value whose 52 random bits are {@code bits}: its layer and m from them. */
    static double rejectedBits(long[] state, long bits) {
        return rejected(state, (int) bits & (N - 1), (bits >>> 8) - M_HALF);
    }

    /**
     * The value when the first candidate (layer j, integer m) falls outside its layer's inner
     * rectangle: the tail beyond R for the base layer, else the wedge test, retried with fresh
     * candidates from the spill generator until one is accepted.
     */
    static double rejected(long[] state, int j, long m) {
        while (true) {
            final double x = m * W[j];
            if (j == 0) {
                return tail(state, m < 0);
            }
            // Uniform height in layer j, between f(X[j]) and f(X[j+1]); under the curve: accept.
            if (F[j] + spillUniform(state) * (F[j + 1] - F[j]) < LaneMath.exp(-0.5 * x * x)) {
                return x;
            }
            final long k = spillNext(state) >>> 12;
            j = (int) k & (N - 1);
            m = (k >>> 8) - M_HALF;
            if (Math.abs(m) < K[j]) {
                return m * W[j];
            }
        }
    }

    /** Marsaglia's (1964) tail beyond R: R + x with x exponential of rate R, accepted with probability e^(−x²/2). */
    private static double tail(long[] state, boolean negative) {
        double x;
        double y;
        do {
            x = -LaneMath.log(spillUniform(state)) / R;
            y = -LaneMath.log(spillUniform(state));
        } while (y + y < x * x);
        return negative ? -(R + x) : R + x;
    }

    private static double spillUniform(long[] state) {
        return LaneTransforms.open(spillNext(state));
    }

    /** The next number of the spill generator (xoshiro256++), state words SPILL..SPILL+3. */
    static long spillNext(long[] state) {
        final long s0 = state[SPILL];
        long s1 = state[SPILL + 1];
        long s2 = state[SPILL + 2];
        long s3 = state[SPILL + 3];
        final long result = Long.rotateLeft(s0 + s3, 23) + s0;
        final long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        state[SPILL] = s0 ^ s3;
        state[SPILL + 2] = s2 ^ t;
        state[SPILL + 3] = Long.rotateLeft(s3, 45);
        state[SPILL + 1] = s1;
        return result;
    }
}
