package org.mcsim.stats;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The pass of {@link BlockSums} written with the incubating Vector API: the same lanes, the same
 * additions in the same order, hence the same bits as {@link BlockSums#computePlain}, about three
 * times faster. Loaded by name only where {@link org.mcsim.lanes.Lanes#vectorEnabled()} holds, so
 * that no class naming a Vector API type is loaded where the module is absent; public only for
 * that loading.
 *
 * <p>The plain pass keeps its {@value BlockSums#LANES} lanes in memory and goes over them once per
 * pair of chunks. This one turns the loops round: for each vector of lanes (lanes j .. j + L, L
 * the species' length, which must divide {@value BlockSums#LANES}) it goes down the block, reading
 * values j, j + 128, j + 256, ... straight from {@code x}, and keeps the lanes' six quantities in
 * registers, storing them once at the end. Each lane still adds its values in the same order, two
 * chunks at a time and then the chunks left over, as {@code ((s + a) + b)}; min and max are the
 * lanewise {@code MIN} and {@code MAX}, which are {@link Math#min(double, double)} and
 * {@link Math#max(double, double)} (a NaN wins, −0.0 is below +0.0). Lanes of the last, partial
 * chunk that do not fill a whole vector are added one by one as in the plain pass; the fold to the
 * results is {@link BlockSums#finish()}, shared by both.
 *
 * <p>Stateless and thread-safe; allocates nothing once compiled.
 */
public final class VectorBlockSums implements BlockSums.Pass {
    private static final int LANES = BlockSums.LANES;
    /**
     * The CPU's preferred width, a constant: the Vector API compiles to vector instructions only
     * for a species the JIT compiler sees as a constant (held in a field of an instance, it boxes
     * every vector).
     */
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /**
     * The pass for the CPU's preferred vector width, for {@link BlockSums}.
     *
     * @throws IllegalStateException if that width does not divide 128 lanes
     */
    public VectorBlockSums() {
        if (LANES % SPECIES.length() != 0) {
            throw new IllegalStateException(SPECIES.length() + "-lane vectors do not divide " + LANES + " lanes");
        }
    }

    /** @return the number of lanes in a vector of this pass */
    static int width() {
        return SPECIES.length();
    }

    @Override
    public void compute(double[] x, int n, double shift, BlockSums out) {
        final VectorSpecies<Double> s = SPECIES;
        final int width = s.length();
        final double[] a = out.a;
        final int pairs = n / (2 * LANES);
        final int rest = n - pairs * 2 * LANES;
        // After the pairs: one whole chunk if at least LANES values are left, then a partial one.
        final int singles = rest >= LANES ? 1 : 0;
        final int tail = rest - singles * LANES;
        final int tailBase = n - tail;
        // Lanes of the partial chunk that fill whole vectors; the others are added one by one.
        final int whole = tail - tail % width;
        final DoubleVector k = DoubleVector.broadcast(s, shift);
        for (int j = 0; j < LANES; j += width) {
            DoubleVector s1 = DoubleVector.zero(s);
            DoubleVector s2 = s1;
            DoubleVector s3 = s1;
            DoubleVector s4 = s1;
            DoubleVector lo = DoubleVector.broadcast(s, Double.POSITIVE_INFINITY);
            DoubleVector hi = DoubleVector.broadcast(s, Double.NEGATIVE_INFINITY);
            int i = j;
            for (int p = 0; p < pairs; p++, i += 2 * LANES) {
                final DoubleVector va = DoubleVector.fromArray(s, x, i);
                final DoubleVector vb = DoubleVector.fromArray(s, x, i + LANES);
                final DoubleVector da = va.sub(k);
                final DoubleVector db = vb.sub(k);
                final DoubleVector qa = da.mul(da);
                final DoubleVector qb = db.mul(db);
                s1 = s1.add(da).add(db);
                s2 = s2.add(qa).add(qb);
                s3 = s3.add(qa.mul(da)).add(qb.mul(db));
                s4 = s4.add(qa.mul(qa)).add(qb.mul(qb));
                lo = lo.min(va.min(vb));
                hi = hi.max(va.max(vb));
            }
            final int chunks = singles + (j < whole ? 1 : 0);
            for (int c = 0; c < chunks; c++, i += LANES) {
                final DoubleVector v = DoubleVector.fromArray(s, x, i);
                final DoubleVector d = v.sub(k);
                final DoubleVector q = d.mul(d);
                s1 = s1.add(d);
                s2 = s2.add(q);
                s3 = s3.add(q.mul(d));
                s4 = s4.add(q.mul(q));
                lo = lo.min(v);
                hi = hi.max(v);
            }
            s1.intoArray(a, BlockSums.S1 + j);
            s2.intoArray(a, BlockSums.S2 + j);
            s3.intoArray(a, BlockSums.S3 + j);
            s4.intoArray(a, BlockSums.S4 + j);
            lo.intoArray(a, BlockSums.LO + j);
            hi.intoArray(a, BlockSums.HI + j);
        }
        for (int j = whole; j < tail; j++) {
            final double v = x[tailBase + j];
            final double d = v - shift;
            final double q = d * d;
            a[BlockSums.S1 + j] += d;
            a[BlockSums.S2 + j] += q;
            a[BlockSums.S3 + j] += q * d;
            a[BlockSums.S4 + j] += q * q;
            a[BlockSums.LO + j] = Math.min(a[BlockSums.LO + j], v);
            a[BlockSums.HI + j] = Math.max(a[BlockSums.HI + j], v);
        }
        out.finish();
    }
}
