package org.mcsim.engine;

import java.util.List;

/**
 * How to run a plan. Immutable; {@code withX} methods return modified copies.
 *
 * @param samples samples to draw (at least 1); the ceiling when {@code until} is not empty
 * @param threads worker threads (at least 1)
 * @param keepSamples keep every output's samples in sample order (for samples.csv)
 * @param progress told of progress after each merged wave of blocks; may be {@link Progress#NONE}
 * @param until precision targets: stop at the first block where all are met (empty: run all samples)
 * @param commonRandomNumbers map every input's random numbers to values monotonically
 *     (inversion, or location-scale for normal and lognormal), so that runs whose parameters
 *     differ share their random numbers (sweep, solve)
 */
public record RunOptions(long samples, int threads, boolean keepSamples, Progress progress,
                         List<Target> until, boolean commonRandomNumbers) {

    public RunOptions {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, got " + samples);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        until = List.copyOf(until);
    }

    /** Options for a plain run of {@code samples} samples. */
    public RunOptions(long samples, int threads, boolean keepSamples, Progress progress) {
        this(samples, threads, keepSamples, progress, List.of(), false);
    }

    /** The same options with precision targets ({@code samples} is then the ceiling). */
    public RunOptions withUntil(List<Target> targets) {
        return new RunOptions(samples, threads, keepSamples, progress, targets, commonRandomNumbers);
    }

    /** The same options with common random numbers on or off. */
    public RunOptions withCommonRandomNumbers(boolean on) {
        return new RunOptions(samples, threads, keepSamples, progress, until, on);
    }

    /** The same options with another progress listener. */
    public RunOptions withProgress(Progress p) {
        return new RunOptions(samples, threads, keepSamples, p, until, commonRandomNumbers);
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
