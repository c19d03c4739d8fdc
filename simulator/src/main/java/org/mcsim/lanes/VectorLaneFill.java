package org.mcsim.lanes;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneFill} with the Vector API: the generators of {@code V} lanes (4 or 8, the CPU's
 * preferred width) advance together in vector registers, lanes 0..V−1 first and V..7 in a second
 * pass when V is 4, and the transforms run lanewise over the column with the operations of
 * {@link LaneTransforms}, so every value has the bits {@link PlainLaneFill} gives it. Loaded by
 * name only when {@link Lanes#vectorEnabled()}; stateless.
 *
 * <p>Two passes per column: the generator loop writes the open uniforms, then a transform loop
 * maps them in place. The extra pass over a column that sits in the first-level cache costs less
 * than one loop per family with the generator written out in each (which C2 would also have to
 * inline whole for the vectors to stay in registers).
 */
public final class VectorLaneFill implements LaneFill {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> W = LongVector.SPECIES_PREFERRED;
    private static final int V = D.length();
    private static final int L = Lanes.COUNT;
    /** Bits of 1.0. */
    private static final long ONE_BITS = 0x3FF0000000000000L;
    /** Bits of 2^52. */
    private static final long TWO_52_BITS = 0x4330000000000000L;
    /** 2^52 + 2^43: subtracted from 2^52 + ⌊k / 256⌋ it leaves m exactly. */
    private static final double M_OFFSET = 0x1.0p52 + 0x1.0p43;
    private static final long MASK_52 = (1L << 52) - 1;

    /** Per thread: the bits, then the gathered table entries, of a column (grown on demand). */
    private static final ThreadLocal<long[][]> SCRATCH = ThreadLocal.withInitial(() -> new long[3][0]);

    /** Public for {@link Lanes#load}; use {@link LaneFills}. */
    public VectorLaneFill() {
        if (W.length() != V || L % V != 0) {
            throw new IllegalStateException("vector width " + V + " does not divide " + L + " lanes");
        }
    }

    @Override
    public void uniforms(long[] state, double[] out, int n) {
        final int steps = (n + L - 1) / L;
        for (int part = 0; part < L; part += V) {
            LongVector s0 = LongVector.fromArray(W, state, part);
            LongVector s1 = LongVector.fromArray(W, state, L + part);
            LongVector s2 = LongVector.fromArray(W, state, 2 * L + part);
            LongVector s3 = LongVector.fromArray(W, state, 3 * L + part);
            // Whole vectors inside the column; the last, partial step (if any) is finished in
            // plain Java, which steps the same generators: a masked store there made C2 (JDK 17)
            // box the vectors of the whole loop.
            final int full = Math.min(steps, n - part - V >= 0 ? (n - part - V) / L + 1 : 0);
            for (int k = 0; k < full; k++) {
                final LongVector x = s0.add(s3).lanewise(VectorOperators.ROL, 23).add(s0);
                final LongVector shifted = s1.lanewise(VectorOperators.LSHL, 17);
                s2 = s2.lanewise(VectorOperators.XOR, s0);
                s3 = s3.lanewise(VectorOperators.XOR, s1);
                s1 = s1.lanewise(VectorOperators.XOR, s2);
                s0 = s0.lanewise(VectorOperators.XOR, s3);
                s2 = s2.lanewise(VectorOperators.XOR, shifted);
                s3 = s3.lanewise(VectorOperators.ROL, 45);
                // ((x >>> 12) + 1/2) 2^-52 exactly, from bits: (1 + high 52 bits) - 1, plus 2^-53
                // (every step exact, as in LaneTransforms.open).
                final DoubleVector u = x.lanewise(VectorOperators.LSHR, 12).or(ONE_BITS)
                    .reinterpretAsDoubles().sub(1.0).add(0x1.0p-53);
                u.intoArray(out, k * L + part);
            }
            s0.intoArray(state, part);
            s1.intoArray(state, L + part);
            s2.intoArray(state, 2 * L + part);
            s3.intoArray(state, 3 * L + part);
            if (full < steps) {
                PlainLaneFill.steps(state, out, n, part, part + V, full, steps);
            }
        }
    }

    @Override
    public void uniform(long[] state, double[] out, int n, double min, double width, double max) {
        uniforms(state, out, n);
        int i = 0;
        for (; i + V <= n; i += V) {
            DoubleVector u = DoubleVector.fromArray(D, out, i);
            u.mul(width).add(min).max(min).min(max).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = LaneTransforms.uniform(out[i], min, width, max);
        }
    }

    @Override
    public void normal(long[] state, double[] out, int n, double location, double scale) {
        uniforms(state, out, n);
        normals(state, out, n, location, scale);
    }

    @Override
    public void lognormal(long[] state, double[] out, int n, double mu, double sigma) {
        uniforms(state, out, n);
        normals(state, out, n, mu, sigma);
        int i = 0;
        for (; i + V <= n; i += V) {
            VectorMath.exp(DoubleVector.fromArray(D, out, i)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = LaneMath.exp(out[i]);
        }
    }

    /**
     * {@link Ziggurat#normals} with the fast path lanewise, in three passes over the column: k
     * from the uniforms' bits ((u − 2<sup>−53</sup>) + 1 is 1 + k·2<sup>−52</sup> exactly); the
     * layers' table entries gathered by a scalar loop (faster here, on JDK 17 and 25, than the
     * Vector API's gather, which needs the indexes as ints, and than gathering vector by vector,
     * where a scalar read of a lane just stored as a vector stalls); then
     * m = ⌊k / 256⌋ − 2<sup>43</sup> as a double by the exponent trick (exact), the candidate
     * m·W[j] and |m| − K[j] lanewise. Values where that is not negative are then finished in
     * value order by {@link Ziggurat#rejected}, so the spill generator is read in the order the
     * scalar loop reads it: the same bits.
     */
    private static void normals(long[] state, double[] out, int n, double location, double scale) {
        final long[][] scratch = scratch(n);
        final long[] bits = scratch[0];
        final long[] entry = scratch[1];
        final long[] limit = scratch[2];
        final int whole = n - n % V;
        for (int i = 0; i < whole; i += V) {
            DoubleVector.fromArray(D, out, i).sub(0x1.0p-53).add(1.0).reinterpretAsLongs().and(MASK_52)
                .intoArray(bits, i);
        }
        final long[] wBits = Ziggurat.W_BITS;
        final long[] kTable = Ziggurat.K;
        for (int i = 0; i < whole; i++) {
            final int j = (int) bits[i] & (Ziggurat.N - 1);
            entry[i] = wBits[j];
            limit[i] = kTable[j];
        }
        // |m| - K[j] per value, negative inside the layer; their AND has its sign bit set when all are.
        LongVector all = LongVector.broadcast(W, -1L);
        for (int i = 0; i < whole; i += V) {
            final LongVector high = LongVector.fromArray(W, bits, i).lanewise(VectorOperators.LSHR, 8);
            final DoubleVector m = high.or(TWO_52_BITS).reinterpretAsDoubles().sub(M_OFFSET);
            m.mul(LongVector.fromArray(W, entry, i).reinterpretAsDoubles()).mul(scale).add(location)
                .intoArray(out, i);
            final LongVector excess = high.sub(Ziggurat.M_HALF).abs().sub(LongVector.fromArray(W, limit, i));
            excess.intoArray(limit, i);
            all = all.and(excess);
        }
        if (all.reduceLanes(VectorOperators.AND) >= 0) {
            for (int i = 0; i < whole; i++) {
                if (limit[i] >= 0) {
                    out[i] = location + scale * Ziggurat.rejectedBits(state, bits[i]);
                }
            }
        }
        Ziggurat.normals(state, out, whole, n, location, scale);
    }

    private static long[][] scratch(int n) {
        long[][] s = SCRATCH.get();
        if (s[0].length < n) {
            s = new long[][] {new long[n], new long[n], new long[n]};
            SCRATCH.set(s);
        }
        return s;
    }

    @Override
    public void exponential(long[] state, double[] out, int n, double mean) {
        uniforms(state, out, n);
        int i = 0;
        for (; i + V <= n; i += V) {
            VectorMath.log(DoubleVector.fromArray(D, out, i)).mul(-mean).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = LaneTransforms.exponential(out[i], mean);
        }
    }

    @Override
    public void triangular(long[] state, double[] out, int n, Triangle t) {
        uniforms(state, out, n);
        final double min = t.min();
        final double mode = t.mode();
        final double max = t.max();
        final double modeProbability = t.modeProbability();
        final double lowerScale = t.lowerScale();
        final double upperScale = t.upperScale();
        int i = 0;
        for (; i + V <= n; i += V) {
            final DoubleVector p = DoubleVector.fromArray(D, out, i);
            final DoubleVector upper = p.sub(modeProbability).mul(0x1.0p1000).mul(0x1.0p1000).min(1.0).max(0.0);
            final DoubleVector lower = upper.neg().add(1.0);
            final DoubleVector root = upper.mul(p.neg().add(1.0).mul(upperScale))
                .add(lower.mul(p.mul(lowerScale))).sqrt();
            final DoubleVector value = upper.mul(root.neg().add(max)).add(lower.mul(root.add(min)));
            final DoubleVector floor = upper.mul(mode).add(lower.mul(min));
            final DoubleVector ceiling = upper.mul(max).add(lower.mul(mode));
            value.max(floor).min(ceiling).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = LaneTransforms.triangular(out[i], t);
        }
    }
}
