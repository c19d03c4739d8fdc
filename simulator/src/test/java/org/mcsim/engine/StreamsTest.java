package org.mcsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mcsim.dist.BlockRandom;
import org.mcsim.lanes.LaneFill;

class StreamsTest {
    @Test
    void laneZeroIsTheBlocksGeneratorAndTheOtherLanesContinueItsSeedSequence() {
        long[] state = new long[LaneFill.STATE_LENGTH];
        long key = Streams.key("p_h800");
        Streams.forLanes(2025, key, 17, state);
        BlockRandom block = Streams.forBlock(2025, key, 17);
        BlockRandom lane0 = new BlockRandom(state[0], state[8], state[16], state[24]);
        for (int i = 0; i < 100; i++) {
            assertEquals(block.nextLong(), lane0.nextLong());
        }
        Set<Long> words = new HashSet<>();
        for (long w : state) {
            words.add(w);
        }
        assertEquals(state.length, words.size(), "32 distinct words");
    }

    @Test
    void blocksAndInputsGetDifferentLanes() {
        long[] a = new long[LaneFill.STATE_LENGTH];
        long[] b = new long[LaneFill.STATE_LENGTH];
        Streams.forLanes(1, Streams.key("x"), 0, a);
        Streams.forLanes(1, Streams.key("x"), 1, b);
        assertNotEquals(a[5], b[5]);
        Streams.forLanes(1, Streams.key("y"), 0, b);
        assertNotEquals(a[5], b[5]);
        Streams.forLanes(2, Streams.key("x"), 0, b);
        assertNotEquals(a[5], b[5]);
    }
}
