package org.mcsim.stats;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link QuantileSketch#plainPositions} with the incubating Vector API: the bucket index of
 * {@link QuantileSketch#index} lanewise, the same integers for every value, so the sketch's
 * counts are the same whichever computed them. Loaded by name only where
 * {@link org.mcsim.lanes.Lanes#vectorEnabled()} holds; public only for that loading.
 *
 * <p>The plain index costs about 2.3 ns a value (a dozen dependent integer steps, a
 * {@link Math#multiplyHigh} and a {@link Math#floor}), as much as the increment of the count
 * that follows it; lanewise it costs about 0.5 ns. Two of its steps have no lanewise form and
 * are rebuilt from exact operations:
 *
 * <ul>
 *   <li>⌊m·M / 2<sup>52</sup>⌋ (m the 52 mantissa bits of |y|, M the buckets per octave, below
 *       2<sup>19</sup>), which the plain index takes from the high half of a 128-bit product. Here
 *       f = m·2<sup>−52</sup> is read exactly from the bits (1.f − 1), t = f·M is rounded once
 *       (error below 2<sup>−34</sup>), and q₀ = the integer nearest t (added to 2<sup>52</sup>,
 *       exact in that binade) is ⌊m·M/2<sup>52</sup>⌋ or one more or less. The remainder
 *       d = m·M − q₀·2<sup>52</sup> is computed in 64-bit integers: its true value lies within
 *       ±2<sup>53</sup>, so the products' wrap-around cancels and d is exact; q = q₀ − 1 when d &lt;
 *       0, q₀ + 1 when d ≥ 2<sup>52</sup>, else q₀.</li>
 *   <li>⌊t⌋ of t = y / (2α) for |y| &lt; 1 (|t| ≤ 500 001): r = the integer nearest t (by the
 *       same addition, of 1.5·2<sup>52</sup>, whose bits minus the constant's are r as a long),
 *       less one when t − r is negative. (t − r) + 0 is +0 when t − r is −0 (t = −0), so the sign
 *       bit is set exactly when t &lt; r.</li>
 * </ul>
 *
 * <p>Lanes outside a branch's range compute garbage that the mask of the other branch discards,
 * as the plain index computes both branches and selects with a mask. Stateless and thread-safe.
 * {@code VectorSketchPositionsTest} compares it with the plain index on over a million values,
 * bucket edges and special values included.
 */
public final class VectorSketchPositions implements QuantileSketch.Positions {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> W = D.withLanes(long.class);
    private static final long MANTISSA = (1L << 52) - 1;
    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);
    private static final double TWO_52 = 0x1.0p52;
    private static final long TWO_52_BITS = Double.doubleToRawLongBits(TWO_52);
    /** 1.5·2<sup>52</sup>: t + this is the integer nearest t, in the low bits, for |t| &lt; 2<sup>51</sup>. */
    private static final double ROUND = 0x1.8p52;
    private static final long ROUND_BITS = Double.doubleToRawLongBits(ROUND);

    /** Public for {@link org.mcsim.lanes.Lanes#load}. */
    public VectorSketchPositions() {
    }

    @Override
    public int positions(QuantileSketch sketch, double[] x, int from, int n, long[] at) {
        final double center = sketch.center;
        final double invScale = sketch.invScale;
        final double invWidth = sketch.invWidth;
        final long perOctave = sketch.perOctave;
        final double perOctaveD = sketch.perOctave;
        final long linear = sketch.linear;
        final long offset = sketch.offset;
        final int whole = n - n % D.length();
        for (int i = 0; i < whole; i += D.length()) {
            final DoubleVector y = DoubleVector.fromArray(D, x, from + i).sub(center).mul(invScale);
            final LongVector yBits = y.reinterpretAsLongs();
            final LongVector bits = yBits.and(Long.MAX_VALUE);
            // |y| >= 1: octave e and ⌊m·M/2^52⌋, exactly as Math.multiplyHigh gives it.
            final LongVector e = bits.lanewise(VectorOperators.LSHR, 52).sub(1023);
            final LongVector m = bits.and(MANTISSA);
            final LongVector q0 = m.or(ONE_BITS).reinterpretAsDoubles().sub(1.0).mul(perOctaveD).add(TWO_52)
                .reinterpretAsLongs().sub(TWO_52_BITS);
            final LongVector d = m.mul(perOctave).sub(q0.lanewise(VectorOperators.LSHL, 52));
            final LongVector q = q0.add(d.lanewise(VectorOperators.ASHR, 63))
                .sub(LongVector.broadcast(W, MANTISSA).sub(d).lanewise(VectorOperators.ASHR, 63));
            final LongVector log = e.mul(perOctave).add(q).add(linear)
                .lanewise(VectorOperators.XOR, yBits.lanewise(VectorOperators.ASHR, 63));
            // |y| < 1: ⌊y / (2α)⌋.
            final DoubleVector t = y.mul(invWidth);
            final DoubleVector shifted = t.add(ROUND);
            final LongVector below = t.sub(shifted.sub(ROUND)).add(0.0).reinterpretAsLongs()
                .lanewise(VectorOperators.ASHR, 63);
            final LongVector lin = shifted.reinterpretAsLongs().sub(ROUND_BITS).add(below);
            final LongVector inner = bits.sub(ONE_BITS).lanewise(VectorOperators.ASHR, 63);
            lin.and(inner).or(log.and(inner.not())).add(offset).intoArray(at, i);
        }
        return whole;
    }
}
