package org.mcsim.engine;

import java.util.Arrays;

/**
 * Every sample of the kept variables, in sample order, for exact quantiles, histograms and
 * samples.csv. Grows by doubling up to the run's sample count (so a run stopped early by
 * {@code --until} holds only what it drew). Grown only by the merging thread between waves;
 * workers write disjoint slices.
 */
final class Store {
    private static final int INITIAL = 1 << 20;
    /** Values (samples × columns) of a growth worth spreading over threads. */
    private static final long PARALLEL_VALUES = 1 << 22;

    private final long ceiling;
    private long base;
    private double[][] columns;

    Store(int variables, long ceiling) {
        this.ceiling = ceiling;
        this.base = 0;
        this.columns = new double[variables][(int) Math.min(ceiling, INITIAL)];
    }

    private Store(double[][] columns, long base) {
        this.ceiling = columns.length == 0 ? 0 : columns[0].length;
        this.base = base;
        this.columns = columns;
    }

    /**
     * A store of exactly {@code length} samples starting at sample {@code base}: what one
     * contiguous range of blocks computed away from the run's own store fills (see
     * {@link BlockJob#compute}), or, from sample 0, the pilot's window of a sketched run, which keeps
     * block 0 only.
     */
    static Store range(int variables, long base, int length) {
        return new Store(new double[variables][length], base);
    }

    /**
     * Makes a range store hold the samples from {@code base} on: the window through which a
     * run under {@code --until} that went on past the exact limit passes each wave's samples to
     * its sketches ({@link Sampling}).
     */
    void moveTo(long base) {
        this.base = base;
    }

    /** Sample index held at position 0 of every column. */
    long base() {
        return base;
    }

    /**
     * Makes room for the first {@code samples} samples: to twice the room there is, or to
     * {@code expected} if that is more (the samples a run under --until looks set to need: each
     * growth copies the columns and first-touches the new memory, so one step to the right size
     * beats a doubling series), never past the ceiling. The columns grow on up to
     * {@code threads} threads when there is much to grow: the cost is the first touch of the new
     * memory (the JVM zeroes it, the kernel maps it page by page), about 0.1 s for 2 × 10⁷ samples
     * on one thread, 0.06 s on two.
     */
    void ensure(long samples, int threads, long expected) {
        int cap = columns.length == 0 ? 0 : columns[0].length;
        if (samples <= cap) {
            return;
        }
        int grown = (int) Math.min(ceiling, Math.max(Math.max(samples, 2L * cap), expected));
        if (threads <= 1 || columns.length <= 1 || (long) grown * columns.length < PARALLEL_VALUES) {
            for (int v = 0; v < columns.length; v++) {
                columns[v] = Arrays.copyOf(columns[v], grown);
            }
            return;
        }
        Parallel.forEach(columns.length, threads, v -> columns[v] = Arrays.copyOf(columns[v], grown));
    }

    double[] column(int variable) {
        return columns[variable];
    }

    /** The columns themselves (not copied): handed over once the range is complete. */
    double[][] columns() {
        return columns;
    }

    int variables() {
        return columns.length;
    }

    /** The columns trimmed to {@code n} samples (copies only when longer). */
    double[][] trimmed(long n) {
        double[][] out = new double[columns.length][];
        for (int v = 0; v < columns.length; v++) {
            out[v] = columns[v].length == n ? columns[v] : Arrays.copyOf(columns[v], (int) n);
        }
        return out;
    }
}
