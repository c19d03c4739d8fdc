package org.mcsim.lanes;

import static org.mcsim.lanes.LaneMath.A0;
import static org.mcsim.lanes.LaneMath.A1;
import static org.mcsim.lanes.LaneMath.A2;
import static org.mcsim.lanes.LaneMath.A3;
import static org.mcsim.lanes.LaneMath.A4;
import static org.mcsim.lanes.LaneMath.A5;
import static org.mcsim.lanes.LaneMath.A6;
import static org.mcsim.lanes.LaneMath.A7;
import static org.mcsim.lanes.LaneMath.B1;
import static org.mcsim.lanes.LaneMath.B2;
import static org.mcsim.lanes.LaneMath.B3;
import static org.mcsim.lanes.LaneMath.B4;
import static org.mcsim.lanes.LaneMath.B5;
import static org.mcsim.lanes.LaneMath.B6;
import static org.mcsim.lanes.LaneMath.B7;
import static org.mcsim.lanes.LaneMath.C0;
import static org.mcsim.lanes.LaneMath.C1;
import static org.mcsim.lanes.LaneMath.C2;
import static org.mcsim.lanes.LaneMath.C3;
import static org.mcsim.lanes.LaneMath.C4;
import static org.mcsim.lanes.LaneMath.C5;
import static org.mcsim.lanes.LaneMath.C6;
import static org.mcsim.lanes.LaneMath.C7;
import static org.mcsim.lanes.LaneMath.CONST1;
import static org.mcsim.lanes.LaneMath.CONST2;
import static org.mcsim.lanes.LaneMath.D1;
import static org.mcsim.lanes.LaneMath.D2;
import static org.mcsim.lanes.LaneMath.D3;
import static org.mcsim.lanes.LaneMath.D4;
import static org.mcsim.lanes.LaneMath.D5;
import static org.mcsim.lanes.LaneMath.D6;
import static org.mcsim.lanes.LaneMath.D7;
import static org.mcsim.lanes.LaneMath.E10;
import static org.mcsim.lanes.LaneMath.E11;
import static org.mcsim.lanes.LaneMath.E12;
import static org.mcsim.lanes.LaneMath.E13;
import static org.mcsim.lanes.LaneMath.E2;
import static org.mcsim.lanes.LaneMath.E3;
import static org.mcsim.lanes.LaneMath.E4;
import static org.mcsim.lanes.LaneMath.E5;
import static org.mcsim.lanes.LaneMath.E6;
import static org.mcsim.lanes.LaneMath.E7;
import static org.mcsim.lanes.LaneMath.E8;
import static org.mcsim.lanes.LaneMath.E9;
import static org.mcsim.lanes.LaneMath.EXP_MAX;
import static org.mcsim.lanes.LaneMath.EXP_MIN;
import static org.mcsim.lanes.LaneMath.INV_LN2;
import static org.mcsim.lanes.LaneMath.LG1;
import static org.mcsim.lanes.LaneMath.LG2;
import static org.mcsim.lanes.LaneMath.LG3;
import static org.mcsim.lanes.LaneMath.LG4;
import static org.mcsim.lanes.LaneMath.LG5;
import static org.mcsim.lanes.LaneMath.LG6;
import static org.mcsim.lanes.LaneMath.LG7;
import static org.mcsim.lanes.LaneMath.LN2_HI;
import static org.mcsim.lanes.LaneMath.LN2_LO;
import static org.mcsim.lanes.LaneMath.LOG_OFF;
import static org.mcsim.lanes.LaneMath.SHIFT;
import static org.mcsim.lanes.LaneMath.SHIFT_BITS;
import static org.mcsim.lanes.LaneMath.SPLIT1;
import static org.mcsim.lanes.LaneMath.SPLIT2;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneMath}'s exponential, logarithm and normal quantile on every lane of a
 * {@link DoubleVector} of any species, with the same bits: lane i of {@code exp(v)} equals
 * {@code LaneMath.exp(v.lane(i))} on any CPU.
 *
 * <p>Each method applies, lane by lane, exactly the operations that {@link LaneMath} applies to a
 * value, in the same order; a branch there becomes a blend here. Arguments that take a rare path
 * in {@link LaneMath} (outside exp's range [-746, 710], log of a subnormal, zero, negative,
 * infinite or NaN argument, the normal quantile's far tail min(p, 1 - p) &lt; 1.4e-11 and invalid
 * probabilities) send their whole vector through {@link LaneMath} lane by lane, which gives the
 * same bits by definition and keeps the vector code small: uniforms in (0, 1) take that path only
 * in the quantile's far tail, about once in 10^10 values. Keep the two classes in step: any change
 * to one is a change to the other, and {@code VectorMathTest} compares them bit for bit.
 *
 * <p>This class names Vector API types: load it only when {@link Lanes#vectorEnabled()} is true.
 * The methods are small so that C2 inlines them into the caller's loop, where the vectors stay in
 * registers and nothing is allocated (the rare path allocates one array). Stateless and
 * thread-safe.
 */
public final class VectorMath {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private VectorMath() {
    }

    /**
     * {@link LaneMath#exp} of every lane.
     *
     * @param x the exponents
     * @return e^x lane by lane
     */
    public static DoubleVector exp(DoubleVector x) {
        VectorMask<Double> inRange = x.compare(VectorOperators.GE, EXP_MIN)
                .and(x.compare(VectorOperators.LE, EXP_MAX));
        if (!inRange.allTrue()) {
            return expLanes(x);
        }
        return expCore(x);
    }

    /**
     * {@link LaneMath#exp} of {@code x[0..length)} into {@code y[0..length)} (which may be
     * {@code x}), over {@code SPECIES_PREFERRED} vectors, the last {@code length} mod (vector
     * length) values by {@link LaneMath}.
     *
     * @param x the exponents
     * @param y where the results go
     * @param length how many values
     */
    public static void exp(double[] x, double[] y, int length) {
        int bound = SPECIES.loopBound(length);
        for (int i = 0; i < bound; i += SPECIES.length()) {
            exp(DoubleVector.fromArray(SPECIES, x, i)).intoArray(y, i);
        }
        for (int i = bound; i < length; i++) {
            y[i] = LaneMath.exp(x[i]);
        }
    }

    private static DoubleVector expLanes(DoubleVector x) {
        double[] a = x.toArray();
        for (int i = 0; i < a.length; i++) {
            a[i] = LaneMath.exp(a[i]);
        }
        return DoubleVector.fromArray(x.species(), a, 0);
    }

    /** As {@link LaneMath#expCore}. */
    private static DoubleVector expCore(DoubleVector x) {
        DoubleVector t = x.fma(INV_LN2, SHIFT);
        DoubleVector kd = t.sub(SHIFT);
        LongVector k = t.reinterpretAsLongs().sub(SHIFT_BITS);
        DoubleVector hi = kd.fma(x.broadcast(-LN2_HI), x);
        DoubleVector lo = kd.mul(LN2_LO);
        DoubleVector r = hi.sub(lo);
        DoubleVector dr = hi.sub(r).sub(lo);
        DoubleVector p = expPoly(r, dr);
        LongVector k1 = k.lanewise(VectorOperators.ASHR, 1);
        LongVector k2 = k.sub(k1);
        DoubleVector scale1 = k1.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        DoubleVector scale2 = k2.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        return p.mul(scale1).mul(scale2);
    }

    /** exp(r + dr) for |r| &lt;= 0.35, as in {@link LaneMath#expCore}. */
    private static DoubleVector expPoly(DoubleVector r, DoubleVector dr) {
        DoubleVector r2 = r.mul(r);
        DoubleVector r4 = r2.mul(r2);
        DoubleVector p23 = r.broadcast(E3).fma(r, r.broadcast(E2));
        DoubleVector p45 = r.broadcast(E5).fma(r, r.broadcast(E4));
        DoubleVector p67 = r.broadcast(E7).fma(r, r.broadcast(E6));
        DoubleVector p89 = r.broadcast(E9).fma(r, r.broadcast(E8));
        DoubleVector p1011 = r.broadcast(E11).fma(r, r.broadcast(E10));
        DoubleVector p1213 = r.broadcast(E13).fma(r, r.broadcast(E12));
        DoubleVector q25 = p45.fma(r2, p23);
        DoubleVector q69 = p89.fma(r2, p67);
        DoubleVector q1013 = p1213.fma(r2, p1011);
        DoubleVector q = q1013.fma(r4, q69).fma(r4, q25);
        DoubleVector tail = r2.fma(q, dr.fma(r, dr));
        DoubleVector one = r.broadcast(1.0);
        DoubleVector s = one.add(r);
        DoubleVector e = one.sub(s).add(r);
        return s.add(e.add(tail));
    }

    /**
     * {@link LaneMath#log} of every lane.
     *
     * @param x the arguments
     * @return ln x lane by lane
     */
    public static DoubleVector log(DoubleVector x) {
        VectorMask<Double> normal = x.compare(VectorOperators.GE, Double.MIN_NORMAL)
                .and(x.compare(VectorOperators.LT, Double.POSITIVE_INFINITY));
        if (!normal.allTrue()) {
            return logLanes(x);
        }
        return logCore(x);
    }

    /**
     * {@link LaneMath#log} of {@code x[0..length)} into {@code y[0..length)} (which may be
     * {@code x}), over {@code SPECIES_PREFERRED} vectors, the last {@code length} mod (vector
     * length) values by {@link LaneMath}.
     *
     * @param x the arguments
     * @param y where the results go
     * @param length how many values
     */
    public static void log(double[] x, double[] y, int length) {
        int bound = SPECIES.loopBound(length);
        for (int i = 0; i < bound; i += SPECIES.length()) {
            log(DoubleVector.fromArray(SPECIES, x, i)).intoArray(y, i);
        }
        for (int i = bound; i < length; i++) {
            y[i] = LaneMath.log(x[i]);
        }
    }

    private static DoubleVector logLanes(DoubleVector x) {
        double[] a = x.toArray();
        for (int i = 0; i < a.length; i++) {
            a[i] = LaneMath.log(a[i]);
        }
        return DoubleVector.fromArray(x.species(), a, 0);
    }

    /**
     * As {@link LaneMath#logCore} with shift 0, whose subtraction of 0 leaves every double
     * (-0 included) unchanged and is left out here.
     */
    private static DoubleVector logCore(DoubleVector x) {
        LongVector bits = x.reinterpretAsLongs();
        LongVector k = bits.sub(LOG_OFF).lanewise(VectorOperators.ASHR, 52);
        DoubleVector m = bits.sub(k.lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
        DoubleVector dk = k.add(SHIFT_BITS).reinterpretAsDoubles().sub(SHIFT);
        DoubleVector f = m.sub(1.0);
        DoubleVector s = f.div(f.add(2.0));
        DoubleVector z = s.mul(s);
        DoubleVector w = z.mul(z);
        DoubleVector t1 = w.mul(w.mul(w.mul(LG6).add(LG4)).add(LG2));
        DoubleVector t2 = z.mul(w.mul(w.mul(w.mul(LG7).add(LG5)).add(LG3)).add(LG1));
        DoubleVector rr = t2.add(t1);
        DoubleVector hfsq = f.mul(0.5).mul(f);
        DoubleVector inner = hfsq.sub(s.mul(hfsq.add(rr)).add(dk.mul(LN2_LO))).sub(f);
        return dk.mul(LN2_HI).sub(inner);
    }

    /**
     * {@link LaneMath#normalQuantile} of every lane.
     *
     * <p>Correct, but too much code for C2 to inline into a loop (see
     * {@link #normalQuantile(double[], double[], int)}): called per vector in a hot loop it
     * allocates each vector (about 60 bytes a value) and is slower than {@link LaneMath}. Hot
     * loops use the block form.
     *
     * @param p the probabilities
     * @return &Phi;<sup>-1</sup>(p) lane by lane
     */
    public static DoubleVector normalQuantile(DoubleVector p) {
        DoubleVector q = p.sub(0.5);
        VectorMask<Double> tail = tailMask(q);
        DoubleVector z = central(q);
        if (tail.anyTrue()) {
            return tail(p, q, z, tail);
        }
        return z;
    }

    /**
     * {@link LaneMath#normalQuantile} of {@code p[0..length)} into {@code z[0..length)} (distinct
     * arrays), over {@code SPECIES_PREFERRED} vectors, the last {@code length} mod (vector length)
     * values by {@link LaneMath}.
     *
     * <p>Prefer this to calling {@link #normalQuantile(DoubleVector)} in a loop: the whole quantile
     * (two rational functions, a logarithm, a square root) is more code than C2 inlines into one
     * compilation (it stops at about 18,000 IR nodes, and will not inline a method it has already
     * compiled to more than 2,500 bytes), and a vector passed to a method that is not inlined is
     * allocated. Here each loop does a part that fits: AS 241's central region for all values, then
     * for the vectors holding a tail value r = sqrt(-log(min(p, 1 - p))), kept in z, then the
     * intermediate region's rational function of r. A block with a value in the far tail
     * (min(p, 1 - p) &lt; 1.4e-11, once in 10^10 uniforms) or an invalid probability is computed
     * by {@link LaneMath}. Nothing is allocated.
     *
     * @param p the probabilities
     * @param z where the quantiles go, not {@code p}
     * @param length how many values
     */
    public static void normalQuantile(double[] p, double[] z, int length) {
        int bound = SPECIES.loopBound(length);
        if (centralPass(p, z, bound)) {
            if (radiusPass(p, z, bound)) {
                intermediatePass(p, z, bound);
            } else {
                bound = 0;
            }
        }
        for (int i = bound; i < length; i++) {
            z[i] = LaneMath.normalQuantile(p[i]);
        }
    }

    private static VectorMask<Double> tailMask(DoubleVector q) {
        return q.abs().compare(VectorOperators.LE, SPLIT1).not();
    }

    /** Central region for every value; whether any vector holds a tail value. */
    private static boolean centralPass(double[] p, double[] z, int bound) {
        boolean anyTail = false;
        for (int i = 0; i < bound; i += SPECIES.length()) {
            DoubleVector q = DoubleVector.fromArray(SPECIES, p, i).sub(0.5);
            anyTail |= tailMask(q).anyTrue();
            central(q).intoArray(z, i);
        }
        return anyTail;
    }

    /** r of each tail value into z; false if some value needs the far tail or is invalid. */
    private static boolean radiusPass(double[] p, double[] z, int bound) {
        for (int i = 0; i < bound; i += SPECIES.length()) {
            DoubleVector pv = DoubleVector.fromArray(SPECIES, p, i);
            DoubleVector q = pv.sub(0.5);
            VectorMask<Double> tail = tailMask(q);
            if (tail.anyTrue()) {
                DoubleVector r = radius(pv, q);
                // as intermediate(pv, r), written out: after the logarithm C2 is near its inlining
                // budget and would call a helper with boxed vectors
                if (!r.compare(VectorOperators.LE, SPLIT2).and(pv.compare(VectorOperators.GT, 0.0))
                        .and(pv.compare(VectorOperators.LT, 1.0)).allTrue()) {
                    return false;
                }
                DoubleVector.fromArray(SPECIES, z, i).blend(r, tail).intoArray(z, i);
            }
        }
        return true;
    }

    /** The intermediate region's value for each tail value, from its r in z. */
    private static void intermediatePass(double[] p, double[] z, int bound) {
        for (int i = 0; i < bound; i += SPECIES.length()) {
            DoubleVector q = DoubleVector.fromArray(SPECIES, p, i).sub(0.5);
            VectorMask<Double> tail = tailMask(q);
            if (tail.anyTrue()) {
                DoubleVector zr = DoubleVector.fromArray(SPECIES, z, i);
                DoubleVector v = intermediate(zr.sub(CONST2));
                zr.blend(v.blend(v.neg(), q.compare(VectorOperators.LT, 0.0)), tail).intoArray(z, i);
            }
        }
    }

    /** sqrt(-log(q &lt; 0 ? p : 1 - p)), AS 241's r. */
    private static DoubleVector radius(DoubleVector p, DoubleVector q) {
        return log(p.broadcast(1.0).sub(p).blend(p, q.compare(VectorOperators.LT, 0.0))).neg().sqrt();
    }

    /**
     * Lanes whose r is in the intermediate region and p is a probability: lanes with |q| &lt;= 0.425
     * have r &lt;= 1.61 and pass; NaN and p outside (0, 1) fail.
     */
    private static VectorMask<Double> intermediate(DoubleVector p, DoubleVector r) {
        return r.compare(VectorOperators.LE, SPLIT2).and(p.compare(VectorOperators.GT, 0.0))
                .and(p.compare(VectorOperators.LT, 1.0));
    }

    /** The lanes of {@code tail} computed as AS 241's intermediate region, those of z kept. */
    private static DoubleVector tail(DoubleVector p, DoubleVector q, DoubleVector z, VectorMask<Double> tail) {
        DoubleVector r = radius(p, q);
        if (!intermediate(p, r).allTrue()) {
            return normalQuantileLanes(p);
        }
        DoubleVector v = intermediate(r.sub(CONST2));
        return z.blend(v.blend(v.neg(), q.compare(VectorOperators.LT, 0.0)), tail);
    }

    private static DoubleVector normalQuantileLanes(DoubleVector p) {
        double[] a = p.toArray();
        for (int i = 0; i < a.length; i++) {
            a[i] = LaneMath.normalQuantile(a[i]);
        }
        return DoubleVector.fromArray(p.species(), a, 0);
    }

    private static DoubleVector central(DoubleVector q) {
        DoubleVector r = q.broadcast(CONST1).sub(q.mul(q));
        DoubleVector num = horner(r, A7, A6, A5, A4, A3, A2, A1, A0);
        DoubleVector den = horner(r, B7, B6, B5, B4, B3, B2, B1, 1.0);
        return q.mul(num).div(den);
    }

    private static DoubleVector intermediate(DoubleVector r) {
        return horner(r, C7, C6, C5, C4, C3, C2, C1, C0).div(horner(r, D7, D6, D5, D4, D3, D2, D1, 1.0));
    }

    /** c7 r^7 + ... + c0 by Horner's rule with fma, as {@link LaneMath} writes it out. */
    private static DoubleVector horner(DoubleVector r, double c7, double c6, double c5, double c4,
            double c3, double c2, double c1, double c0) {
        return r.broadcast(c7).fma(r, r.broadcast(c6)).fma(r, r.broadcast(c5)).fma(r, r.broadcast(c4))
                .fma(r, r.broadcast(c3)).fma(r, r.broadcast(c2)).fma(r, r.broadcast(c1))
                .fma(r, r.broadcast(c0));
    }
}
