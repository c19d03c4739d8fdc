package org.mcsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Engines are named by their labels, and an unknown name is refused with the names there are. */
class EngineKindTest {

    @Test
    void labelsNameTheEngines() {
        for (EngineKind k : EngineKind.values()) {
            assertEquals(k, EngineKind.parse(k.label()));
        }
        assertEquals("spark", EngineKind.SPARK.label());
    }

    @Test
    void anEngineThatDoesNotExistIsRefusedWithTheOnesThatDo() {
        RunFailedException e = assertThrows(RunFailedException.class, () -> BlockExecutor.open("gpu", 1, Map.of()));
        assertEquals("--engine gpu: unknown engine 'gpu' (expected local or spark)", e.getMessage());
    }

    @Test
    void theLocalEngineOpensByKind() throws Exception {
        try (BlockExecutor local = BlockExecutor.open(EngineKind.LOCAL, 2, Map.of())) {
            assertEquals("local", local.name());
            assertEquals(2, local.localThreads());
        }
    }
}
