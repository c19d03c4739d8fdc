package org.mcsim.stats;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The pass of {@link BlockSums} written with the incubating Vector API: the same lanes, the same
 * additions in the same order, hence the same bits as {@link BlockSums#computePlain}, in a third to
 * a half of its time. Loaded by name only where {@link org.mcsim.lanes.Lanes#vectorEnabled()}
 * holds, so that no class naming a Vector API type is loaded where the module is absent; public
 * only for that loading.
 *
 * <p>The plain pass keeps its {@value BlockSums#LANES} lanes in memory and goes over them once per
 * pair of chunks, from a copy of the chunks. This one turns the loops round: for each vector of
 * lanes (lanes j .. j + L, L the preferred species' length, which divides
 * {@value BlockSums#LANES}) it goes down the block, reading values j, j + 128, j + 256, ...
 * straight from {@code x} (after reading the block ahead in order, one value per cache line, which
 * the prefetchers follow), and keeps the lanes' six quantities in registers, storing them once at
 * the end. Each lane still adds its values in the same order: the plain pass's
 * {@code ((s + a) + b)} for a pair of chunks is two additions in turn, so this pass adds one chunk
 * a turn. Lanes of the last, partial chunk that do not fill a whole vector are added one by one as
 * in the plain pass; the fold of the sums is {@link BlockSums#finishSums()}, the plain pass's own.
 *
 * <p>Min and max are kept as integer keys ({@link #key(long)}: the bits, all but the sign flipped
 * for negative values), whose signed order is the order of {@link Math#min(double, double)},
 * −0.0 below +0.0: a shift, a shift and an exclusive or per vector, then one integer min and max,
 * where the lanewise {@code MIN} and {@code MAX} of doubles cost six instructions each on AVX-512
 * (to order NaN and signed zeros as Math.min does). The keys are stored as they are, and the least
 * and greatest of them found at the end, lanewise and then across the lanes, instead of folding
 * them as doubles with the plain pass's {@code Math.min} and {@code max} (JMH
 * {@code blockMomentsOwnScratch}: 0.47 → 0.42 ns a value). Keys do not order NaN that way; a NaN
 * among the values makes Σd NaN, so a block whose Σd is NaN (a NaN, or ∞ − ∞) is done again by
 * the plain pass, whose min and max are then NaN as they must be. Minimum and maximum are exact,
 * hence the same whatever the order of comparison; only the sums depend on the order, and it is
 * kept.
 *
 * <p>The species is {@code SPECIES_PREFERRED}, held in a static final field: the Vector API
 * compiles to vector instructions only for a species the JIT compiler sees as a constant.
 *
 * <p>Stateless and thread-safe; allocates nothing once compiled. Until the JIT compiler has
 * compiled it (some hundreds of blocks), each vector operation is interpreted and allocates, and
 * a block costs about a millisecond: {@link BlockSums} hands blocks to it only once
 * {@link VectorWarmup} has seen it compiled.
 */
public final class VectorBlockSums implements BlockSums.Pass {
    private static final int LANES = BlockSums.LANES;
    /** The CPU's preferred width, a constant (held in a field of an instance, it boxes every vector). */
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** Longs in vectors of the same shape, for the ordering keys of the values. */
    private static final VectorSpecies<Long> KEYS = SPECIES.withLanes(long.class);
    /** {@link #key} of +∞ and of −∞. */
    private static final long KEY_POSITIVE_INFINITY = key(Double.doubleToRawLongBits(Double.POSITIVE_INFINITY));
    private static final long KEY_NEGATIVE_INFINITY = key(Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY));

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
        // Chunk c of the block holds values c*LANES .. (c+1)*LANES; the last may be partial.
        final int chunks = n / LANES;
        final int tail = n - chunks * LANES;
        final int tailBase = n - tail;
        // Lanes of the partial chunk that fill whole vectors; the others are added one by one.
        final int whole = tail - tail % width;
        // Read ahead one value per cache line, in order: the lane loops below go down the block
        // with a stride of 1 KB, which the prefetchers follow badly when the block is not in the
        // caches (JMH, blocks from memory: 1.0 ns per value without this, 0.55 with it).
        long seen = 0;
        for (int i = 0; i < n; i += 8) {
            seen |= Double.doubleToRawLongBits(x[i]);
        }
        out.readAhead = seen;
        for (int j = 0; j < LANES; j += width) {
            // Made here, not once before the loop: JDK 17 then boxes it (80 bytes a block).
            final DoubleVector k = DoubleVector.broadcast(s, shift);
            DoubleVector s1 = DoubleVector.zero(s);
            DoubleVector s2 = s1;
            DoubleVector s3 = s1;
            DoubleVector s4 = s1;
            LongVector lo = LongVector.broadcast(KEYS, KEY_POSITIVE_INFINITY);
            LongVector hi = LongVector.broadcast(KEYS, KEY_NEGATIVE_INFINITY);
            // One loop, one chunk a turn: ((s + a) + b) for a pair of chunks is two such turns, and
            // a single loop keeps the vectors in registers (two loops merging them made C2 box them).
            final int end = j < whole ? chunks + 1 : chunks;
            for (int c = 0, i = j; c < end; c++, i += LANES) {
                final DoubleVector v = DoubleVector.fromArray(s, x, i);
                final DoubleVector d = v.sub(k);
                final DoubleVector q = d.mul(d);
                s1 = s1.add(d);
                s2 = s2.add(q);
                s3 = s3.add(q.mul(d));
                s4 = s4.add(q.mul(q));
                final LongVector kv = key(v);
                lo = lo.min(kv);
                hi = hi.max(kv);
            }
            s1.intoArray(a, BlockSums.S1 + j);
            s2.intoArray(a, BlockSums.S2 + j);
            s3.intoArray(a, BlockSums.S3 + j);
            s4.intoArray(a, BlockSums.S4 + j);
            lo.viewAsFloatingLanes().intoArray(a, BlockSums.LO + j);
            hi.viewAsFloatingLanes().intoArray(a, BlockSums.HI + j);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = whole; j < tail; j++) {
            final double v = x[tailBase + j];
            final double d = v - shift;
            final double q = d * d;
            a[BlockSums.S1 + j] += d;
            a[BlockSums.S2 + j] += q;
            a[BlockSums.S3 + j] += q * d;
            a[BlockSums.S4 + j] += q * q;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        out.finishSums();
        out.min = Math.min(Double.longBitsToDouble(key(leastKey(a))), min);
        out.max = Math.max(Double.longBitsToDouble(key(greatestKey(a))), max);
        if (Double.isNaN(out.sum1)) {
            // A NaN among the values (or ∞ − ∞): the keys do not order NaN as Math.min does.
            out.computePlain(x, n, shift);
        }
    }

    /**
     * The least of the keys the lanes left at {@link BlockSums#LO}. This and
     * {@link #greatestKey} are two methods, not one taking the operator: the Vector API compiles
     * an operation to vector instructions only where C2 sees its operator as a constant, which a
     * parameter is not when the call is not inlined.
     */
    private static long leastKey(double[] a) {
        LongVector least = DoubleVector.fromArray(SPECIES, a, BlockSums.LO).viewAsIntegralLanes();
        for (int j = SPECIES.length(); j < LANES; j += SPECIES.length()) {
            least = least.min(DoubleVector.fromArray(SPECIES, a, BlockSums.LO + j).viewAsIntegralLanes());
        }
        return least.reduceLanes(VectorOperators.MIN);
    }

    /** The greatest of the keys the lanes left at {@link BlockSums#HI}. */
    private static long greatestKey(double[] a) {
        LongVector greatest = DoubleVector.fromArray(SPECIES, a, BlockSums.HI).viewAsIntegralLanes();
        for (int j = SPECIES.length(); j < LANES; j += SPECIES.length()) {
            greatest = greatest.max(DoubleVector.fromArray(SPECIES, a, BlockSums.HI + j).viewAsIntegralLanes());
        }
        return greatest.reduceLanes(VectorOperators.MAX);
    }

    /**
     * A long whose signed order is the order of the doubles by {@link Math#min(double, double)}
     * (−0.0 below +0.0), for doubles other than NaN: the bits, with all but the sign flipped for
     * negative values. Its own inverse.
     */
    private static long key(long bits) {
        return bits ^ (bits >> 63 >>> 1);
    }

    /** {@link #key(long)} of each lane of doubles. */
    private static LongVector key(DoubleVector v) {
        return flip(v.viewAsIntegralLanes());
    }

    /** {@link #key(long)} lanewise. */
    private static LongVector flip(LongVector bits) {
        return bits.lanewise(VectorOperators.XOR,
            bits.lanewise(VectorOperators.ASHR, 63).lanewise(VectorOperators.LSHR, 1));
    }
}
