package org.mcsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * How many blocks the local executor asks for at once: the size of a wave changes only the work
 * done beyond a stopping point and the time spent at barriers, never a result (the engine's
 * thread-invariance tests cover that).
 */
class LocalExecutorTest {
    private static final String SMALL = """
        name: small
        inputs:
          a: {dist: normal, mean: 1, sd: 2}
          b: {dist: uniform, min: 0, max: 1}
        formulas:
          s: a + b
        outputs: [s]
        """;

    private static BlockJob job(String yaml, long samples) throws Exception {
        Plan plan = Plan.of(EngineTest.scenario(yaml));
        return BlockJob.of(plan, samples, false, null, Engine.keptVariables(plan));
    }

    /** A scenario of {@code inputs} inputs and their sum. */
    private static String wide(int inputs) {
        StringBuilder y = new StringBuilder("name: wide\ninputs:\n");
        for (int i = 0; i < inputs; i++) {
            y.append("  x").append(i).append(": {dist: uniform, min: 0, max: 1}\n");
        }
        y.append("formulas:\n  s: x0");
        for (int i = 1; i < inputs; i++) {
            y.append(" + x").append(i);
        }
        return y.append("\noutputs: [s]\n").toString();
    }

    @Test
    void aRunThatCannotStopEarlyStartsWith64BlocksAThread() throws Exception {
        BlockJob job = job(SMALL, 100_000_000);
        assertEquals(3, job.variableCount());
        assertEquals(64, new LocalExecutor(1).wave(job, 0, false));
        assertEquals(128, new LocalExecutor(2).wave(job, 0, false));
    }

    @Test
    void thenItsWavesLastAQuarterOfASecondAtThePaceOfTheLast() {
        // 128 blocks in 10 ms: 3200 fit in 250 ms, cut to 2048
        assertEquals(2048, LocalExecutor.paced(128, 10_000_000, 128, 2048));
        // 128 blocks in 100 ms: 320
        assertEquals(320, LocalExecutor.paced(128, 100_000_000, 128, 2048));
        // a slow scenario: 128 blocks in 2 s, still 64 a thread
        assertEquals(128, LocalExecutor.paced(128, 2_000_000_000L, 128, 2048));
        assertEquals(128, LocalExecutor.paced(0, 0, 128, 2048));
    }

    @Test
    void aRunKeepsItsWavesWithinMemory() throws Exception {
        assertEquals(2048, LocalExecutor.most(job(SMALL, 100_000_000), 128));
        // 2^16 variable-blocks of moments held at once: 65 blocks for 1000 variables, but 64 a
        // thread at least
        BlockJob wide = job(wide(999), 100_000_000);
        assertEquals(1000, wide.variableCount());
        assertEquals(65, LocalExecutor.most(wide, 64));
        assertEquals(192, LocalExecutor.most(wide, 192));
    }

    @Test
    void theNextWaveIsPacedByTheLastOne() throws Exception {
        BlockJob job = job(SMALL, 100_000_000);
        try (LocalExecutor two = new LocalExecutor(2)) {
            two.compute(job, 0, 128);
            assertTrue(two.lastWaveNanos() > 0);
            assertEquals(LocalExecutor.paced(128, two.lastWaveNanos(), 128, 2048), two.wave(job, 128, false));
            // another job starts again from 64 blocks a thread
            assertEquals(128, two.wave(job(SMALL, 100_000_000), 0, false));
        }
    }

    @Test
    void underUntilOneThreadGoesEightBlocksAtATime() throws Exception {
        BlockJob job = job(SMALL, 100_000_000);
        assertEquals(8, new LocalExecutor(1).wave(job, 0, true));
        assertEquals(8, new LocalExecutor(1).wave(job, 40_000, true));
    }

    @Test
    void underUntilSeveralThreadsGoInWavesThatGrowWithTheRun() throws Exception {
        BlockJob job = job(SMALL, 100_000_000);
        LocalExecutor two = new LocalExecutor(2);
        assertEquals(16, two.wave(job, 0, true));
        assertEquals(16, two.wave(job, 256, true));
        // a sixteenth of the blocks merged so far: at most that much work beyond the stop
        assertEquals(1000, two.wave(job, 16_000, true));
    }

    @Test
    void aRunOfFewerBlocksThanThreadsCountsOnlyTheThreadsItCanUse() throws Exception {
        BlockJob job = job(SMALL, 3000);
        assertEquals(2, job.blocks());
        assertEquals(16, new LocalExecutor(8).wave(job, 0, true));
    }
}
