package org.mcsim.output;

import java.time.Instant;
import java.util.Map;

/**
 * What run.json records about a run besides its result.
 *
 * @param scenarioPath the scenario's path as given on the command line
 * @param sha256 hex SHA-256 of the scenario file's bytes
 * @param version the tool's version
 * @param engine {@code local} or {@code spark}
 * @param started when the run started
 * @param overrides the {@code --set} overrides, by key (recorded as {@code overrides})
 * @param variant the variant run ({@code --variant}), or null for the scenario itself (recorded as
 *     {@code variant} when there is one)
 * @param written each input's distribution as the file writes it (recorded as its {@code written})
 */
public record RunInfo(String scenarioPath, String sha256, String version, String engine, Instant started,
                      Map<String, Double> overrides, String variant, Map<String, String> written) {

    public RunInfo {
        overrides = Map.copyOf(overrides);
        written = Map.copyOf(written);
    }
}
