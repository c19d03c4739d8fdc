package org.mcsim.dist;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The xoshiro256++ generator (D. Blackman and S. Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 47(4), 2021) with bulk methods that fill a whole column with the state
 * held in local variables. It produces exactly the sequence of Commons RNG's
 * {@code XoShiRo256PlusPlus} from the same four state words (a test compares them); the bulk
 * loops exist because the JIT keeps a field-held state in memory, loading and storing its four
 * words on every {@code nextLong()}, which costs more than the generator itself.
 *
 * <p>This is the one place where mcsim writes its own generator code rather than calling Commons
 * RNG: it is the innermost loop of every run. The generator's step is written out in each bulk
 * loop on purpose: a helper cannot hand back four state words and a number without an object, and
 * the point is that the words stay in registers (the test checks the loop against Commons RNG).
 * {@link #nextLong()} is the same generator one number at a time, so samplers from Commons RNG can
 * draw from it too. The lane-structured streams of the engine's common families are
 * {@link org.mcsim.lanes.LaneFill}'s.
 *
 * <p>Not thread-safe: one instance per (input, block) stream.
 */
public final class BlockRandom implements UniformRandomProvider {
    /** Bits of 1.0. */
    private static final long ONE_BITS = 0x3FF0000000000000L;

    private long s0;
    private long s1;
    private long s2;
    private long s3;

    /**
     * A generator with the given state (not all zero).
     *
     * @param s0 first state word
     * @param s1 second state word
     * @param s2 third state word
     * @param s3 fourth state word
     * @throws IllegalArgumentException if all four words are zero (a fixed point of the generator)
     */
    public BlockRandom(long s0, long s1, long s2, long s3) {
        if ((s0 | s1 | s2 | s3) == 0) {
            throw new IllegalArgumentException("xoshiro256++ state must not be all zero");
        }
        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
    }

    /**
     * {@code rng} itself when it is a block generator, otherwise a block generator seeded with
     * four numbers drawn from it (so every sampler runs the same algorithm whatever it is given).
     *
     * @param rng any generator
     * @return a block generator
     */
    public static BlockRandom of(UniformRandomProvider rng) {
        if (rng instanceof BlockRandom b) {
            return b;
        }
        long a = rng.nextLong();
        long b = rng.nextLong();
        long c = rng.nextLong();
        long d = rng.nextLong();
        return (a | b | c | d) == 0 ? new BlockRandom(1, 0, 0, 0) : new BlockRandom(a, b, c, d);
    }

    @Override
    public long nextLong() {
        final long result = Long.rotateLeft(s0 + s3, 23) + s0;
        final long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /**
     * Fills {@code out[0..n)} with open uniforms, each exactly {@link Samplers#openUniform} of
     * the next number: ((x &gt;&gt;&gt; 12) + 1/2) 2<sup>−52</sup>, in (0, 1). It is computed from
     * bits rather than by converting a long to a double, which HotSpot 17 compiles with a false
     * dependency on the target register that serializes the loop: the high 52 bits give
     * (1 + k 2<sup>−52</sup>) − 1 = k 2<sup>−52</sup> exactly, and adding 2<sup>−53</sup> is exact
     * (a test compares the bits).
     *
     * @param out destination
     * @param n how many
     */
    public void openUniforms(double[] out, int n) {
        long a = s0;
        long b = s1;
        long c = s2;
        long d = s3;
        for (int i = 0; i < n; i++) {
            final long x = Long.rotateLeft(a + d, 23) + a;
            final long t = b << 17;
            c ^= a;
            d ^= b;
            b ^= c;
            a ^= d;
            c ^= t;
            d = Long.rotateLeft(d, 45);
            out[i] = Double.longBitsToDouble(ONE_BITS | x >>> 12) - 1.0 + 0x1.0p-53;
        }
        s0 = a;
        s1 = b;
        s2 = c;
        s3 = d;
    }
}
