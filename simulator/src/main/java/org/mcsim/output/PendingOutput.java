package org.mcsim.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The registry of output not yet in place (open {@link RunFolder}s, files being written
 * atomically, the report's staged files), aborted by one JVM shutdown hook installed on first use,
 * and the file-system helpers they share: the one way mcsim writes a file aside and moves it into
 * place. Thread-safe.
 */
public final class PendingOutput {
    /** Something that leaves nothing behind when aborted. */
    interface Abortable {
        /** Removes every temporary file; idempotent, never throws. */
        void abort();
    }

    private static final Set<Abortable> OPEN = new LinkedHashSet<>();
    private static boolean hookInstalled;
    private static final int DELETE_ATTEMPTS = 5;

    private PendingOutput() {
    }

    static synchronized void register(Abortable a) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(PendingOutput::abortAll, "mcsim-output-cleanup"));
            hookInstalled = true;
        }
        OPEN.add(a);
    }

    static synchronized void unregister(Abortable a) {
        OPEN.remove(a);
    }

    static synchronized int openCount() {
        return OPEN.size();
    }

    /** Aborts everything still open; the registry lock is not held while aborting. */
    static void abortAll() {
        List<Abortable> open;
        synchronized (PendingOutput.class) {
            open = new ArrayList<>(OPEN);
        }
        for (Abortable a : open) {
            a.abort();
        }
    }

    /**
     * A fresh hidden sibling name {@code dir/.NAME.KIND-<pid>-<random>} (not created). The
     * process id lets a later command tell what an interrupted one left ({@link #removeStale}).
     */
    static Path sibling(Path dir, String name, String kind) {
        for (;;) {
            String suffix = PID + "-" + Long.toUnsignedString(new SplittableRandom().nextLong(), 36);
            Path p = dir.resolve("." + name + "." + kind + "-" + suffix);
            if (!Files.exists(p)) {
                return p;
            }
        }
    }

    private static final long PID = ProcessHandle.current().pid();
    /** {@code .NAME.tmp-<pid>-<random>}, {@code .NAME.old-...}, and {@code .NAME.<digits>.tmp} of older versions. */
    private static final Pattern STALE =
        Pattern.compile("\\.(.+)\\.(?:(?:tmp|old)-(?:([0-9]+)-)?[0-9a-z]+|[0-9]+\\.tmp)");

    /**
     * Deletes what commands killed outright (SIGKILL, a power cut) left beside {@code name} in
     * {@code dir}: the hidden siblings {@code .NAME.tmp-*} and {@code .NAME.old-*} whose process
     * is no longer alive on this machine (names without a process id, from older versions, count
     * as stale). A live process's siblings are left alone. Best effort: a sibling that cannot be
     * deleted stays.
     *
     * @param dir the folder that holds the siblings
     * @param name the file or folder name they belong to
     */
    static void removeStale(Path dir, String name) {
        removeStale(dir, "." + name + ".*", name);
    }

    /**
     * As {@link #removeStale(Path, String)}, for the hidden siblings of every name in {@code dir}
     * (the report, which writes a varying set of charts into a run folder).
     *
     * @param dir the folder
     */
    public static void removeStale(Path dir) {
        removeStale(dir, ".*", null);
    }

    private static void removeStale(Path dir, String glob, String name) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, glob)) {
            for (Path p : entries) {
                Matcher m = STALE.matcher(p.getFileName().toString());
                if (!m.matches() || name != null && !m.group(1).equals(name)) {
                    continue;
                }
                boolean alive = m.group(2) != null && ProcessHandle.of(Long.parseLong(m.group(2)))
                    .map(ProcessHandle::isAlive).orElse(false);
                if (!alive) {
                    try {
                        deleteTree(p);
                    } catch (IOException e) {
                        // Best effort: a later command tries again.
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Best effort: nothing to clean, or a folder that cannot be listed.
        }
    }

    /** Deletes a file or directory tree if present, retrying if a writer adds files meanwhile. */
    static void deleteTree(Path root) throws IOException {
        for (int attempt = 1;; attempt++) {
            try {
                deleteOnce(root);
                return;
            } catch (DirectoryNotEmptyException e) {
                if (attempt == DELETE_ATTEMPTS) {
                    throw failure("cannot delete", root, e);
                }
            }
        }
    }

    private static void deleteOnce(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (NoSuchFileException e) {
            return;
        }
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }

    static IOException failure(String what, Path path, IOException cause) {
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof FileAlreadyExistsException || cause instanceof NoSuchFileException) {
            detail = cause.getClass().getSimpleName().replace("Exception", "") + ": " + detail;
        }
        return new IOException(what + " " + path + ": " + detail, cause);
    }

    /** See {@link RunFolder#writeAtomically(Path, IoConsumer)}. */
    static void writeAtomically(Path target, boolean gzip, IoConsumer<Writer> body) throws IOException {
        final PendingFile pending = begin(target);
        try {
            try (Writer w = gzip ? RunFolder.newGzipWriter(pending.temp) : RunFolder.newWriter(pending.temp)) {
                body.accept(w);
            }
            pending.replace(target);
        } catch (IOException e) {
            throw e.getMessage() != null && e.getMessage().contains(target.toString()) ? e
                : failure("cannot write", target, e);
        } finally {
            unregister(pending);
            pending.abort();
        }
    }

    /**
     * A file to be written aside over several calls and then moved over {@code target}: its
     * temporary sibling, registered for abort at shutdown (what killed writers left is removed
     * first). The caller writes {@link PendingFile#temp()}, then calls
     * {@link PendingFile#replace(Path)} or {@link PendingFile#abort()}.
     */
    public static PendingFile begin(Path target) {
        final Path dir = target.toAbsolutePath().getParent();
        removeStale(dir, target.getFileName().toString());
        PendingFile pending = new PendingFile(sibling(dir, target.getFileName().toString(), "tmp"));
        register(pending);
        return pending;
    }

    /** A file being written aside, to be moved over its target. */
    public static final class PendingFile implements Abortable {
        private final Path temp;
        private boolean finished;

        PendingFile(Path temp) {
            this.temp = temp;
        }

        /** The temporary file to write. */
        public Path temp() {
            return temp;
        }

        /** Moves the temporary file over {@code target} (atomically where the file system allows). */
        public synchronized void replace(Path target) throws IOException {
            if (finished) {
                throw new IOException("aborted while writing " + target);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            finished = true;
            unregister(this);
        }

        @Override
        public synchronized void abort() {
            if (finished) {
                return;
            }
            finished = true;
            unregister(this);
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // Best effort: runs on failure paths and in the shutdown hook.
            }
        }
    }
}
