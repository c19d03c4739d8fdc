package org.mcsim.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fuzz target for empirical data files (Jazzer): any bytes as the CSV beside a scenario with an
 * empirical input give a scenario or {@code FILE:LINE:COLUMN: message} lines (in the scenario or
 * in the CSV) that quote at most a short cell and name no Java class, within seconds. The
 * default test run replays the committed corpus ({@code EmpiricalFuzzTestInputs/METHOD/});
 * {@code JAZZER_FUZZ=1} fuzzes (README, Fuzzing).
 */
class EmpiricalFuzzTest {
    private static final Pattern LINE = Pattern.compile("(s\\.yaml|data\\.csv)(:[1-9][0-9]*:[1-9][0-9]*)?: [^\\r\\n]+");
    private static final Duration SLOWEST = Duration.ofSeconds(5);
    private static final String SCENARIO = "name: e\ninputs:\n  x: {dist: empirical, file: data.csv, column: v}\n";

    @FuzzTest(maxDuration = "10m")
    void anyCsvGivesAScenarioOrPositionedErrors(byte[] bytes) throws IOException {
        Path dir = Files.createTempDirectory("mcsim-empirical-fuzz");
        try {
            Files.write(dir.resolve("data.csv"), bytes);
            Path s = Files.writeString(dir.resolve("s.yaml"), SCENARIO, StandardCharsets.UTF_8);
            long start = System.nanoTime();
            try {
                assertNotNull(ScenarioDocument.read(s, "s.yaml").build(Map.of()));
            } catch (ScenarioException e) {
                assertFalse(e.lines().isEmpty());
                boolean written = new String(bytes, StandardCharsets.ISO_8859_1).contains("Exception");
                for (String line : e.lines()) {
                    assertTrue(LINE.matcher(line).matches(), () -> "malformed diagnostic: " + line);
                    assertTrue(line.length() < 400, () -> "quotes too much: " + line);
                    assertFalse(!written && line.contains("Exception"), () -> "exception name shown: " + line);
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(SLOWEST) < 0, () -> "took " + took);
        } finally {
            Files.deleteIfExists(dir.resolve("data.csv"));
            Files.deleteIfExists(dir.resolve("s.yaml"));
            Files.deleteIfExists(dir);
        }
    }
}
