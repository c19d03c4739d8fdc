package org.mcsim.engine;

import java.io.Serializable;
import org.mcsim.stats.QuantileSketch;

/**
 * The results of a contiguous range of blocks, as a {@link BlockExecutor} returns them: each
 * block's combinable statistics and, unless they were written straight into the run's store,
 * the kept samples of the range. Merged by the engine in block order, so the result is the same
 * bytes whichever executor computed the range.
 *
 * <p>Serializable (a Spark task's result); not thread-safe; handed over once complete.
 */
public final class BlockRange implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long first;
    private final BlockResult[] results;
    private final long base;
    private final double[][] columns;
    private final QuantileSketch[] sketches;

    /**
     * @param base sample index of the range's first sample
     * @param columns the kept samples of the range, one column per kept variable, or null when
     *     they are already in the run's store or the range was sketched
     * @param sketches in a sketched run, one sketch per output, built where the range was
     *     computed (then no samples travel: {@code columns} is null), holding the samples of the
     *     range or, from an executor that keeps its sketches across ranges (the local one), of
     *     every block since it last returned sketches; null when none are returned here
     */
    BlockRange(long first, BlockResult[] results, long base, double[][] columns, QuantileSketch[] sketches) {
        this.first = first;
        this.results = results;
        this.base = base;
        this.columns = columns;
        this.sketches = sketches;
    }

    /** The range's sketches, one per output, in a sketched run; null otherwise. */
    QuantileSketch[] sketches() {
        return sketches;
    }

    /** Index of the range's first block. */
    public long first() {
        return first;
    }

    /** Number of blocks in the range. */
    public int count() {
        return results.length;
    }

    BlockResult result(int i) {
        return results[i];
    }

    /** Puts the range's kept samples into the run's store (which has room for them). */
    void copyInto(Store store) {
        if (columns == null) {
            return;
        }
        for (int o = 0; o < columns.length; o++) {
            System.arraycopy(columns[o], 0, store.column(o), (int) (base - store.base()), columns[o].length);
        }
    }
}
