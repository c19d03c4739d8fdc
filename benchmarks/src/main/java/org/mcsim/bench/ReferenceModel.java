package org.mcsim.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.mcsim.model.Scenario;
import org.mcsim.scenario.ScenarioDocument;
import org.mcsim.scenario.ScenarioException;

/**
 * The reference model of the throughput figures (16 inputs, 7 formulas, one claim):
 * {@code benchmarks/fleet-tco.yaml}, packed into this jar as a resource so that the benchmarks
 * run from any directory.
 */
final class ReferenceModel {
    private ReferenceModel() {
    }

    /** The reference scenario, validated. */
    static Scenario scenario() {
        return scenario("fleet-tco.yaml");
    }

    /** A scenario packed beside the reference model ({@code fleet-tco-indexed.yaml}), validated. */
    static Scenario scenario(String file) {
        try (InputStream in = ReferenceModel.class.getResourceAsStream("/" + file)) {
            byte[] bytes = in.readAllBytes();
            return ScenarioDocument.of(bytes, Path.of(file), file).build(Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ScenarioException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
