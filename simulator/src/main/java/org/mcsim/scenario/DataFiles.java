package org.mcsim.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files a scenario reads besides itself (its {@code include:} files and empirical data
 * files): which were read, in the order first read, so that a remote executor can be sent their
 * bytes; and, where the scenario is rebuilt from such a shipment, the shipped bytes in place of
 * the files, so that executors never read the driver's paths. A path not shipped is read from
 * disk. Keys are absolute, normalized paths as the driver resolved them. Thread-safe.
 */
final class DataFiles {
    private final Map<String, byte[]> shipped;
    private final Set<Path> read = new LinkedHashSet<>();

    private DataFiles(Map<String, byte[]> shipped) {
        this.shipped = shipped;
    }

    /** Files read from disk. */
    static DataFiles disk() {
        return new DataFiles(Map.of());
    }

    /** Files served from {@code shipped} (absolute path to bytes; not copied), else from disk. */
    static DataFiles shipped(Map<String, byte[]> shipped) {
        return new DataFiles(shipped);
    }

    /** The key of a path: absolute and normalized. */
    static Path key(Path path) {
        return path.toAbsolutePath().normalize();
    }

    /**
     * Notes that {@code path} is read and returns its shipped bytes, or null when it was not
     * shipped (the caller then reads the file).
     */
    byte[] open(Path path) {
        Path k = key(path);
        synchronized (read) {
            read.add(k);
        }
        return shipped.get(k.toString());
    }

    /** The paths read so far, in the order first read. */
    List<Path> read() {
        synchronized (read) {
            return new ArrayList<>(read);
        }
    }
}
