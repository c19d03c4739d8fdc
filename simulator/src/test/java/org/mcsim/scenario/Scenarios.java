package org.mcsim.scenario;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mcsim.model.Scenario;

/** Test support: writes a scenario text as {@code s.yaml} in a directory and reads it. */
final class Scenarios {

    /** The display name used for every file written here. */
    static final String NAME = "s.yaml";

    /** A minimal valid head to which tests append. */
    static final String HEAD = "name: t\ninputs:\n  x: {dist: normal, mean: 0, sd: 1}\n";

    private Scenarios() {
    }

    static Path write(Path dir, String text) {
        try {
            Path p = dir.resolve(NAME);
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and builds without overrides. */
    static Scenario build(Path dir, String text) throws ScenarioException {
        return build(dir, text, Map.of());
    }

    static Scenario build(Path dir, String text, Map<String, Double> overrides) throws ScenarioException {
        return ScenarioDocument.read(write(dir, text), NAME).build(overrides);
    }

    /** The error lines of a text that must be refused. */
    static List<String> errors(Path dir, String text) {
        return errors(dir, text, Map.of());
    }

    static List<String> errors(Path dir, String text, Map<String, Double> overrides) {
        return assertThrows(ScenarioException.class, () -> build(dir, text, overrides)).lines();
    }
}
