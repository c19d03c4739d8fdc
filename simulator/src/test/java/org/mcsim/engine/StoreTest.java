package org.mcsim.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The store of kept samples grows by doubling, up to its ceiling, keeping what it holds. */
class StoreTest {

    private static Store filled(int variables, long ceiling, int n) {
        Store s = new Store(variables, ceiling);
        for (int v = 0; v < variables; v++) {
            for (int i = 0; i < n; i++) {
                s.column(v)[i] = v * 1e7 + i;
            }
        }
        return s;
    }

    private static void assertHolds(Store s, int n) {
        for (int v = 0; v < s.variables(); v++) {
            for (int i = 0; i < n; i++) {
                if (s.column(v)[i] != v * 1e7 + i) {
                    assertEquals(v * 1e7 + i, s.column(v)[i], "variable " + v + " sample " + i);
                }
            }
        }
    }

    @Test
    void growingDoublesUpToTheCeilingAndKeepsTheSamples() {
        Store s = filled(3, 5_000_000, 1 << 20);
        s.ensure((1 << 20) + 1, 1, 0);
        assertEquals(1 << 21, s.column(0).length);
        assertHolds(s, 1 << 20);
        s.ensure(4_500_000, 1, 0);
        assertEquals(4_500_000, s.column(2).length, "more than double: exactly what is asked");
        s.ensure(4_600_000, 1, 0);
        assertEquals(5_000_000, s.column(1).length, "never past the ceiling");
        assertHolds(s, 1 << 20);
    }

    @Test
    void anExpectedSizeAboveTheDoubleIsGrownToInOneStep() {
        Store s = filled(2, 6_000_000, 1 << 20);
        s.ensure((1 << 20) + 1, 1, 2_500_000);
        assertEquals(2_500_000, s.column(0).length, "straight to the expected size");
        assertHolds(s, 1 << 20);
        s.ensure(2_500_001, 1, 2_600_000);
        assertEquals(5_000_000, s.column(1).length, "a hint below the double does not hold growth back");
        s.ensure(5_000_001, 1, 90_000_000);
        assertEquals(6_000_000, s.column(0).length, "nor takes it past the ceiling");
        assertHolds(s, 1 << 20);
    }

    @Test
    void growingOnSeveralThreadsGivesTheSameColumns() {
        for (int threads : new int[] {2, 3, 8}) {
            // 5 columns of 2^21 samples: enough values to be spread over the threads
            Store serial = filled(5, 20_000_000, 100_000);
            Store parallel = filled(5, 20_000_000, 100_000);
            serial.ensure(2_000_000, 1, 0);
            parallel.ensure(2_000_000, threads, 0);
            for (int v = 0; v < 5; v++) {
                assertEquals(1 << 21, parallel.column(v).length);
                assertArrayEquals(serial.column(v), parallel.column(v), threads + " threads, variable " + v);
            }
        }
    }
}
