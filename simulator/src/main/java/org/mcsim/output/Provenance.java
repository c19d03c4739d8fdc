package org.mcsim.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What produced a file that a command adds to a run folder ({@code sensitivity.csv},
 * {@code sweep.csv}, {@code solve.csv}): the command, the scenario file and the SHA-256 of its
 * bytes, the seed, the sample count, the method, the {@code --set} overrides and the variant. It is written
 * beside the file as {@code FILE.json} (the CSV's columns are a contract and stay as they are),
 * and {@code run.json} records the same for the run, so that {@code report} can tell a file that
 * belongs to the run from one produced by another scenario, seed, override or variant and say so instead
 * of drawing them together.
 *
 * @param command the command that wrote the file
 * @param scenario the scenario's path as given
 * @param sha256 the SHA-256 of the scenario file's bytes
 * @param seed the seed
 * @param samples the sample count (for {@code sensitivity}, the base sample size N)
 * @param method the sampling method's name
 * @param overrides the {@code --set} overrides, by key
 * @param variant the variant the command worked on ({@code --variant}), or null for the scenario
 *     itself; recorded only when there is one, as run.json does
 */
public record Provenance(String command, String scenario, String sha256, long seed, long samples, String method,
                         Map<String, Double> overrides, String variant) {

    public Provenance {
        overrides = java.util.Collections.unmodifiableMap(new TreeMap<>(overrides));
    }

    /** The file name that records {@code file}'s provenance: {@code sensitivity.csv.json}. */
    public static String fileFor(String file) {
        return file + ".json";
    }

    /** The JSON object of the record (the keys of run.json where they mean the same). */
    Json json() {
        Json j = Json.object().put("command", command).put("scenario", scenario).put("scenario_sha256", sha256)
            .put("seed", seed).put("samples", samples).put("method", method).put("overrides", overridesJson(overrides));
        return variant == null ? j : j.put("variant", variant);
    }

    /** The overrides sorted by key, so that records of the same --set compare equal. */
    static Json overridesJson(Map<String, Double> overrides) {
        return Json.numbers(new TreeMap<>(overrides));
    }

    /**
     * Writes a derived file and its record: the old record is removed first, then the file is
     * written and then its record, each atomically, so that an interrupted write leaves a file
     * whose origin reads as unknown rather than a record of another file.
     *
     * @param file the derived file
     * @param body writes its content
     * @throws IOException if a file cannot be written (the message names it)
     */
    void write(Path file, IoConsumer<java.io.Writer> body) throws IOException {
        java.nio.file.Files.deleteIfExists(file.resolveSibling(fileFor(file.getFileName().toString())));
        RunFolder.writeAtomically(file, body);
        writeFor(file);
    }

    /**
     * Writes {@code FILE.json} beside {@code file}, atomically.
     *
     * @param file the derived file it describes
     * @throws IOException if it cannot be written (the message names it)
     */
    void writeFor(Path file) throws IOException {
        String text = json().toString();
        RunFolder.writeAtomically(file.resolveSibling(fileFor(file.getFileName().toString())),
            w -> w.write(text + "\n"));
    }
}
