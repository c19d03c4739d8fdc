package org.mcsim.engine;

/**
 * How to run a plan.
 *
 * @param samples samples to draw (at least 1)
 * @param threads worker threads (at least 1)
 * @param keepSamples keep every output's samples in sample order (for samples.csv)
 * @param progress told of progress after each merged wave of blocks; may be {@link Progress#NONE}
 */
public record RunOptions(long samples, int threads, boolean keepSamples, Progress progress) {

    public RunOptions {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, got " + samples);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** A listener of a run's progress, called from the merging thread. */
    @FunctionalInterface
    public interface Progress {
        /** Ignores progress. */
        Progress NONE = (done, total) -> { };

        /** {@code done} of {@code total} samples are merged. */
        void update(long done, long total);
    }
}
