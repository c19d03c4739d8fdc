package org.mcsim.engine;

import org.mcsim.stats.Moments;

/**
 * What one block contributes to a run: combinable statistics only (moments per variable, hits per
 * claim) and the first non-finite value, if any. Merged in block order by {@link Accumulator}.
 * Not thread-safe; owned by one worker until handed over. Serializable, so that blocks computed
 * on another machine can be merged where the run is summarized.
 */
final class BlockResult implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    final long block;
    final int length;
    final Moments[] moments;
    final long[] hits;
    /** Sample index (global) of the first non-finite formula or claim value, or -1. */
    long failSample = -1;
    int failChecked;
    double failValue;
    double[] failInputs;

    BlockResult(long block, int length, int variables, int claims) {
        this.block = block;
        this.length = length;
        this.moments = new Moments[variables];
        this.hits = new long[claims];
    }
}
