package org.mcsim.engine;

import org.mcsim.model.Method;

/**
 * How a run's samples are cut into blocks, and which replicate each block belongs to.
 *
 * <p>Under {@code random} blocks have {@link Plan#BLOCK_SIZE} samples and there is one
 * replicate: the Monte Carlo intervals come from the sample itself. Under {@code lhs} and
 * {@code sobol} the blocks are dealt in turn to {@link #REPLICATES} independent replicates
 * (block b belongs to replicate b mod R), so every replicate grows as blocks are added and the
 * intervals come from the spread of the replicates' estimates. The block size is then chosen so
 * that there are at least R blocks, whatever n: min(BLOCK_SIZE, floor(n / R)).
 *
 * <p>The layout depends only on the method and the sample count (the ceiling under
 * {@code --until}), never on the thread count. Immutable.
 */
final class Layout {
    /** Independent replicates of the replicated methods. */
    static final int REPLICATES = 10;

    private final long samples;
    private final int blockSize;
    private final int replicates;

    private Layout(long samples, int blockSize, int replicates) {
        this.samples = samples;
        this.blockSize = blockSize;
        this.replicates = replicates;
    }

    /** The layout of {@code n} samples under {@code method}. */
    static Layout of(Method method, long n) throws RunFailedException {
        if (method == Method.RANDOM) {
            return new Layout(n, Plan.BLOCK_SIZE, 1);
        }
        if (n < REPLICATES) {
            throw new RunFailedException("method " + method.label() + " needs at least " + REPLICATES
                + " samples (its intervals come from " + REPLICATES + " independent replicates), got " + n);
        }
        return new Layout(n, (int) Math.min(Plan.BLOCK_SIZE, n / REPLICATES), REPLICATES);
    }

    long samples() {
        return samples;
    }

    int blockSize() {
        return blockSize;
    }

    int replicates() {
        return replicates;
    }

    long blocks() {
        return (samples + blockSize - 1) / blockSize;
    }

    /** Index of the block's first sample in sample order. */
    long start(long block) {
        return block * blockSize;
    }

    int length(long block) {
        return (int) Math.min(blockSize, samples - block * blockSize);
    }

    int replicate(long block) {
        return (int) (block % replicates);
    }

    /** Index of the block's first sample within its replicate's own sequence. */
    long positionInReplicate(long block) {
        return (block / replicates) * blockSize;
    }
}
