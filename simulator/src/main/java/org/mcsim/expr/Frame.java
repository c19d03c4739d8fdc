package org.mcsim.expr;

import java.util.Objects;

/**
 * The working columns of one {@link BlockProgram} for one worker: a column per slot (inputs,
 * then assignments) and the program's temporaries, each holding {@link #capacity()} rows.
 *
 * <p>Not thread-safe: each worker thread makes its own with {@link BlockProgram#newFrame} and
 * reuses it for every block, so running a block allocates nothing.
 */
public final class Frame {

    private final BlockProgram program;
    private final double[][] columns;
    private final int slotCount;
    private final int capacity;

    Frame(BlockProgram program, int slotCount, int columnCount, int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.program = Objects.requireNonNull(program, "program");
        this.slotCount = slotCount;
        this.capacity = capacity;
        this.columns = new double[columnCount][capacity];
    }

    /**
     * The column of a slot. The engine writes input columns before
     * {@link BlockProgram#run} and reads assignment columns after it; the array is the frame's
     * own, reused for every block.
     *
     * @param slot a slot of the program ({@link BlockProgram#slot})
     * @return its column, of length {@link #capacity()}
     * @throws IndexOutOfBoundsException if there is no such slot
     */
    public double[] column(int slot) {
        return columns[Objects.checkIndex(slot, slotCount)];
    }

    /** The number of rows each column holds. */
    public int capacity() {
        return capacity;
    }

    BlockProgram program() {
        return program;
    }

    double[][] columns() {
        return columns;
    }
}
