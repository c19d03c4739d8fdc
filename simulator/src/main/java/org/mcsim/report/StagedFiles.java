package org.mcsim.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mcsim.output.PendingOutput;

/**
 * Files written aside in their folder and moved into place together at the end, only if the
 * folder still holds the run they describe.
 *
 * <p>Each {@link #write} puts the bytes in a hidden temporary file of the target folder through
 * {@link PendingOutput#begin} (the way every mcsim file is written aside: a
 * {@code .NAME.tmp-<pid>-<random>} sibling with the umask's permissions, deleted by the shutdown
 * hook on Ctrl-C or SIGTERM); {@link #commit} first checks that the folder's {@code run.json} is
 * still the one the report was drawn from (a {@code run} that replaced the folder meanwhile makes
 * the report fail rather than describe files it did not read), then moves the files onto their
 * targets in the order written; {@link #close} deletes every temporary file not committed.
 * Temporary files that a killed process left are deleted when the next report of the folder
 * begins. Not thread-safe.
 */
final class StagedFiles implements AutoCloseable {
    private final Path folder;
    private final byte[] runJson;
    private final List<PendingOutput.PendingFile> pending = new ArrayList<>();
    private final List<Path> targets = new ArrayList<>();
    private int committed;

    /**
     * @param folder the run folder
     * @param runJson the bytes of its {@code run.json} when the report read it
     */
    StagedFiles(Path folder, byte[] runJson) {
        this.folder = folder;
        this.runJson = runJson.clone();
        PendingOutput.removeStale(folder);
    }

    /**
     * Writes a file aside.
     *
     * @param name the target's file name in the folder
     * @param content its bytes
     * @throws IOException if the temporary file cannot be written
     */
    void write(String name, byte[] content) throws IOException {
        Path target = folder.resolve(name);
        PendingOutput.PendingFile file = PendingOutput.begin(target);
        pending.add(file);
        targets.add(target);
        Files.write(file.temp(), content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /**
     * Moves every written file into place, in the order written.
     *
     * @return the target paths
     * @throws ReportException if the folder's run.json changed since the report read it
     * @throws IOException if a move fails (the remaining temporaries are deleted by close)
     */
    List<Path> commit() throws IOException {
        byte[] now;
        try {
            now = Files.readAllBytes(folder.resolve("run.json"));
        } catch (NoSuchFileException e) {
            now = new byte[0];
        }
        if (!Arrays.equals(now, runJson)) {
            throw new ReportException(folder + ": the run folder changed while the report was being written "
                + "(another command replaced it); nothing was written: run report again");
        }
        for (; committed < pending.size(); committed++) {
            pending.get(committed).replace(targets.get(committed));
        }
        return List.copyOf(targets);
    }

    /** Deletes the temporary files that were not committed. */
    @Override
    public void close() {
        for (int i = committed; i < pending.size(); i++) {
            pending.get(i).abort();
        }
    }
}
