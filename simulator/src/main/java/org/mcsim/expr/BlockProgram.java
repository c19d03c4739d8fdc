package org.mcsim.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A list of assignments compiled into column instructions: the simulator's hot path.
 *
 * <p>Each name (inputs first, then assignments in order) has a slot: a column of a
 * {@link Frame}. The engine writes the input columns, calls {@link #run}, and reads the
 * assignment columns. {@code run} executes a flat array of instructions, each a single tight
 * loop over the block such as {@code out[i] = a[i] * b[i]}: the tree is never walked and
 * nothing is dispatched per sample or allocated. Constants and literals are scalars inside the
 * instructions; subtrees of constants are folded at compile time; temporaries are reused (see
 * {@link BlockCompiler}). Results are bit-identical to {@link Exprs#evaluate} for every row.
 *
 * <p>Immutable and thread-safe; each worker thread uses its own {@link Frame}.
 */
public final class BlockProgram {

    /**
     * A name computed from an expression.
     *
     * @param name the name that gets a slot
     * @param expr what it is computed from
     */
    public record Assignment(String name, Expr expr) {
        /** Checks that both are present. */
        public Assignment {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(expr, "expr");
        }
    }

    private final List<String> names;
    private final Map<String, Integer> slots;
    private final Instruction[] code;
    private final int temporaries;

    private BlockProgram(List<String> names, Map<String, Integer> slots, List<Instruction> code,
                         int temporaries) {
        this.names = List.copyOf(names);
        this.slots = Map.copyOf(slots);
        this.code = code.toArray(new Instruction[0]);
        this.temporaries = temporaries;
    }

    /**
     * Compiles assignments, given in evaluation order.
     *
     * @param inputNames names whose columns the engine fills; slots 0..k-1 in this order
     * @param constants names with a fixed value, folded into the code
     * @param assignments in evaluation order; each references only inputs, constants and
     *     earlier assignments; slots k, k+1, ... in this order
     * @return the program
     * @throws IllegalArgumentException if a name is repeated, or an expression references an
     *     unknown or later name, or calls a function with a wrong number of arguments
     */
    public static BlockProgram compile(List<String> inputNames, Map<String, Double> constants,
                                       List<Assignment> assignments) {
        Map<String, Double> scalars = Map.copyOf(constants);
        List<String> names = new ArrayList<>(inputNames);
        assignments.forEach(a -> names.add(a.name()));
        Map<String, Integer> all = new HashMap<>();
        for (String name : names) {
            if (all.put(name, all.size()) != null || scalars.containsKey(name)) {
                throw new IllegalArgumentException("name '" + name + "' is defined twice");
            }
        }
        Map<String, Integer> visible = new HashMap<>();
        inputNames.forEach(name -> visible.put(name, all.get(name)));
        BlockCompiler compiler = new BlockCompiler(visible, scalars, names.size());
        for (Assignment a : assignments) {
            int slot = all.get(a.name());
            try {
                compiler.assign(a.expr(), slot);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("assignment '" + a.name() + "': " + e.getMessage(), e);
            }
            visible.put(a.name(), slot);
        }
        return new BlockProgram(names, all, compiler.code(), compiler.temporaries());
    }

    /**
     * The slot of an input or assignment.
     *
     * @param name the name
     * @return its column index in a {@link Frame}
     * @throws IllegalArgumentException if the name has no slot
     */
    public int slot(String name) {
        Integer slot = slots.get(name);
        if (slot == null) {
            throw new IllegalArgumentException("no slot named '" + name + "'");
        }
        return slot;
    }

    /** The number of slots: inputs, then assignments. */
    public int slotCount() {
        return names.size();
    }

    /** The slot names in slot order: inputs, then assignments. */
    public List<String> names() {
        return names;
    }

    /**
     * A new frame for this program: one column per slot and per temporary.
     *
     * @param capacity the largest block size it will run
     * @return the frame, to be used by one thread at a time
     * @throws IllegalArgumentException if the capacity is not positive
     */
    public Frame newFrame(int capacity) {
        return new Frame(this, names.size(), names.size() + temporaries, capacity);
    }

    /**
     * Computes every assignment for rows [0, n) of the frame; the input columns must hold
     * their values there. Rows from n on are not touched. Allocates nothing.
     *
     * @param frame a frame made by this program
     * @param n the number of rows
     * @throws IllegalArgumentException if the frame belongs to another program, or n is
     *     negative or above its capacity
     */
    public void run(Frame frame, int n) {
        if (frame.program() != this) {
            throw new IllegalArgumentException("the frame belongs to another program");
        }
        if (n < 0 || n > frame.capacity()) {
            throw new IllegalArgumentException("n must be in [0, " + frame.capacity() + "], got " + n);
        }
        double[][] columns = frame.columns();
        for (Instruction instruction : code) {
            instruction.run(columns, n);
        }
    }

    /** The instructions, in execution order (for tests). */
    List<Instruction> instructions() {
        return List.of(code);
    }

    /** The number of temporary columns a frame holds besides the slots. */
    int temporaryCount() {
        return temporaries;
    }

    /** A listing of the instructions, one a line, for debugging. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("BlockProgram ").append(names).append('\n');
        for (Instruction instruction : code) {
            sb.append("  ").append(instruction).append('\n');
        }
        return sb.toString();
    }
}
