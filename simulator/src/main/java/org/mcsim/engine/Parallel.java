package org.mcsim.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.IntConsumer;

/**
 * Independent tasks 0..count-1 (one per column, sketch or output) on up to a given number of
 * threads, the calling thread included: the merging thread's own work between waves and the
 * summary, spread over the run's threads. Each task touches only its own column, sketch or
 * output, so the result does not depend on the threads.
 */
final class Parallel {
    private Parallel() {
    }

    /**
     * Runs {@code task} for 0..count-1, task i on thread i mod t (t = min(threads, count), thread 0
     * the caller), and returns when all are done. A task that fails on the caller throws as it
     * is; one that fails on another thread is thrown here as {@link #await} says.
     */
    static void forEach(int count, int threads, IntConsumer task) {
        int t = Math.max(1, Math.min(threads, count));
        List<FutureTask<Void>> helpers = new ArrayList<>(t - 1);
        for (int k = 1; k < t; k++) {
            int from = k;
            FutureTask<Void> f = new FutureTask<>(() -> run(task, from, t, count), null);
            helpers.add(f);
            Thread thread = new Thread(f, "mcsim-helper");
            thread.setDaemon(true);
            thread.start();
        }
        run(task, 0, t, count);
        for (FutureTask<Void> f : helpers) {
            await(f, "a task failed");
        }
    }

    /**
     * The result of {@code f} once it is done. A failure is thrown as an
     * {@link IllegalStateException} saying {@code failing} and the cause, except running out of
     * memory, thrown as itself so that the command line can say so plainly.
     */
    static <T> T await(Future<T> f, String failing) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OutOfMemoryError oom) {
                throw oom;
            }
            throw new IllegalStateException(failing + ": " + e.getCause(), e.getCause());
        }
    }

    private static void run(IntConsumer task, int from, int step, int count) {
        for (int i = from; i < count; i += step) {
            task.accept(i);
        }
    }
}
