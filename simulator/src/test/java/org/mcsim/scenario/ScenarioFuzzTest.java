package org.mcsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fuzz target for the scenario reader (Jazzer): any bytes give a validated scenario or a
 * {@link ScenarioException} whose every line is {@code f.yaml:LINE:COLUMN: message} or
 * {@code f.yaml: message}; never another exception, never a slow refusal. In the default test
 * run the target replays its committed corpus ({@code ScenarioFuzzTestInputs/METHOD/} under
 * the test resources); with {@code JAZZER_FUZZ=1} it is fuzzed (README, Fuzzing).
 */
class ScenarioFuzzTest {

    private static final Pattern LINE = Pattern.compile("f\\.yaml(:[1-9][0-9]*:[1-9][0-9]*)?: [^\\r\\n]+");
    private static final Duration SLOWEST = Duration.ofSeconds(5);

    @FuzzTest(maxDuration = "20m")
    @DictionaryFile(resourcePath = "scenario.dict")
    void anyBytesGiveAScenarioOrPositionedErrors(byte[] bytes) {
        long start = System.nanoTime();
        try {
            assertNotNull(ScenarioDocument.of(bytes, Path.of("f.yaml"), "f.yaml").build(Map.of()));
        } catch (ScenarioException e) {
            assertFalse(e.lines().isEmpty());
            boolean written = new String(bytes, StandardCharsets.ISO_8859_1).contains("Exception");
            for (String line : e.lines()) {
                assertTrue(LINE.matcher(line).matches(), () -> "malformed diagnostic: " + line);
                assertFalse(!written && line.contains("Exception"), () -> "exception name shown: " + line);
            }
            assertEquals(e.lines(), e.lines().stream().distinct().toList(), "a problem reported twice");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(SLOWEST) < 0, () -> "took " + took + " for " + bytes.length + " bytes");
    }
}
