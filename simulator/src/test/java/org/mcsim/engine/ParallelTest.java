package org.mcsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void everyTaskRunsOnceOnAtMostTheThreadsGiven() {
        for (int threads : new int[] {1, 2, 3, 16}) {
            AtomicIntegerArray runs = new AtomicIntegerArray(7);
            Set<Thread> used = ConcurrentHashMap.newKeySet();
            Parallel.forEach(7, threads, i -> {
                runs.incrementAndGet(i);
                used.add(Thread.currentThread());
            });
            for (int i = 0; i < 7; i++) {
                assertEquals(1, runs.get(i), "task " + i + " on " + threads + " threads");
            }
            assertTrue(used.size() <= Math.min(threads, 7), used.size() + " threads");
            assertTrue(used.contains(Thread.currentThread()), "the caller takes its share");
        }
        Parallel.forEach(0, 4, i -> {
            throw new AssertionError("no task");
        });
    }

    @Test
    void aFailingTaskFailsTheCall() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.forEach(4, 4, i -> {
            if (i == 3) {
                throw new IllegalArgumentException("task 3");
            }
        }));
        assertTrue(e.getMessage().contains("task 3"), e.getMessage());
        OutOfMemoryError oom = new OutOfMemoryError("column 1");
        assertSame(oom, assertThrows(OutOfMemoryError.class, () -> Parallel.forEach(2, 2, i -> {
            if (i == 1) {
                throw oom;
            }
        })));
    }
}
