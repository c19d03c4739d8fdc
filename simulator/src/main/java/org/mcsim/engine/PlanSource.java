package org.mcsim.engine;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mcsim.model.Scenario;
import org.mcsim.scenario.ScenarioDocument;
import org.mcsim.scenario.ScenarioException;

/**
 * How to build a plan's scenario again on another machine: the scenario file's bytes, its path
 * and display name, the {@code --set} overrides and the variant, if any. A remote executor (the
 * Spark engine) ships this text rather than the compiled plan, and every task rebuilds the same
 * validated scenario with {@link ScenarioDocument#of} and {@link ScenarioDocument#build}.
 *
 * <p>A source made from a document ({@link #of(ScenarioDocument, Map, String)}) also carries the
 * bytes of every file the scenario read besides itself ({@code include:} files and empirical
 * data files), read once on the driver, and the rebuild reads those bytes, not the driver's
 * paths: executors need no shared file system. A source made from bytes alone reads such files
 * where it is rebuilt.
 *
 * <p>Immutable and thread-safe.
 */
public final class PlanSource implements Serializable {
    private static final long serialVersionUID = 1L;

    private final byte[] bytes;
    private final String file;
    private final String displayName;
    private final Map<String, Double> overrides;
    private final String variant;
    /** Absolute, normalized path to the bytes of each file the scenario read besides itself. */
    private final Map<String, byte[]> files;

    private PlanSource(byte[] bytes, String file, String displayName, Map<String, Double> overrides, String variant,
                       Map<String, byte[]> files) {
        this.bytes = bytes;
        this.file = file;
        this.displayName = displayName;
        this.overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        this.variant = variant;
        this.files = files;
    }

    /**
     * The source of a scenario given as bytes.
     *
     * @param bytes the scenario file's bytes (copied)
     * @param file the file, against whose directory empirical files are resolved
     * @param displayName the path as given, which prefixes every message
     * @param overrides {@code --set} keys to values, as {@link ScenarioDocument#build} takes them
     * @param variant a variant's name, or null for the scenario itself
     * @return the source
     */
    public static PlanSource of(byte[] bytes, Path file, String displayName, Map<String, Double> overrides,
                                String variant) {
        return new PlanSource(bytes.clone(), file.toAbsolutePath().toString(), displayName, overrides, variant,
            Map.of());
    }

    /**
     * The source of a document that was read from its file and built: the file is read again and
     * must still have the bytes the document was read from, and every file the document has read
     * besides itself ({@link ScenarioDocument#filesRead}) is read again to be shipped with it.
     *
     * @throws RunFailedException when a file cannot be read or the scenario has changed since
     */
    public static PlanSource of(ScenarioDocument doc, Map<String, Double> overrides, String variant)
        throws RunFailedException {
        byte[] b;
        try {
            b = Files.readAllBytes(doc.file());
        } catch (IOException e) {
            throw new RunFailedException("cannot read the scenario again to ship it: " + e.getMessage());
        }
        if (!sha256(b).equals(doc.sha256())) {
            throw new RunFailedException("the scenario file changed while mcsim was running");
        }
        try {
            // Built here too, so that every file the scenario reads has been read, whatever the caller did.
            if (variant == null) {
                doc.build(overrides);
            } else {
                doc.buildVariant(variant, overrides);
            }
        } catch (ScenarioException e) {
            throw new RunFailedException(String.join("\n", e.lines()));
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Path p : doc.filesRead()) {
            try {
                files.put(p.toString(), Files.readAllBytes(p));
            } catch (IOException e) {
                throw new RunFailedException("cannot read " + p + " again to ship it: " + e.getMessage());
            }
        }
        return new PlanSource(b, doc.file().toAbsolutePath().toString(), doc.displayName(), overrides, variant,
            Collections.unmodifiableMap(files));
    }

    /** The same source with more overrides applied over these (a sweep's point, for example). */
    public PlanSource withOverrides(Map<String, Double> more) {
        Map<String, Double> all = new LinkedHashMap<>(overrides);
        all.putAll(more);
        return new PlanSource(bytes, file, displayName, all, variant, files);
    }

    /** The same source for one of the scenario's variants (null: the scenario itself). */
    public PlanSource withVariant(String name) {
        return new PlanSource(bytes, file, displayName, overrides, name, files);
    }

    /** The overrides, in the order given. */
    public Map<String, Double> overrides() {
        return overrides;
    }

    /** The variant's name, or null. */
    public String variant() {
        return variant;
    }

    /** The paths of the files shipped with the scenario, in the order the scenario read them. */
    public java.util.Set<String> shippedFiles() {
        return files.keySet();
    }

    /**
     * Builds the validated scenario, with the settings as written in the file.
     *
     * @throws ScenarioException as {@link ScenarioDocument#build} (for example when an empirical
     *     file that was not shipped is not visible here)
     */
    public Scenario scenario() throws ScenarioException {
        ScenarioDocument doc = ScenarioDocument.of(bytes, Path.of(file), displayName, files);
        return variant == null ? doc.build(overrides) : doc.buildVariant(variant, overrides);
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
