package org.mcsim.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * An output folder {@code OUT/NAME} that appears only when complete. Files are written into a
 * hidden temporary sibling {@code OUT/.NAME.tmp-<random>}; {@link #commit()} then replaces
 * {@code OUT/NAME} as a whole (the old folder is renamed aside to {@code .NAME.old-<random>}, the
 * new one renamed into place, atomically where the file system allows, and the old one deleted);
 * {@link #abort()} deletes the temporary folder. Until it is committed or aborted the folder is
 * registered with a JVM shutdown hook that aborts it, so Ctrl-C or SIGTERM leave nothing under
 * OUT, not even a temporary file.
 *
 * <p>{@link #writeAtomically(Path, IoConsumer)} does the same for one file added to an existing
 * folder ({@code sensitivity.csv}, {@code sweep.csv}).
 *
 * <p>All writers are UTF-8 without a byte-order mark, buffered. I/O errors propagate as
 * {@link IOException}s whose message names the path. {@code commit} and {@code abort} are
 * thread-safe and may race with the shutdown hook; writing files into the folder is the caller's
 * business.
 */
public final class RunFolder implements PendingOutput.Abortable {
    private static final int BUFFER = 1 << 16;

    private final Path target;
    private final Path temp;
    private final List<Path> protect;
    private boolean done;

    private RunFolder(Path target, Path temp, List<Path> protect) {
        this.target = target;
        this.temp = temp;
        this.protect = protect;
    }

    /**
     * Creates {@code outDir} if needed and an empty temporary folder for {@code outDir/name},
     * after checking that an existing {@code outDir/name} may be replaced (mcsim wrote it, and it
     * holds neither the working directory nor a file of {@code protect}) and removing what
     * interrupted commands left beside it.
     *
     * @param outDir the output directory OUT
     * @param name the run folder's name (a scenario name, or {@code compare})
     * @param protect files that the replacement must not delete (the scenario files)
     * @return the open folder, registered for abort at shutdown
     * @throws RefusedException if {@code outDir/name} is not a folder mcsim may replace
     * @throws IOException if a directory cannot be created (the message names it)
     */
    public static RunFolder begin(Path outDir, String name, List<Path> protect) throws IOException {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("name: not a plain folder name: " + name);
        }
        checkReplaceable(outDir, name, protect);
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw PendingOutput.failure("cannot create directory", outDir, e);
        }
        PendingOutput.removeStale(outDir, name);
        Path temp = PendingOutput.sibling(outDir, name, "tmp");
        try {
            Files.createDirectory(temp);
        } catch (IOException e) {
            throw PendingOutput.failure("cannot create directory", temp, e);
        }
        RunFolder folder = new RunFolder(outDir.resolve(name), temp, List.copyOf(protect));
        PendingOutput.register(folder);
        return folder;
    }

    /** As {@link #begin(Path, String, List)}, protecting only the working directory. */
    public static RunFolder begin(Path outDir, String name) throws IOException {
        return begin(outDir, name, List.of());
    }

    /**
     * Refuses, before any work, an {@code outDir/name} that {@link #begin} would refuse: a run
     * checks this before it samples, so that a long run is not spent on a folder it cannot write.
     *
     * @throws RefusedException with the reason and what to do
     * @throws IOException if the folder cannot be read
     */
    public static void checkReplaceable(Path outDir, String name, List<Path> protect) throws IOException {
        OwnedFolder.checkReplaceable(outDir.resolve(name), protect);
    }

    /**
     * The path at which to write a file of this folder (inside the temporary folder until commit).
     *
     * @param filename a plain file name such as {@code summary.csv}
     * @return its path
     */
    public Path file(String filename) {
        if (filename.isEmpty() || filename.contains("/") || filename.contains("\\")) {
            throw new IllegalArgumentException("filename: not a plain file name: " + filename);
        }
        return temp.resolve(filename);
    }

    /** @return the final location {@code OUT/NAME} */
    public Path target() {
        return target;
    }

    /**
     * Replaces {@code OUT/NAME} by this folder's files. On failure the old folder, if any, is
     * left in place (moved back) and the temporary folder is deleted. When the old folder holds
     * results of other commands ({@code sensitivity.csv}, {@code sweep.csv}, ...) it is not
     * deleted but kept beside the new one as {@code NAME.previous-<UTC time>}, whose path is
     * returned so that the caller can say so. Commits to one {@code OUT/NAME} from several
     * processes take turns ({@link CommitLock}); the folder is checked again under the lock.
     *
     * @return the kept earlier folder, or null when nothing was kept
     * @throws RefusedException if {@code OUT/NAME} has become a folder mcsim may not replace
     * @throws IOException if the replacement fails (the message names the path)
     * @throws IllegalStateException if already committed or aborted
     */
    public synchronized Path commit() throws IOException {
        if (done) {
            throw new IllegalStateException("run folder " + target + " already committed or aborted");
        }
        done = true;
        // Stays registered until the old folder is gone: the shutdown hook's abort() then waits
        // on this lock for the commit to finish instead of leaving .NAME.old-* behind.
        try (CommitLock lock = CommitLock.acquire(target)) {
            OwnedFolder.Contents old = OwnedFolder.checkReplaceable(target, protect);
            return replaceTarget(!old.derived().isEmpty());
        } catch (IOException e) {
            PendingOutput.deleteTree(temp);
            throw e;
        } finally {
            PendingOutput.unregister(this);
        }
    }

    private Path replaceTarget(boolean keep) throws IOException {
        Path old = null;
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                old = keep ? keptName()
                    : PendingOutput.sibling(target.getParent(), target.getFileName().toString(), "old");
                move(target, old);
            }
            move(temp, target);
        } catch (IOException e) {
            IOException failure = PendingOutput.failure("cannot replace", target, e);
            try {
                if (old != null && !Files.exists(target)) {
                    move(old, target);
                }
                PendingOutput.deleteTree(temp);
            } catch (IOException restore) {
                failure.addSuppressed(restore);
            }
            throw failure;
        }
        if (old != null && !keep) {
            PendingOutput.deleteTree(old);
            return null;
        }
        return old;
    }

    /** {@code OUT/NAME.previous-<UTC time>}, with {@code -2}, {@code -3}... if taken. */
    private Path keptName() {
        String stamp = KEPT_TIME.format(Instant.now());
        Path p = target.resolveSibling(target.getFileName() + ".previous-" + stamp);
        for (int i = 2; Files.exists(p, LinkOption.NOFOLLOW_LINKS); i++) {
            p = target.resolveSibling(target.getFileName() + ".previous-" + stamp + "-" + i);
        }
        return p;
    }

    private static final DateTimeFormatter KEPT_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
        .withZone(ZoneOffset.UTC);

    /**
     * Deletes the temporary folder and everything in it. Idempotent; does nothing after commit.
     */
    @Override
    public synchronized void abort() {
        if (done) {
            return;
        }
        done = true;
        PendingOutput.unregister(this);
        try {
            PendingOutput.deleteTree(temp);
        } catch (IOException e) {
            // Best effort: abort runs on failure paths and in the shutdown hook.
        }
    }

    /**
     * Writes {@code target} as a whole: the content goes to a hidden sibling
     * {@code .FILE.tmp-<random>}, which is then moved over {@code target} (atomically where
     * supported). On failure, or at shutdown before the move, the temporary file is deleted and
     * {@code target} is unchanged.
     *
     * @param target the file to create or replace; its directory must exist
     * @param body writes the content (UTF-8, buffered)
     * @throws IOException if writing or moving fails (the message names the path)
     */
    public static void writeAtomically(Path target, IoConsumer<Writer> body) throws IOException {
        PendingOutput.writeAtomically(target, false, body);
    }

    /** As {@link #writeAtomically(Path, IoConsumer)}, gzip-compressing the content. */
    public static void writeAtomicallyGzip(Path target, IoConsumer<Writer> body) throws IOException {
        PendingOutput.writeAtomically(target, true, body);
    }

    /**
     * Opens a new file for writing: UTF-8 without a byte-order mark, buffered.
     *
     * @param file the file to create (replaced if it exists)
     * @return the writer; close it to finish the file
     * @throws IOException if the file cannot be created (the message names it)
     */
    public static Writer newWriter(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(open(file), StandardCharsets.UTF_8), BUFFER);
    }

    /**
     * Opens a new gzip file for writing ({@code samples.csv.gz}): UTF-8 text, gzip-compressed at
     * the fastest level (the gzip header carries no time stamp, so the bytes are reproducible).
     *
     * @param file the file to create (replaced if it exists)
     * @return the writer; close it to finish the gzip stream
     * @throws IOException if the file cannot be created (the message names it)
     */
    public static Writer newGzipWriter(Path file) throws IOException {
        OutputStream gz = new FastGzipOutputStream(open(file));
        return new BufferedWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8), BUFFER);
    }

    private static OutputStream open(Path file) throws IOException {
        try {
            return Files.newOutputStream(file);
        } catch (IOException e) {
            throw PendingOutput.failure("cannot write", file, e);
        }
    }

    /**
     * Gzip at the fastest deflate level: samples files are large and written once, and level 1
     * is several times faster than the default level 6 for a modestly larger file.
     */
    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, BUFFER);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
