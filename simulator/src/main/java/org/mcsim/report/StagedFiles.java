package org.mcsim.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files written aside in their folder and moved into place together at the end, only if the
 * folder still holds the run they describe.
 *
 * <p>Each {@link #write} puts the bytes in a hidden temporary file of the target folder,
 * {@code .NAME.tmp-<pid>-<random>}, created with the same permissions as any other file the
 * process creates (the umask's); {@link #commit} first checks that the folder's {@code run.json}
 * is still the one the report was drawn from (a {@code run} that replaced the folder meanwhile
 * makes the report fail rather than describe files it did not read), then renames the files onto
 * their targets (atomically where the file system allows), in the order written; {@link #close}
 * deletes every temporary file not committed. Temporary files still open at JVM shutdown (Ctrl-C,
 * SIGTERM) are deleted by a shutdown hook, and those that a killed process left are deleted by
 * the next report of the folder. Not thread-safe.
 */
final class StagedFiles implements AutoCloseable {
    private static final long PID = ProcessHandle.current().pid();
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.(?:tmp-([0-9]+)-[0-9a-z]+|[0-9]+\\.tmp)");
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(
            new Thread(() -> OPEN.forEach(StagedFiles::delete), "mcsim-report-cleanup"));
    }

    private final Path folder;
    private final byte[] runJson;
    private final List<Path> temporaries = new ArrayList<>();
    private final List<Path> targets = new ArrayList<>();

    /**
     * @param folder the run folder
     * @param runJson the bytes of its {@code run.json} when the report read it
     */
    StagedFiles(Path folder, byte[] runJson) {
        this.folder = folder;
        this.runJson = runJson.clone();
        removeStale(folder);
    }

    /**
     * Writes a file aside.
     *
     * @param name the target's file name in the folder
     * @param content its bytes
     * @throws IOException if the temporary file cannot be written
     */
    void write(String name, byte[] content) throws IOException {
        Path temporary;
        do {
            temporary = folder.resolve("." + name + ".tmp-" + PID + "-"
                + Long.toUnsignedString(new SplittableRandom().nextLong(), 36));
        } while (Files.exists(temporary));
        OPEN.add(temporary);
        temporaries.add(temporary);
        targets.add(folder.resolve(name));
        Files.write(temporary, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
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
        while (!temporaries.isEmpty()) {
            Path temporary = temporaries.get(0);
            Path target = targets.get(targets.size() - temporaries.size());
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            OPEN.remove(temporary);
            temporaries.remove(0);
        }
        return List.copyOf(targets);
    }

    /** Deletes the temporary files that were not committed. */
    @Override
    public void close() {
        for (Path temporary : temporaries) {
            delete(temporary);
            OPEN.remove(temporary);
        }
        temporaries.clear();
    }

    private static void delete(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // Best effort: the original failure is the one to report.
        }
    }

    /**
     * Deletes the temporary files of reports whose process is gone (and the
     * {@code .NAME.<digits>.tmp} files of older versions).
     */
    private static void removeStale(Path folder) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, ".*")) {
            for (Path p : entries) {
                Matcher m = TEMPORARY.matcher(p.getFileName().toString());
                if (m.matches() && (m.group(1) == null || !alive(Long.parseLong(m.group(1))))) {
                    delete(p);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Best effort: a later report tries again.
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
