package org.mcsim.expr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Operations on expression trees: the names they reference, a scalar reference interpreter,
 * and a fully parenthesized rendering. Stateless and thread-safe.
 */
public final class Exprs {

    private Exprs() {
    }

    /**
     * The references of an expression, in order of appearance in its text, duplicates kept.
     *
     * @param e the expression
     * @return its {@link Expr.Ref} nodes, left to right
     */
    public static List<Expr.Ref> references(Expr e) {
        List<Expr.Ref> refs = new ArrayList<>();
        Deque<Expr> stack = new ArrayDeque<>();
        stack.push(e);
        while (!stack.isEmpty()) {
            Expr next = stack.pop();
            if (next instanceof Expr.Ref ref) {
                refs.add(ref);
            } else if (next instanceof Expr.Unary u) {
                stack.push(u.operand());
            } else if (next instanceof Expr.Binary b) {
                stack.push(b.right());
                stack.push(b.left());
            } else if (next instanceof Expr.Call c) {
                for (int i = c.args().size() - 1; i >= 0; i--) {
                    stack.push(c.args().get(i));
                }
            }
        }
        return refs;
    }

    /**
     * The binary nodes along the left operands from {@code e} down, deepest first: passes over
     * the tree walk this spine in a loop (a flat sum of any length), recursing only into right
     * operands and other nodes, whose depth the parser bounds.
     */
    static List<Expr.Binary> leftSpine(Expr e) {
        List<Expr.Binary> spine = new ArrayList<>();
        for (Expr x = e; x instanceof Expr.Binary b; x = b.left()) {
            spine.add(b);
        }
        Collections.reverse(spine);
        return spine;
    }

    /**
     * Evaluates an expression for one sample: the reference interpreter of the language, whose
     * results {@link BlockProgram} reproduces bit for bit. Arithmetic is IEEE double;
     * comparisons and logic give 1 or 0, or NaN when an operand is NaN; {@code if} evaluates
     * only its chosen branch.
     *
     * @param e the expression (its calls must have valid arities)
     * @param values the value of each referenced name
     * @return the value
     * @throws IllegalArgumentException if a call has a wrong number of arguments
     */
    public static double evaluate(Expr e, ToDoubleFunction<String> values) {
        if (e instanceof Expr.Num num) {
            return num.value();
        }
        if (e instanceof Expr.Ref ref) {
            return values.applyAsDouble(ref.name());
        }
        if (e instanceof Expr.Unary u) {
            return UnaryKernel.of(u.op()).apply(evaluate(u.operand(), values));
        }
        if (e instanceof Expr.Binary) {
            List<Expr.Binary> spine = leftSpine(e);
            double acc = evaluate(spine.get(0).left(), values);
            for (Expr.Binary b : spine) {
                acc = BinaryKernel.of(b.op()).apply(acc, evaluate(b.right(), values));
            }
            return acc;
        }
        return call((Expr.Call) e, values);
    }

    private static double call(Expr.Call c, ToDoubleFunction<String> values) {
        Function f = c.function();
        List<Expr> args = c.args();
        checkArity(c);
        switch (f) {
            case MIN:
            case MAX:
                BinaryKernel k = f == Function.MIN ? BinaryKernel.MIN : BinaryKernel.MAX;
                double acc = evaluate(args.get(0), values);
                for (int i = 1; i < args.size(); i++) {
                    acc = k.apply(acc, evaluate(args.get(i), values));
                }
                return acc;
            case POW:
                double base = evaluate(args.get(0), values);
                return BinaryKernel.POW.apply(base, evaluate(args.get(1), values));
            case CLAMP:
                double x = evaluate(args.get(0), values);
                double lo = evaluate(args.get(1), values);
                return Arithmetic.clamp(x, lo, evaluate(args.get(2), values));
            case IF:
                double cond = evaluate(args.get(0), values);
                return cond != cond ? Double.NaN
                    : evaluate(args.get(cond != 0.0 ? 1 : 2), values);
            default:
                return UnaryKernel.of(f).apply(evaluate(args.get(0), values));
        }
    }

    /** Checks a call built by hand; the parser never builds a wrong one. */
    static void checkArity(Expr.Call c) {
        Function f = c.function();
        int n = c.args().size();
        if (n < f.minArgs() || n > f.maxArgs()) {
            throw new IllegalArgumentException("function '" + f.text() + "' called with " + n
                + " arguments, as in " + Parser.signature(f));
        }
    }

    /**
     * A fully parenthesized rendering, for tests and debugging: {@code -2^2} gives
     * {@code (-(2 ^ 2))}, {@code min(a, b+1)} gives {@code min(a, (b + 1))}. Integral numbers
     * print without a fraction ({@code 2}), others as {@link Double#toString(double)}.
     *
     * @param e the expression
     * @return its rendering
     */
    public static String toString(Expr e) {
        StringBuilder sb = new StringBuilder();
        render(e, sb);
        return sb.toString();
    }

    private static void render(Expr e, StringBuilder sb) {
        if (e instanceof Expr.Num num) {
            double v = num.value();
            sb.append(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v));
        } else if (e instanceof Expr.Ref ref) {
            sb.append(ref.name());
        } else if (e instanceof Expr.Unary u) {
            sb.append('(').append(u.op() == Expr.UnaryOp.NEG ? '-' : '!');
            render(u.operand(), sb);
            sb.append(')');
        } else if (e instanceof Expr.Binary) {
            List<Expr.Binary> spine = leftSpine(e);
            sb.append("(".repeat(spine.size()));
            render(spine.get(0).left(), sb);
            for (Expr.Binary b : spine) {
                sb.append(' ').append(b.op().symbol()).append(' ');
                render(b.right(), sb);
                sb.append(')');
            }
        } else {
            Expr.Call c = (Expr.Call) e;
            sb.append(c.function().text()).append('(');
            for (int i = 0; i < c.args().size(); i++) {
                sb.append(i == 0 ? "" : ", ");
                render(c.args().get(i), sb);
            }
            sb.append(')');
        }
    }
}
