package org.mcsim.lanes;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
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
    private static final DoubleVector ONE = DoubleVector.broadcast(D, 1.0);
    /** Bits of 1.0. */
    private static final long ONE_BITS = 0x3FF0000000000000L;
    /** Bits of 2^−53. */
    private static final long HALF_ULP_BITS = 0x3CA0000000000000L;

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
                // (x >>> 11 + 1/2) 2^-53 exactly, from bits: (1 + high 52 bits) - 1, plus the 53rd bit's
                // 2^-53, plus 2^-54 (every step exact, as in LaneTransforms.open).
                final DoubleVector high = x.lanewise(VectorOperators.LSHR, 12).or(ONE_BITS)
                    .reinterpretAsDoubles().sub(1.0);
                final DoubleVector low = x.lanewise(VectorOperators.LSHR, 11).and(1L).neg().and(HALF_ULP_BITS)
                    .reinterpretAsDoubles();
                final DoubleVector u = high.add(low).add(0x1.0p-54);
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
        final int end = PlainLaneFill.pairedLength(n);
        uniforms(state, out, end);
        radii(out, end);
        pairs(out, end, location, scale);
    }

    @Override
    public void lognormal(long[] state, double[] out, int n, double mu, double sigma) {
        final int end = PlainLaneFill.pairedLength(n);
        uniforms(state, out, end);
        radii(out, end);
        pairs(out, end, mu, sigma);
        exps(out, end);
    }

    /** Replaces every value by its exponential. */
    private static void exps(double[] out, int end) {
        for (int i = 0; i < end; i += V) {
            VectorMath.exp(DoubleVector.fromArray(D, out, i)).intoArray(out, i);
        }
    }

    /*
     * The Box-Muller transform in passes (radii, then the pairs, then the lognormal's exponential),
     * each a small loop: in one loop the logarithm, both kernels and the exponential exceed what C2
     * inlines into one compilation, and a vector that crosses a call that is not inlined is boxed.
     */

    /** Replaces the first value of every pair (16m + h, h < 8) by its radius. */
    private static void radii(double[] out, int end) {
        for (int g = 0; g < end; g += 2 * L) {
            for (int h = 0; h < L; h += V) {
                radius(DoubleVector.fromArray(D, out, g + h)).intoArray(out, g + h);
            }
        }
    }

    /** From the radius at 16m + h and the uniform at 16m + 8 + h, location + scale·(r cos) and (r sin). */
    private static void pairs(double[] out, int end, double location, double scale) {
        for (int g = 0; g < end; g += 2 * L) {
            for (int h = 0; h < L; h += V) {
                final DoubleVector r = DoubleVector.fromArray(D, out, g + h);
                final DoubleVector u2 = DoubleVector.fromArray(D, out, g + L + h);
                final DoubleVector t = u2.fma(4.0, LaneTransforms.SHIFT);
                // The quarter turn q = t - SHIFT is 0..4, exactly; the scalar code reads its bits, here
                // it is compared as a double (the same decision, and no long-to-double mask cast).
                final DoubleVector q = t.sub(LaneTransforms.SHIFT);
                final DoubleVector x = u2.sub(q.mul(0.25)).mul(LaneTransforms.TWO_PI);
                final DoubleVector z = x.mul(x);
                final DoubleVector sin = sinKernel(x, z);
                final DoubleVector cos = cosKernel(z);
                final VectorMask<Double> odd = q.compare(VectorOperators.EQ, 1.0)
                    .or(q.compare(VectorOperators.EQ, 3.0));
                final VectorMask<Double> negSin = q.compare(VectorOperators.GT, 1.5)
                    .and(q.compare(VectorOperators.LT, 3.5));
                final VectorMask<Double> negCos = q.compare(VectorOperators.GT, 0.5)
                    .and(q.compare(VectorOperators.LT, 2.5));
                r.mul(cos.blend(sin, odd).lanewise(VectorOperators.NEG, negCos)).mul(scale).add(location)
                    .intoArray(out, g + h);
                r.mul(sin.blend(cos, odd).lanewise(VectorOperators.NEG, negSin)).mul(scale).add(location)
                    .intoArray(out, g + L + h);
            }
        }
    }

    private static DoubleVector c(double v) {
        return DoubleVector.broadcast(D, v);
    }

    /** {@link LaneTransforms#radius} lanewise. */
    private static DoubleVector radius(DoubleVector u1) {
        return VectorMath.log(u1).mul(-2.0).sqrt();
    }

    /** {@link LaneTransforms#sinKernel} lanewise. */
    private static DoubleVector sinKernel(DoubleVector x, DoubleVector z) {
        DoubleVector r = z.fma(LaneTransforms.S6, LaneTransforms.S5);
        r = z.fma(r, c(LaneTransforms.S4));
        r = z.fma(r, c(LaneTransforms.S3));
        r = z.fma(r, c(LaneTransforms.S2));
        return z.mul(x).fma(z.fma(r, c(LaneTransforms.S1)), x);
    }

    /** {@link LaneTransforms#cosKernel} lanewise. */
    private static DoubleVector cosKernel(DoubleVector z) {
        DoubleVector p = z.fma(LaneTransforms.C6, LaneTransforms.C5);
        p = z.fma(p, c(LaneTransforms.C4));
        p = z.fma(p, c(LaneTransforms.C3));
        p = z.fma(p, c(LaneTransforms.C2));
        final DoubleVector r = z.mul(z.fma(p, c(LaneTransforms.C1)));
        final DoubleVector hz = z.mul(0.5);
        final DoubleVector w = ONE.sub(hz);
        return w.add(ONE.sub(w).sub(hz).add(z.mul(r)));
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
