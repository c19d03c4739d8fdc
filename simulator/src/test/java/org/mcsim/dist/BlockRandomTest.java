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
