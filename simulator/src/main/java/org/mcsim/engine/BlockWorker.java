package org.mcsim.engine;

import org.mcsim.expr.Frame;
import org.mcsim.stats.BlockSums;
import org.mcsim.stats.Moments;
import org.mcsim.stats.QuantileSketch;

/**
 * Computes blocks: fills the input columns (the sampling method's {@link InputFill}), runs the
 * compiled program over the block, and reduces the columns to a {@link BlockResult}. One worker
 * per thread; it owns a frame of columns and the moments' working memory, allocated once, so nothing
 * is allocated per sample. Where a block's kept samples go is an argument of each call, never a
 * state of the worker.
 */
final class BlockWorker {
    private final Plan plan;
    private final Layout layout;
    private final InputFill.Worker fill;
    private final Frame frame;
    private final int[] keptSlots;
    private final BlockSums sums = BlockSums.create();

    /** @param keptVariables variables whose every sample each block hands to a store or sketches */
    BlockWorker(Plan plan, Layout layout, InputFill fill, int[] keptVariables) {
        this.plan = plan;
        this.layout = layout;
        this.fill = fill.newWorker();
        this.frame = plan.program().newFrame(layout.blockSize());
        this.keptSlots = new int[keptVariables.length];
        for (int o = 0; o < keptVariables.length; o++) {
            keptSlots[o] = plan.variableSlot(keptVariables[o]);
        }
    }

    /**
     * Computes block {@code block} and keeps its kept variables' samples where the wave says:
     * added to {@code sketches} (one per kept variable) when not null, else copied into
     * {@code store} at the block's offset when not null.
     */
    BlockResult compute(long block, Store store, QuantileSketch[] sketches) {
        BlockResult r = compute(block);
        int length = r.length;
        if (sketches != null) {
            for (int o = 0; o < keptSlots.length; o++) {
                sketches[o].add(frame.column(keptSlots[o]), length);
            }
        } else if (store != null) {
            long offset = layout.start(block);
            for (int o = 0; o < keptSlots.length; o++) {
                System.arraycopy(frame.column(keptSlots[o]), 0, store.column(o), (int) (offset - store.base()), length);
            }
        }
        return r;
    }

    /** Computes block {@code block}: its statistics, its samples left in the frame. */
    private BlockResult compute(long block) {
        int length = layout.length(block);
        fill.fill(block, frame, length);
        plan.program().run(frame, length);
        BlockResult r = new BlockResult(block, length, plan.variableCount(), plan.claimCount());
        for (int v = 0; v < r.moments.length; v++) {
            Moments m = Moments.create();
            m.accept(frame.column(plan.variableSlot(v)), length, sums);
            r.moments[v] = m;
        }
        boolean finite = true;
        for (int v = plan.inputCount(); v < r.moments.length; v++) {
            finite &= Double.isFinite(r.moments[v].mean());
        }
        for (int c = 0; c < r.hits.length; c++) {
            double[] x = frame.column(plan.claimSlot(c));
            r.hits[c] = countNonZero(x, length);
            finite &= Double.isFinite(sum(x, length));
        }
        long offset = layout.start(block);
        if (!finite) {
            findFirstNonFinite(r, offset, length);
        }
        return r;
    }

    private static long countNonZero(double[] x, int n) {
        long hits = 0;
        for (int i = 0; i < n; i++) {
            hits += x[i] != 0 ? 1 : 0;
        }
        return hits;
    }

    /** A sum is finite exactly when no term is NaN or infinite and it does not overflow. */
    private static double sum(double[] x, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[i];
        }
        return s;
    }

    /** Records the first sample where a formula (evaluation order) or claim is NaN or infinite. */
    private void findFirstNonFinite(BlockResult r, long offset, int n) {
        int firstRow = n;
        int firstChecked = -1;
        for (int j = 0; j < plan.checkedCount(); j++) {
            double[] x = frame.column(plan.checkedSlot(j));
            for (int i = 0; i < firstRow; i++) {
                if (!Double.isFinite(x[i])) {
                    firstRow = i;
                    firstChecked = j;
                    break;
                }
            }
        }
        if (firstChecked < 0) {
            return;
        }
        r.failSample = offset + firstRow;
        r.failChecked = firstChecked;
        r.failValue = frame.column(plan.checkedSlot(firstChecked))[firstRow];
        r.failInputs = new double[plan.inputCount()];
        for (int i = 0; i < plan.inputCount(); i++) {
            r.failInputs[i] = frame.column(i)[firstRow];
        }
    }
}
