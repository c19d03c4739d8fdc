package org.mcsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void aRunThatCannotStopEarlyGoesInWavesOf2048Blocks() throws Exception {
        BlockJob job = job(SMALL, 100_000_000);
        assertEquals(3, job.variableCount());
        assertEquals(2048, new LocalExecutor(1).wave(job, 0, false));
        assertEquals(2048, new LocalExecutor(2).wave(job, 5000, false));
        // unless the threads need more: 64 blocks each
        assertEquals(64 * 64, new LocalExecutor(64).wave(job, 0, false));
    }

    @Test
    void aScenarioWithManyVariablesGoesInShorterWaves() throws Exception {
        BlockJob job = job(wide(999), 100_000_000);
        assertEquals(1000, job.variableCount());
        // 2^16 variable-blocks of moments held at once: 65 blocks, but 64 a thread at least
        assertEquals(65, new LocalExecutor(1).wave(job, 0, false));
        assertEquals(128, new LocalExecutor(2).wave(job, 0, false));
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
