package org.mcsim.lanes;

/**
 * {@link LaneFill} in plain Java: the generator loop runs one lane at a time, its four state words in
 * local variables, writing every eighth value of the column; then the transform maps the column in
 * place, as {@code VectorLaneFill} does. The definition of the results; {@code VectorLaneFill}
 * must give the same bits. Stateless.
 */
public final class PlainLaneFill implements LaneFill {
    private static final int L = Lanes.COUNT;
    /** Per-thread working memory of {@link LaneMath#exps}, grown to the longest column seen. */
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[1][0]);

    /** The one instance. */
    public static final PlainLaneFill INSTANCE = new PlainLaneFill();

    private PlainLaneFill() {
    }

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
            // Steps whose value lies inside the column, without a test per value; then the rest.
            final int inside = Math.min(steps, Math.max(firstStep, (n - lane + L - 1) / L));
            for (int k = firstStep; k < inside; k++) {
                final long x = Long.rotateLeft(s0 + s3, 23) + s0;
                final long shifted = s1 << 17;
                s2 ^= s0;
                s3 ^= s1;
                s1 ^= s2;
                s0 ^= s3;
                s2 ^= shifted;
                s3 = Long.rotateLeft(s3, 45);
                out[k * L + lane] = LaneTransforms.open(x);
            }
            state[lane] = s0;
            state[L + lane] = s1;
            state[2 * L + lane] = s2;
            state[3 * L + lane] = s3;
            for (int k = inside; k < steps; k++) {
                skip(state, lane);
            }
        }
    }

    /**
     * Advances lane {@code lane} of the state by one number, dropped: the step past the end of a
     * column (the loops that draw keep the state in local variables instead).
     */
    static void skip(long[] state, int lane) {
        final long s0 = state[lane];
        final long s1 = state[L + lane];
        final long s2 = state[2 * L + lane] ^ s0;
        final long s3 = state[3 * L + lane] ^ s1;
        state[L + lane] = s1 ^ s2;
        state[lane] = s0 ^ s3;
        state[2 * L + lane] = s2 ^ s1 << 17;
        state[3 * L + lane] = Long.rotateLeft(s3, 45);
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
        Ziggurat.fromLanes(state, out, n, location, scale);
    }

    @Override
    public void lognormal(long[] state, double[] out, int n, double mu, double sigma) {
        Ziggurat.fromLanes(state, out, n, mu, sigma);
        LaneMath.exps(out, n, scratch(n));
    }

    /** This thread's working array of at least n values (one lookup per column). */
    private static double[] scratch(int n) {
        final double[][] holder = SCRATCH.get();
        if (holder[0].length < n) {
            holder[0] = new double[n];
        }
        return holder[0];
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
        triangulars(out, n, t.modeProbability(), t.lowerScale(), t.upperScale(), t.min(), t.mode(), t.max());
    }

    /**
     * {@link LaneTransforms#triangular} over the column, the law's constants in locals (not read
     * from the record on every value). Inside the samplers C2 compiles this loop to scalar code;
     * {@code LaneTransforms.triangular} is written for that (see there).
     */
    private static void triangulars(double[] out, int n, double modeProbability, double lowerScale,
            double upperScale, double min, double mode, double max) {
        for (int i = 0; i < n; i++) {
            out[i] = LaneTransforms.triangular(out[i], modeProbability, lowerScale, upperScale, min, mode, max);
        }
    }
}
