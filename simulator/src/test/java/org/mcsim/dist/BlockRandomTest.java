package org.mcsim.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The hand-written generator is Commons RNG's xoshiro256++, number for number. */
class BlockRandomTest {
    private static final long[][] STATES = {
        {1, 2, 3, 4},
        {0x9E3779B97F4A7C15L, -1, 0, 0x123456789ABCDEFL},
        {-1, -1, -1, -1},
        {0, 0, 0, 1},
    };

    @Test
    void nextLongIsXoShiRo256PlusPlus() {
        for (long[] s : STATES) {
            XoShiRo256PlusPlus reference = new XoShiRo256PlusPlus(s.clone());
            BlockRandom mine = new BlockRandom(s[0], s[1], s[2], s[3]);
            for (int i = 0; i < 100_000; i++) {
                assertEquals(reference.nextLong(), mine.nextLong(), "number " + i);
            }
        }
    }

    @Test
    void bulkUniformsContinueTheSameSequence() {
        for (long[] s : STATES) {
            XoShiRo256PlusPlus reference = new XoShiRo256PlusPlus(s.clone());
            BlockRandom mine = new BlockRandom(s[0], s[1], s[2], s[3]);
            double[] u = new double[3001];
            for (int round = 0; round < 3; round++) {
                int n = 1000 * round + 1;
                mine.openUniforms(u, n);
                for (int i = 0; i < n; i++) {
                    assertEquals(Samplers.openUniform(reference), u[i], "round " + round + " value " + i);
                }
                // the state is written back: a single draw after the bulk one continues the sequence
                assertEquals(reference.nextLong(), mine.nextLong());
            }
        }
    }

    @Test
    void normalsConsumeTheSameStateAsSingleDraws() {
        BlockRandom bulk = new BlockRandom(5, 6, 7, 8);
        BlockRandom one = new BlockRandom(5, 6, 7, 8);
        double[] many = new double[50_000];
        double[] single = new double[1];
        bulk.normals(many, many.length, 0, 1);
        for (int i = 0; i < many.length; i++) {
            one.normals(single, 1, 0, 1);
            assertEquals(many[i], single[0], "draw " + i);
        }
        assertEquals(bulk.nextLong(), one.nextLong());
    }

    /**
     * The xoshiro256++ step written out in {@link BlockRandom#normals} is Commons RNG's: for each
     * state, every draw up to the first one off the ziggurat's fast path is recomputed from the
     * reference generator's numbers (one number a draw: layer from the low bits, point from the
     * high ones); the first off-path draw equals {@link Ziggurat#outside} continued from the same
     * state; and after both, the generator continues the reference sequence.
     */
    @Test
    void normalsStepIsXoShiRo256PlusPlus() {
        XoShiRo256PlusPlus seeds = new XoShiRo256PlusPlus(new long[] {11, 12, 13, 14});
        int offPath = 0;
        for (int state = 0; state < 200; state++) {
            long[] s = {seeds.nextLong(), seeds.nextLong(), seeds.nextLong(), seeds.nextLong()};
            XoShiRo256PlusPlus reference = new XoShiRo256PlusPlus(s.clone());
            double[] expected = new double[4096];
            int fast = 0;
            long x = reference.nextLong();
            while (fast < expected.length && Math.abs(Ziggurat.point(x)) < Ziggurat.K[(int) x & Ziggurat.LAYER_MASK]) {
                expected[fast++] = 3 + 2 * (Ziggurat.point(x) * Ziggurat.W[(int) x & Ziggurat.LAYER_MASK]);
                x = reference.nextLong();
            }
            BlockRandom mine = new BlockRandom(s[0], s[1], s[2], s[3]);
            double[] out = new double[fast + 1];
            mine.normals(out, fast + 1, 3, 2);
            for (int i = 0; i < fast; i++) {
                assertEquals(expected[i], out[i], "state " + state + " draw " + i);
            }
            if (fast == expected.length) {
                continue;
            }
            offPath++;
            // the same state one number at a time (nextLong is Commons RNG's, checked above)
            BlockRandom follow = new BlockRandom(s[0], s[1], s[2], s[3]);
            XoShiRo256PlusPlus again = new XoShiRo256PlusPlus(s.clone());
            for (int i = 0; i <= fast; i++) {
                assertEquals(again.nextLong(), follow.nextLong());
            }
            int layer = (int) x & Ziggurat.LAYER_MASK;
            assertEquals(3 + 2 * Ziggurat.outside(follow, layer, Ziggurat.point(x)), out[fast], "state " + state);
            assertEquals(follow.nextLong(), mine.nextLong(), "state " + state + " after the off-path draw");
        }
        // about 1.5% of draws leave the fast path: most of the 200 states reached one
        assertTrue(offPath > 150, offPath + " states reached an off-path draw");
    }

    @Test
    void ofKeepsABlockGeneratorAndSeedsOtherwise() {
        BlockRandom b = new BlockRandom(1, 2, 3, 4);
        assertSame(b, BlockRandom.of(b));
        BlockRandom x = BlockRandom.of(RandomSource.XO_SHI_RO_256_PP.create(9L));
        BlockRandom y = BlockRandom.of(RandomSource.XO_SHI_RO_256_PP.create(9L));
        assertEquals(x.nextLong(), y.nextLong());
    }

    @Test
    void allZeroStateIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BlockRandom(0, 0, 0, 0));
    }
}
