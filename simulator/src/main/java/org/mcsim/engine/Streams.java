package org.mcsim.engine;

import java.nio.charset.StandardCharsets;
import org.mcsim.dist.BlockRandom;
import org.mcsim.lanes.LaneFill;
import org.mcsim.lanes.Lanes;

/**
 * Derives one independent random stream per (seed, input name, block index).
 *
 * <p>The input name is hashed to 64 bits (FNV-1a), then seed, name hash and block index are
 * mixed through the SplitMix64 finalizer (Steele, Lea &amp; Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014) into the four words of a xoshiro256++ state
 * (Blackman &amp; Vigna, 2018; {@link BlockRandom}, the same sequence as Commons RNG's
 * {@code XoShiRo256PlusPlus} from those words). Streams keyed by name make a run independent of the order of
 * inputs in the file; keyed by block, any block can be computed on any thread or machine.
 *
 * <p>Stateless and thread-safe.
 */
public final class Streams {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Streams() {
    }

    /** A 64-bit key for an input name (FNV-1a over its UTF-8 bytes, then mixed). */
    public static long key(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** The generator for one block of one input. */
    public static BlockRandom forBlock(long seed, long key, long block) {
        long s = mix(mix(seed) ^ key) ^ mix(block * GOLDEN + key);
        long a = mix(s += GOLDEN);
        long b = mix(s += GOLDEN);
        long c = mix(s += GOLDEN);
        long d = mix(s + GOLDEN);
        return new BlockRandom(a, b, c, d);
    }

    /**
     * Seeds the {@value Lanes#COUNT} generators of one block of one input for a {@link LaneFill}:
     * the SplitMix64 sequence that {@link #forBlock} starts from the same (seed, key, block)
     * continued, four words per lane, so lane 0 is {@code forBlock}'s generator and lane j takes
     * words 4j + 1 to 4j + 4, then four words for the spill generator (a generator whose words are
     * all zero, probability 2<sup>−256</sup>, gets the word 1).
     *
     * @param seed the run's seed
     * @param key the input's key ({@link #key})
     * @param block the block index
     * @param state destination, {@link LaneFill#STATE_LENGTH} words
     */
    public static void forLanes(long seed, long key, long block, long[] state) {
        long s = mix(mix(seed) ^ key) ^ mix(block * GOLDEN + key);
        final int lanes = Lanes.COUNT;
        for (int j = 0; j <= lanes; j++) {
            // Lane j's four words, word w at w * 8 + j; the ninth generator (the spill, which the
            // normals' rejection steps read) in the last four words.
            final int at = j < lanes ? j : 4 * lanes;
            final int stride = j < lanes ? lanes : 1;
            for (int w = 0; w < 4; w++) {
                state[at + w * stride] = mix(s += GOLDEN);
            }
        }
        Lanes.avoidZeroState(state);
    }

    /** The SplitMix64 finalizer (Stafford's variant 13). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
