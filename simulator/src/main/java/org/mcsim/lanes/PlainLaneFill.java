package org.mcsim.lanes;

/**
 * {@link LaneFill} in plain Java: the generator loop runs one lane at a time, its four state words in
 * local variables, writing every eighth value of the column; then the transform maps the column in
 * place, as {@code VectorLaneFill} does. The definition of the results; {@code VectorLaneFill}
 * must give the same bits. Stateless.
 */
public final class PlainLaneFill implements LaneFill {
    private static final int L = Lanes.COUNT;

    /** The one instance. */
    public static final PlainLaneFill INSTANCE = new PlainLaneFill();

    private PlainLaneFill() {
    }

    /** Which transform a loop applies; a switch per value costs less than the generator. */
    private enum Kind { UNIFORMS, UNIFORM, NORMAL, LOGNORMAL, EXPONENTIAL, TRIANGULAR }

    @Override
    public void uniforms(long[] state, double[] out, int n) {
        steps(state, out, n, 0, L, 0, (n + L - 1) / L);
    }

    /**
     * Advances lanes [from, to) by the steps [firstStep, steps), writing the open uniform of step k
     * of lane j to {@code out[8k + j]} when that index is below n.
     */
    static void steps(long[] state, double[] out, int n, int from, int to, int firstStep, int steps) {
        for (int lane = from; lane < to; lane++) {
            long s0 = state[lane];
            long s1 = state[L + lane];
            long s2 = state[2 * L + lane];
            long s3 = state[3 * L + lane];
            for (int k = firstStep; k < steps; k++) {
                final long x = Long.rotateLeft(s0 + s3, 23) + s0;
                final long shifted = s1 << 17;
                s2 ^= s0;
                s3 ^= s1;
                s1 ^= s2;
                s0 ^= s3;
                s2 ^= shifted;
                s3 = Long.rotateLeft(s3, 45);
                final int i = k * L + lane;
                if (i < n) {
                    out[i] = LaneTransforms.open(x);
                }
            }
            state[lane] = s0;
            state[L + lane] = s1;
            state[2 * L + lane] = s2;
            state[3 * L + lane] = s3;
        }
    }

    @Override
    public void uniform(long[] state, double[] out, int n, double min, double width, double max) {
        uniforms(state, out, n);
        for (int i = 0; i < n; i++) {
            out[i] = LaneTransforms.uniform(out[i], min, width, max);
        }
    }

    @Override
    public void normal(long[] state, double[] out, int n, double location, double scale) {
        final int end = pairedLength(n);
        uniforms(state, out, end);
        pairs(out, end, location, scale);
    }

    @Override
    public void lognormal(long[] state, double[] out, int n, double mu, double sigma) {
        final int end = pairedLength(n);
        uniforms(state, out, end);
        pairs(out, end, mu, sigma);
        for (int i = 0; i < end; i++) {
            out[i] = LaneMath.exp(out[i]);
        }
    }

    /**
     * The Box–Muller pairs in place: location + scale·(r cos 2πu′) at 16m + h and
     * location + scale·(r sin 2πu′) at 16m + 8 + h, with r = {@link LaneTransforms#radius} of the
     * value at 16m + h. cos and sin of 2πu′ for u′ in [0, 1]: the quarter turn q = round(4u′)
     * (exact: 4u′ is exact, and adding 1.5·2<sup>52</sup> rounds it to an integer whose low bits the
     * sum holds), the remainder f = u′ − q/4 in [−1/8, 1/8] (exact: both are multiples of u′'s last
     * place), x = 2πf rounded once, fdlibm's kernel polynomials of sin x and cos x on [−π/4, π/4],
     * and the quarter turn's swap and signs. Within a few units of 10<sup>−16</sup> of the exact
     * values (LaneFillTest); what matters for sampling is that it is a fixed function of u′,
     * which {@code VectorLaneFill} computes lanewise with the same operations.
     */
    private static void pairs(double[] out, int end, double location, double scale) {
        for (int g = 0; g < end; g += 2 * L) {
            for (int h = 0; h < L; h++) {
                final double r = LaneTransforms.radius(out[g + h]);
                final double u2 = out[g + L + h];
                final double t = Math.fma(u2, 4.0, LaneTransforms.SHIFT);
                final long q = Double.doubleToRawLongBits(t);
                final double x = (u2 - (t - LaneTransforms.SHIFT) * 0.25) * LaneTransforms.TWO_PI;
                final double z = x * x;
                final double sin = LaneTransforms.sinKernel(x, z);
                final double cos = LaneTransforms.cosKernel(z);
                // The quarter turn's swap and signs by bit selection, not branches: q is random, so a
                // branch would be mispredicted half the time. Selecting bits is exactly the vector blend.
                final long sinBits = Double.doubleToRawLongBits(sin);
                final long cosBits = Double.doubleToRawLongBits(cos);
                final long odd = -(q & 1);
                final long c = (sinBits & odd | cosBits & ~odd) ^ ((q ^ (q >>> 1)) & 1) << 63;
                final long s = (cosBits & odd | sinBits & ~odd) ^ (q & 2) << 62;
                out[g + h] = location + scale * (r * Double.longBitsToDouble(c));
                out[g + L + h] = location + scale * (r * Double.longBitsToDouble(s));
            }
        }
    }

    /** n rounded up to whole Box–Muller groups of 16 values, checked against the column. */
    static int pairedLength(int n) {
        return (n + 2 * L - 1) / (2 * L) * (2 * L);
    }

    @Override
    public void exponential(long[] state, double[] out, int n, double mean) {
        uniforms(state, out, n);
        for (int i = 0; i < n; i++) {
            out[i] = LaneTransforms.exponential(out[i], mean);
        }
    }

    @Override
    public void triangular(long[] state, double[] out, int n, Triangle t) {
        uniforms(state, out, n);
        for (int i = 0; i < n; i++) {
            out[i] = LaneTransforms.triangular(out[i], t);
        }
    }
}
