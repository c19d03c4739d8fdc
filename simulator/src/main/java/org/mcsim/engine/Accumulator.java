package org.mcsim.engine;

import org.mcsim.stats.Moments;

/**
 * The running state of a run, merged from block results strictly in block order, which is what
 * makes the result independent of how blocks were scheduled. Under the replicated methods it
 * also keeps each replicate's own moments and hits. Its state changes only through
 * {@link #merge}; what it hands out is read-only by convention (moments are the merged ones, not
 * copies: the summaries read them once the run is over). Not thread-safe: used by the merging
 * thread only.
 */
final class Accumulator {
    private final Plan plan;
    private final Layout layout;
    private final Moments[] moments;
    private final long[] hits;
    private final Moments[][] replicateMoments;
    private final long[][] replicateHits;
    private final long[] replicateSamples;
    private long samples;
    private long nextBlock;
    private BlockResult failure;

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

    /** Samples merged so far. */
    long samples() {
        return samples;
    }

    /** The block expected next. */
    long nextBlock() {
        return nextBlock;
    }

    /** The moments of variable {@code v} over every merged sample. */
    Moments moments(int v) {
        return moments[v];
    }

    /** The samples where claim {@code c} holds. */
    long hits(int c) {
        return hits[c];
    }

    /** Replicate {@code r}'s own moments of variable {@code v} (replicated methods only). */
    Moments replicateMoments(int r, int v) {
        return replicateMoments[r][v];
    }

    /** Replicate {@code r}'s hits of claim {@code c}. */
    long replicateHits(int r, int c) {
        return replicateHits[r][c];
    }

    /** Replicate {@code r}'s samples. */
    long replicateSamples(int r) {
        return replicateSamples[r];
    }

    /** The block whose sample failed, or null. */
    BlockResult failure() {
        return failure;
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
