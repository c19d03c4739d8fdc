package org.mcsim.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on replacing {@code OUT/NAME}, held by one process at a time: the file
 * {@code OUT/.NAME.lock}, locked with {@link FileChannel#lock()} (processes that want it wait
 * their turn) and deleted when released, so that nothing stays under {@code OUT}.
 *
 * <p>Deleting a lock file races with a process that opened it and waits for the lock: that
 * process then holds a lock on a deleted file. So each holder writes a token of its own into the
 * file it locked and reads it back through the path; if the path shows another content (or no
 * file), the lock it holds is on a deleted file, and it tries again. A lock file left by a
 * process that was killed is not locked, so the next one simply takes it. Within one JVM,
 * where file locks cannot be taken twice, commits take turns on a lock of their own first.
 */
final class CommitLock implements AutoCloseable {
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private final Path path;
    private final FileChannel channel;

    private CommitLock(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /**
     * Waits for and takes the lock of {@code target}.
     *
     * @param target the folder {@code OUT/NAME} about to be replaced
     * @return the held lock; close it to release
     * @throws IOException if the lock file cannot be created (the message names it)
     */
    static CommitLock acquire(Path target) throws IOException {
        Path path = target.resolveSibling("." + target.getFileName() + ".lock");
        byte[] token = (ProcessHandle.current().pid() + "-" + new SplittableRandom().nextLong() + "\n")
            .getBytes(StandardCharsets.US_ASCII);
        IN_PROCESS.lock();
        try {
            return acquire(path, token);
        } catch (IOException | RuntimeException e) {
            IN_PROCESS.unlock();
            throw e;
        }
    }

    private static CommitLock acquire(Path path, byte[] token) throws IOException {
        for (;;) {
            FileChannel ch;
            try {
                ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw PendingOutput.failure("cannot create", path, e);
            }
            try {
                ch.lock();
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(token), 0);
                ch.force(false);
                if (ours(path, token)) {
                    return new CommitLock(path, ch);
                }
            } catch (IOException e) {
                ch.close();
                throw PendingOutput.failure("cannot lock", path, e);
            }
            ch.close();
        }
    }

    private static boolean ours(Path path, byte[] token) throws IOException {
        try {
            return java.util.Arrays.equals(Files.readAllBytes(path), token);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** Deletes the lock file, then releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(path);
        } finally {
            try {
                channel.close();
            } finally {
                IN_PROCESS.unlock();
            }
        }
    }
}
