package org.mcsim.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Files written aside in their folder and moved into place together at the end.
 *
 * <p>Each {@link #write} puts the bytes in a hidden temporary file of the target folder; {@link
 * #commit} renames them onto their targets (atomically where the file system allows, so a reader
 * never sees a half-written file), in the order written; {@link #close} deletes every temporary
 * file not committed, so a failure leaves no partial file behind. Not thread-safe.
 */
final class StagedFiles implements AutoCloseable {
    private final Path folder;
    private final List<Path> temporaries = new ArrayList<>();
    private final List<Path> targets = new ArrayList<>();

    StagedFiles(Path folder) {
        this.folder = folder;
    }

    /**
     * Writes a file aside.
     *
     * @param name the target's file name in the folder
     * @param content its bytes
     * @throws IOException if the temporary file cannot be written
     */
    void write(String name, byte[] content) throws IOException {
        Path temporary = Files.createTempFile(folder, "." + name + ".", ".tmp");
        temporaries.add(temporary);
        targets.add(folder.resolve(name));
        Files.write(temporary, content);
    }

    /**
     * Moves every written file into place, in the order written.
     *
     * @return the target paths
     * @throws IOException if a move fails (the remaining temporaries are deleted by close)
     */
    List<Path> commit() throws IOException {
        while (!temporaries.isEmpty()) {
            Path temporary = temporaries.get(0);
            Path target = targets.get(targets.size() - temporaries.size());
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temporaries.remove(0);
        }
        return List.copyOf(targets);
    }

    /** Deletes the temporary files that were not committed. */
    @Override
    public void close() {
        for (Path temporary : temporaries) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // Best effort: the original failure is the one to report.
            }
        }
        temporaries.clear();
    }
}
