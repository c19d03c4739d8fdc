package org.mcsim.engine;

import org.mcsim.stats.Moments;
import org.mcsim.stats.QuantileSketch;

/**
 * The running state of a run, merged from block results strictly in block order, which is what
 * makes the result independent of how blocks were scheduled. Not thread-safe: used by the
 * merging thread only.
 */
final class Accumulator {
    private final Plan plan;
    final Moments[] moments;
    final long[] hits;
    long samples;
    long nextBlock;
    BlockResult failure;
    /** In sketch mode, each output's sketch of every merged sample (set at the end), else null. */
    QuantileSketch[] sketches;

    Accumulator(Plan plan) {
        this.plan = plan;
        moments = new Moments[plan.variableCount()];
        for (int v = 0; v < moments.length; v++) {
            moments[v] = Moments.create();
        }
        hits = new long[plan.claimCount()];
    }

    /** Merges the next block; blocks must arrive in order. Returns false once a sample failed. */
    boolean merge(BlockResult r) {
        if (r.block != nextBlock) {
            throw new IllegalStateException("block " + r.block + " merged out of order, expected " + nextBlock);
        }
        nextBlock++;
        if (r.failSample >= 0) {
            failure = r;
            return false;
        }
        for (int v = 0; v < moments.length; v++) {
            moments[v].combine(r.moments[v]);
        }
        for (int c = 0; c < hits.length; c++) {
            hits[c] += r.hits[c];
        }
        samples += r.length;
        return true;
    }

    /** The message of the format's NaN/infinity rule for the recorded failure. */
    String failureMessage() {
        BlockResult r = failure;
        StringBuilder sb = new StringBuilder();
        sb.append(plan.checkedLabel(r.failChecked)).append(" is ")
            .append(Double.isNaN(r.failValue) ? "NaN" : r.failValue > 0 ? "Infinity" : "-Infinity")
            .append(" at sample ").append(r.failSample).append(':');
        int[] used = plan.checkedInputs(r.failChecked);
        if (used.length == 0) {
            sb.append(" it depends on no input");
        }
        for (int k = 0; k < used.length; k++) {
            int i = used[k];
            sb.append(k == 0 ? " " : ", ").append(plan.scenario().inputs().get(i).name())
                .append(" = ").append(r.failInputs[i]);
        }
        return sb.toString();
    }
}
