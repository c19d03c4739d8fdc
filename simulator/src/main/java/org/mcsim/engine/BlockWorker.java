package org.mcsim.engine;

import org.mcsim.expr.Frame;
import org.mcsim.stats.Moments;
import org.mcsim.stats.QuantileSketch;

/**
 * Computes blocks: fills each input's column from its own stream, runs the compiled program over
 * the block, and reduces the columns to a {@link BlockResult}. One worker per thread; it owns a
 * frame of columns allocated once, so nothing is allocated per sample.
 */
final class BlockWorker {
    private final Plan plan;
    private final long seed;
    private final InputFill fill;
    private final Frame frame;
    private final double[][] outputStore;
    /** This worker's sketch of each output in sketch mode, else null. */
    private QuantileSketch[] sketches;

    /**
     * @param outputStore one array of all samples per output, written at the block's offset, or
     *     null when the outputs are not kept
     */
    BlockWorker(Plan plan, long seed, InputFill fill, double[][] outputStore) {
        this.plan = plan;
        this.seed = seed;
        this.fill = fill;
        this.frame = plan.program().newFrame(Plan.BLOCK_SIZE);
        this.outputStore = outputStore;
    }

    /** Computes block {@code block} of {@code length} samples. */
    BlockResult compute(long block, int length) {
        for (int i = 0; i < plan.inputCount(); i++) {
            fill.fill(plan, i, seed, block, frame.column(i), length);
        }
        plan.program().run(frame, length);
        BlockResult r = new BlockResult(block, length, plan.variableCount(), plan.claimCount());
        for (int v = 0; v < r.moments.length; v++) {
            Moments m = Moments.create();
            m.accept(frame.column(plan.variableSlot(v)), length);
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
        if (!finite) {
            findFirstNonFinite(r, block * Plan.BLOCK_SIZE, length);
        }
        if (sketches != null) {
            sketchBlock(length);
        }
        if (outputStore != null) {
            long offset = block * Plan.BLOCK_SIZE;
            for (int o = 0; o < outputStore.length; o++) {
                System.arraycopy(frame.column(plan.variableSlot(plan.outputVariable(o))), 0,
                    outputStore[o], (int) offset, length);
            }
        }
        return r;
    }

    /** From now on, adds every block's outputs to these sketches (one per output). */
    void useSketches(QuantileSketch[] perOutput) {
        this.sketches = perOutput;
    }

    QuantileSketch[] sketches() {
        return sketches;
    }

    /** Adds the outputs of the block last computed, of {@code length} samples, to the sketches. */
    void sketchBlock(int length) {
        for (int o = 0; o < sketches.length; o++) {
            sketches[o].add(frame.column(plan.variableSlot(plan.outputVariable(o))), length);
        }
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
