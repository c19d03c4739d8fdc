package org.mcsim.lanes;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link TableLookup} with the Vector API, {@code V} uniforms (4 or 8, the CPU's preferred width)
 * at a time: both sides' v, the interval index from v's bits, the five coefficients of every
 * lane's interval gathered from the one array that holds both sides, the cubic with the
 * operations of {@link TableLookup#interpolate} in the same order (multiplications and
 * additions, no fused multiply-add), the clamp by comparisons and the upper side's sign flipped
 * on the bits, so every value has the bits of {@link PlainTableLookup}; lanes in a split interval
 * take their sub-interval's cubic. A group in which some lane has no cubic (NaN, or v outside
 * the table) is done again by the plain code, before anything is stored, so
 * {@code u} and {@code out} may be the same array. Loaded by name only when
 * {@link Lanes#vectorEnabled()}; the gather goes through per-thread scratch arrays.
 */
public final class VectorTableLookup implements TableLookup {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> W = LongVector.SPECIES_PREFERRED;
    private static final int V = D.length();
    /** Ints with as many lanes as D, for the gather indices. */
    private static final VectorSpecies<Integer> I =
        VectorSpecies.of(int.class, VectorShape.forBitSize(32 * V));
    private static final DoubleVector ONE = DoubleVector.broadcast(D, 1.0);
    private static final long ONE_BITS = 0x3FF0000000000000L;
    private static final long MANTISSA = 0x000FFFFFFFFFFFFFL;
    /** Keys of v = 2^−32 up to v = 1/2, whose index is that of the last knot. */
    private static final long LAST_KEY = FIRST_KEY + INTERVALS;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Public for {@link Lanes#load}; use {@link LaneFills#tables()}. */
    public VectorTableLookup() {
        if (W.length() != V || I.length() != V) {
            throw new IllegalStateException("no " + V + "-lane int and long vectors");
        }
    }

    @Override
    public void map(double[] c, double[] fine, Scalar scalar, double[] u, double[] out, int n) {
        final Scratch scratch = SCRATCH.get();
        final int[] index = scratch.index;
        final double[] g = scratch.coefficients;
        final double[] position = scratch.position;
        int i = 0;
        for (; i + V <= n; i += V) {
            final DoubleVector p = DoubleVector.fromArray(D, u, i);
            final VectorMask<Double> lowerSide = p.compare(VectorOperators.LT, 0.5);
            final VectorMask<Long> lower = lowerSide.cast(W);
            final LongVector bits = ONE.sub(p).blend(p, lowerSide).reinterpretAsLongs();
            final LongVector key = bits.lanewise(VectorOperators.LSHR, 52 - LOG_PER_BINADE).sub(FIRST_KEY);
            final VectorMask<Long> outside = key.compare(VectorOperators.LT, 0L)
                .or(key.compare(VectorOperators.GT, LAST_KEY - FIRST_KEY));
            final LongVector j = key.lanewise(VectorOperators.LSHL, 2)
                .add(LongVector.broadcast(W, SIDE).blend(0L, lower)).blend(0L, outside);
            ((IntVector) j.convertShape(VectorOperators.L2I, I, 0)).intoArray(index, 0);
            bits.lanewise(VectorOperators.LSHL, LOG_PER_BINADE).and(MANTISSA)
                .or(ONE_BITS).reinterpretAsDoubles().sub(1.0).intoArray(position, 0);
            // The gather by plain loads: JDK 17 does not compile DoubleVector.fromArray with an index
            // map to a gather instruction (it boxes, 5.2 against 4.2 ns a value measured), and on
            // JDK 25, which does, the gathers cost about what these loads cost.
            // A split interval's lane takes its sub-interval's cubic and position instead (as
            // TableLookup.interpolate does); one inverted exactly keeps c1 = NaN.
            for (int k = 0; k < V; k++) {
                int q = index[k];
                double[] a = c;
                if (Double.isNaN(c[q + 1]) && c[q + 2] >= 0) {
                    final double ts = position[k] * SUB;
                    final int s = (int) ts;
                    q = (int) c[q + 2] + 4 * s;
                    position[k] = ts - s;
                    a = fine;
                }
                g[k] = a[q];
                g[V + k] = a[q + 1];
                g[2 * V + k] = a[q + 2];
                g[3 * V + k] = a[q + 3];
                g[4 * V + k] = a[q + 4];
            }
            final DoubleVector t = DoubleVector.fromArray(D, position, 0);
            final DoubleVector c0 = DoubleVector.fromArray(D, g, 0);
            final DoubleVector c1 = DoubleVector.fromArray(D, g, V);
            final DoubleVector c2 = DoubleVector.fromArray(D, g, 2 * V);
            final DoubleVector c3 = DoubleVector.fromArray(D, g, 3 * V);
            final DoubleVector c4 = DoubleVector.fromArray(D, g, 4 * V);
            // c0 + t·(c1 + t·(c2 + t·c3)), each product and sum rounded as in the scalar code
            final DoubleVector cubic = t.mul(c3).add(c2).mul(t).add(c1).mul(t).add(c0);
            final DoubleVector low = cubic.blend(c0, cubic.compare(VectorOperators.LT, c0));
            final DoubleVector y = low.blend(c4, low.compare(VectorOperators.GT, c4));
            final DoubleVector x = y.reinterpretAsLongs()
                .lanewise(VectorOperators.XOR, LongVector.broadcast(W, Long.MIN_VALUE).blend(0L, lower))
                .reinterpretAsDoubles();
            if (x.test(VectorOperators.IS_NAN).or(outside.cast(D)).anyTrue()) {
                PlainTableLookup.INSTANCE.map(c, fine, scalar, u, out, i, V);
            } else {
                x.intoArray(out, i);
            }
        }
        PlainTableLookup.INSTANCE.map(c, fine, scalar, u, out, i, n - i);
    }

    /** A thread's interval indices, gathered coefficients (c0..c4, V of each) and positions t of one group. */
    private static final class Scratch {
        final int[] index = new int[V];
        final double[] coefficients = new double[5 * V];
        final double[] position = new double[V];
    }
}
