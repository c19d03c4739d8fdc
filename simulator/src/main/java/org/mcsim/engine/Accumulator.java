package org.mcsim.engine;

import org.mcsim.stats.Moments;
import org.mcsim.stats.QuantileSketch;

/**
 * The running state of a run, merged from block results strictly in block order, which is what
 * makes the result independent of how blocks were scheduled. Under the replicated methods it
 * also keeps each replicate's own moments and hits. Not thread-safe: used by the merging thread
 * only.
 */
final class Accumulator {
    private final Plan plan;
    private final Layout layout;
    final Moments[] moments;
    final long[] hits;
    final Moments[][] replicateMoments;
    final long[][] replicateHits;
    final long[] replicateSamples;
    long samples;
    long nextBlock;
    BlockResult failure;
    /** In sketch mode, each output's sketch of every merged sample (set at the end), else null. */
    QuantileSketch[] sketches;

    Accumulator(Plan plan, Layout layout) {
        this.plan = plan;
        this.layout = layout;
        moments = newMoments(plan.variableCount());
        hits = new long[plan.claimCount()];
        int r = layout.replicates();
        replicateMoments = new Moments[r][];
        replicateHits = new long[r][plan.claimCount()];
        replicateSamples = new long[r];
        for (int i = 0; i < r; i++) {
            replicateMoments[i] = newMoments(plan.variableCount());
        }
    }

    private static Moments[] newMoments(int n) {
        Moments[] m = new Moments[n];
        for (int v = 0; v < n; v++) {
            m[v] = Moments.create();
        }
        return m;
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
        int rep = layout.replicate(r.block);
        for (int v = 0; v < moments.length; v++) {
            moments[v].combine(r.moments[v]);
            if (layout.replicates() > 1) {
                replicateMoments[rep][v].combine(r.moments[v]);
            }
        }
        for (int c = 0; c < hits.length; c++) {
            hits[c] += r.hits[c];
            replicateHits[rep][c] += r.hits[c];
        }
        samples += r.length;
        replicateSamples[rep] += r.length;
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
