package org.mcsim.expr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles expressions into {@link Instruction}s over the columns of a frame. One instance
 * compiles the assignments of one {@link BlockProgram}, in order, and is then discarded.
 *
 * <p>Code generation is a post-order walk. A subtree without references to columns is folded
 * to a scalar with the interpreter's own operations (so folding changes no bit); a column and a
 * scalar meet in a column-scalar instruction, never in a filled column. Children are generated
 * in decreasing order of the temporaries they need (Sethi–Ullman numbering: R. Sethi and J. D.
 * Ullman, "The generation of optimal code for arithmetic expressions", JACM 17(4), 1970), and
 * a temporary is released as soon as the instruction reading it is emitted, its column then
 * serving as that instruction's output or a later one's. An assignment's own column, which its
 * expression never reads, also serves as scratch space for the first operand computed. So a
 * frame holds few temporaries (one for {@code x*y + y*z}).
 *
 * <p>Not thread-safe; used by one thread during {@link BlockProgram#compile}.
 */
final class BlockCompiler {

    /** A value during code generation: a scalar, or a column that may be a temporary. */
    private record Operand(int column, double value, boolean temporary) {
        static Operand scalar(double value) {
            return new Operand(-1, value, false);
        }

        boolean isScalar() {
            return column < 0;
        }
    }

    private final Map<String, Integer> columns;
    private final Map<String, Double> constants;
    private final int firstTemporary;
    private final List<Instruction> code = new ArrayList<>();
    private final Deque<Integer> free = new ArrayDeque<>();
    private final Map<Expr, Integer> needs = new IdentityHashMap<>();
    private final Map<Expr, Boolean> constness = new IdentityHashMap<>();
    private int temporaries;

    /**
     * @param columns the slot of each name a compiled expression may reference; the caller adds
     *     each assignment once it is compiled
     * @param constants scalar names
     * @param firstTemporary the first column index after all slots
     */
    BlockCompiler(Map<String, Integer> columns, Map<String, Double> constants, int firstTemporary) {
        this.columns = columns;
        this.constants = constants;
        this.firstTemporary = firstTemporary;
    }

    /** Emits the instructions that compute {@code e} into column {@code target}. */
    void assign(Expr e, int target) {
        Operand result = generate(e, target);
        if (result.isScalar()) {
            code.add(new Instruction.Fill(result.value(), target));
        } else if (result.column() != target) {
            code.add(new Instruction.Copy(result.column(), target));
            release(result);
        }
    }

    /** The instructions emitted so far. */
    List<Instruction> code() {
        return List.copyOf(code);
    }

    /** The number of temporary columns the code needs. */
    int temporaries() {
        return temporaries;
    }

    /** Generates {@code e}; its result goes to {@code target}, or to a temporary when -1. */
    private Operand generate(Expr e, int target) {
        if (e instanceof Expr.Num num) {
            return Operand.scalar(num.value());
        }
        if (e instanceof Expr.Ref ref) {
            return reference(ref);
        }
        if (e instanceof Expr.Unary u) {
            return unary(UnaryKernel.of(u.op()), generate(u.operand(), target), target);
        }
        if (e instanceof Expr.Binary b) {
            return chain(b, target);
        }
        return call((Expr.Call) e, target);
    }

    /**
     * A binary node and the binary nodes below it along left operands that are generated
     * before their right ones, in a loop: each such left operand goes to the same target, so a
     * flat sum of any length recurses only into its terms. The code is the same as generating
     * each node's operands with {@link #generateAll}.
     */
    private Operand chain(Expr.Binary top, int target) {
        Deque<Expr.Binary> spine = new ArrayDeque<>();
        Expr bottom = top;
        while (bottom instanceof Expr.Binary b && need(b.left()) >= need(b.right())) {
            spine.push(b);
            bottom = b.left();
        }
        Operand acc;
        if (bottom instanceof Expr.Binary b) {
            Operand[] ops = generateAll(List.of(b.left(), b.right()), target);
            acc = binary(BinaryKernel.of(b.op()), ops[0], ops[1], target);
        } else {
            acc = generate(bottom, target);
        }
        while (!spine.isEmpty()) {
            Expr.Binary b = spine.pop();
            acc = binary(BinaryKernel.of(b.op()), acc, generate(b.right(), -1), target);
        }
        return acc;
    }

    private Operand reference(Expr.Ref ref) {
        Double value = constants.get(ref.name());
        if (value != null) {
            return Operand.scalar(value);
        }
        Integer column = columns.get(ref.name());
        if (column == null) {
            throw new IllegalArgumentException("'" + ref.name()
                + "' is not an input, a constant or an earlier assignment");
        }
        return new Operand(column, Double.NaN, false);
    }

    private Operand call(Expr.Call c, int target) {
        Exprs.checkArity(c);
        List<Expr> args = c.args();
        switch (c.function()) {
            case MIN:
            case MAX:
                BinaryKernel k = c.function() == Function.MIN ? BinaryKernel.MIN : BinaryKernel.MAX;
                Operand acc = generate(args.get(0), target);
                for (int i = 1; i < args.size(); i++) {
                    acc = binary(k, acc, generate(args.get(i), -1), target);
                }
                return acc;
            case POW:
                Operand[] ops = generateAll(args, target);
                return binary(BinaryKernel.POW, ops[0], ops[1], target);
            case CLAMP:
                return clamp(generateAll(args, target), target);
            case IF:
                return select(args, target);
            default:
                return unary(UnaryKernel.of(c.function()), generate(args.get(0), target), target);
        }
    }

    private Operand unary(UnaryKernel kernel, Operand x, int target) {
        if (x.isScalar()) {
            return Operand.scalar(kernel.apply(x.value()));
        }
        int out = output(target, x);
        code.add(new Instruction.Unary(kernel, x.column(), out));
        return result(out, target);
    }

    private Operand binary(BinaryKernel kernel, Operand a, Operand b, int target) {
        if (a.isScalar() && b.isScalar()) {
            return Operand.scalar(kernel.apply(a.value(), b.value()));
        }
        if (kernel == BinaryKernel.POW && b.isScalar() && b.value() == 2.0) {
            return unary(UnaryKernel.SQUARE, a, target);
        }
        int out = output(target, a, b);
        if (a.isScalar()) {
            code.add(new Instruction.BinaryScalarLeft(kernel, a.value(), b.column(), out));
        } else if (b.isScalar()) {
            code.add(new Instruction.BinaryScalarRight(kernel, a.column(), b.value(), out));
        } else {
            code.add(new Instruction.Binary(kernel, a.column(), b.column(), out));
        }
        return result(out, target);
    }

    private Operand clamp(Operand[] ops, int target) {
        Operand x = ops[0];
        Operand lo = ops[1];
        Operand hi = ops[2];
        if (x.isScalar() && lo.isScalar() && hi.isScalar()) {
            return Operand.scalar(Arithmetic.clamp(x.value(), lo.value(), hi.value()));
        }
        if (lo.isScalar() && hi.isScalar()) {
            int out = output(target, x);
            code.add(new Instruction.ClampScalars(x.column(), lo.value(), hi.value(), out));
            return result(out, target);
        }
        // Rare shapes (a column bound with a scalar x or bound) use filled temporaries.
        x = materialize(x);
        lo = materialize(lo);
        hi = materialize(hi);
        int out = output(target, x, lo, hi);
        code.add(new Instruction.Clamp(x.column(), lo.column(), hi.column(), out));
        return result(out, target);
    }

    /** {@code if}: a constant condition chooses its branch at compile time. */
    private Operand select(List<Expr> args, int target) {
        if (constant(args.get(0))) {
            double c = generate(args.get(0), -1).value();
            return c != c ? Operand.scalar(Double.NaN) : generate(args.get(c != 0.0 ? 1 : 2), target);
        }
        Operand[] ops = generateAll(args, target);
        Operand c = ops[0];
        Operand a = ops[1];
        Operand b = ops[2];
        int out = output(target, c, a, b);
        if (a.isScalar() && b.isScalar()) {
            code.add(new Instruction.SelectScalars(c.column(), a.value(), b.value(), out));
        } else if (a.isScalar()) {
            code.add(new Instruction.SelectScalarA(c.column(), a.value(), b.column(), out));
        } else if (b.isScalar()) {
            code.add(new Instruction.SelectScalarB(c.column(), a.column(), b.value(), out));
        } else {
            code.add(new Instruction.Select(c.column(), a.column(), b.column(), out));
        }
        return result(out, target);
    }

    /**
     * Generates the operands of one instruction, those needing most temporaries first; results
     * in the given order. The first one computed may use the instruction's target as its own
     * output: nothing reads the target before the instruction writes it.
     */
    private Operand[] generateAll(List<Expr> exprs, int target) {
        Integer[] order = new Integer[exprs.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> need(exprs.get(i))).reversed());
        Operand[] ops = new Operand[exprs.size()];
        for (int i = 0; i < order.length; i++) {
            ops[order[i]] = generate(exprs.get(order[i]), i == 0 ? target : -1);
        }
        return ops;
    }

    /**
     * The Sethi–Ullman number of {@code e}: temporaries needed to compute it into a fresh
     * column (0 for a scalar or a plain reference); children are taken in decreasing order and
     * each earlier child that computed something holds one temporary meanwhile.
     */
    private int need(Expr e) {
        return memo(e, needs, this::computeNeed);
    }

    private int computeNeed(Expr e) {
        int need = 0;
        if (!(e instanceof Expr.Num || e instanceof Expr.Ref) && !constant(e)) {
            List<Expr> list = children(e);
            int[] children = new int[list.size()];
            for (int i = 0; i < children.length; i++) {
                children[i] = need(list.get(i));
            }
            Arrays.sort(children);
            need = 1;
            for (int held = 0, i = children.length - 1; i >= 0 && children[i] > 0; held++, i--) {
                need = Math.max(need, children[i] + held);
            }
        }
        return need;
    }

    /** Whether {@code e} references no column, so that it folds to a scalar. */
    private boolean constant(Expr e) {
        return memo(e, constness, this::computeConstant);
    }

    private boolean computeConstant(Expr e) {
        boolean result = !(e instanceof Expr.Ref ref) || constants.containsKey(ref.name());
        for (Expr child : children(e)) {
            result &= constant(child);
        }
        return result;
    }

    /**
     * A property of a node computed from its children's, memoized. The left operands below a
     * binary node are computed first, deepest first, in a loop, so that computing a node
     * recurses only into right operands and other children (a flat sum of any length).
     */
    private static <T> T memo(Expr e, Map<Expr, T> memo, java.util.function.Function<Expr, T> compute) {
        T known = memo.get(e);
        if (known != null) {
            return known;
        }
        Deque<Expr> below = new ArrayDeque<>();
        for (Expr x = e; x instanceof Expr.Binary b && !memo.containsKey(b.left()); x = b.left()) {
            below.push(b.left());
        }
        while (!below.isEmpty()) {
            Expr x = below.pop();
            memo.put(x, compute.apply(x));
        }
        T value = compute.apply(e);
        memo.put(e, value);
        return value;
    }

    private static List<Expr> children(Expr e) {
        if (e instanceof Expr.Unary u) {
            return List.of(u.operand());
        }
        if (e instanceof Expr.Binary b) {
            return List.of(b.left(), b.right());
        }
        return e instanceof Expr.Call c ? c.args() : List.of();
    }

    private Operand materialize(Operand op) {
        if (!op.isScalar()) {
            return op;
        }
        int column = allocate();
        code.add(new Instruction.Fill(op.value(), column));
        return new Operand(column, Double.NaN, true);
    }

    /** Releases the operands' temporaries, then picks the output column (maybe one of them). */
    private int output(int target, Operand... operands) {
        for (Operand op : operands) {
            release(op);
        }
        return target >= 0 ? target : allocate();
    }

    private static Operand result(int out, int target) {
        return new Operand(out, Double.NaN, target < 0);
    }

    private void release(Operand op) {
        if (op.temporary()) {
            free.push(op.column());
        }
    }

    private int allocate() {
        if (!free.isEmpty()) {
            return free.pop();
        }
        return firstTemporary + temporaries++;
    }
}
