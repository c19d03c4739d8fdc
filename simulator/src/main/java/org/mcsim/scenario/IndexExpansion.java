package org.mcsim.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mcsim.expr.Expr;
import org.mcsim.expr.Exprs;
import org.mcsim.expr.Function;
import org.mcsim.scenario.Expressions.Parsed;
import org.mcsim.scenario.IndexSyntax.Item;
import org.mcsim.scenario.IndexSyntax.Operation;
import org.mcsim.scenario.IndexSyntax.Subscript;
import org.mcsim.scenario.Indexing.Variable;

/**
 * Expands indexed formulas and claims into scalar ones, one per element, at compile time: the
 * engine, sampling methods, correlations and sensitivity then see only scalar columns, and the
 * hot loop stays what it is for a model written out by hand.
 *
 * <p>The indexes of a formula are inferred (Analytica's intelligent arrays: an operation's
 * result has the union of its operands' indexes; a reduction removes the index it reduces, a
 * pick the index it picks): by a fixed point over the formulas, since a lag lets a formula use
 * itself. Each element of a formula then gets an expression in which every reference names the
 * element it means ({@code n[h800] * p[h800]}), reductions are written out as sums, products,
 * means and {@code min}/{@code max} of their elements, cumulative operations as running sums and
 * products, and the index's own name as its value (the integer of a range, the 1-based position
 * in a list). A lag before the first element ({@code x[year-1]} at the first year) is 0. Errors
 * (an index a variable does not have, an unknown element or index, a reduction's argument) are
 * reported at the subscript or call. Not thread-safe (one per check).
 */
final class IndexExpansion {

    /** Most expression nodes written out for one scenario's indexed formulas and claims. */
    static final long MAX_NODES = 5_000_000;
    /** Terms above which a reduction is summed pairwise, so that trees stay shallow. */
    private static final int PAIRWISE = 64;

    /**
     * A formula or claim as parsed from its blanked text.
     *
     * @param name its name
     * @param label {@code formula x} or {@code claim y}, for messages
     * @param field the entry as written
     * @param text the expression as written, trimmed
     * @param expr the parsed blanked text
     * @param syntax the index syntax taken out of the text
     * @param place where the text sits in the file
     * @param lead the offset of the trimmed text in the scalar
     */
    record Source(String name, String label, Field field, String text, Expr expr, IndexSyntax syntax,
                  ExpressionPlace place, int lead) { }

    private final Indexing indexing;
    private final Problems problems;
    private final Map<String, List<Index>> formulaDims = new HashMap<>();
    private final Map<Index, Integer> order = new HashMap<>();
    private Source current;
    private boolean report;
    private boolean failed;
    private long nodes;

    IndexExpansion(Indexing indexing, Problems problems) {
        this.indexing = indexing;
        this.problems = problems;
        int k = 0;
        for (Index ix : indexing.indexes().values()) {
            order.put(ix, k++);
        }
    }

    /** Infers every formula's indexes (a fixed point: lags let a formula use itself). */
    void infer(List<Source> formulas) {
        report = false;
        boolean changed = true;
        for (int round = 0; changed && round <= formulas.size() * (order.size() + 1); round++) {
            changed = false;
            for (Source s : formulas) {
                current = s;
                Set<Index> d = new LinkedHashSet<>(formulaDims.getOrDefault(s.name(), List.of()));
                changed |= d.addAll(infer(s.expr()));
                formulaDims.put(s.name(), ordered(d));
            }
        }
    }

    /** The indexes of a variable by base name (empty for a scalar one). */
    List<Index> dims(String name) {
        Variable v = indexing.variables().get(name);
        return v != null ? v.dims() : formulaDims.getOrDefault(name, List.of());
    }

    /**
     * The scalar entries of a formula or claim, one per element, named {@code name[e1,e2]};
     * null after reporting a problem.
     */
    List<Parsed> expand(Source s) {
        current = s;
        report = true;
        failed = false;
        List<Index> dims = ordered(infer(s.expr()));
        if (failed) {
            return null;
        }
        if (Indexing.count(dims) > IndexReader.MAX_EXPANDED) {
            problems.at(s.field().pos(), s.label() + ": it is indexed by " + String.join(", ", dims.stream()
                .map(Index::name).toList()) + ", " + (Indexing.count(dims) == Long.MAX_VALUE ? "too many"
                : Long.toString(Indexing.count(dims))) + " elements; an indexed formula or claim has at most "
                + IndexReader.MAX_EXPANDED + " (reduce over an index before combining them)");
            return null;
        }
        List<Parsed> out = new ArrayList<>();
        for (List<String> c : Indexing.combinations(dims)) {
            Map<Index, Integer> env = new HashMap<>();
            for (int k = 0; k < dims.size(); k++) {
                env.put(dims.get(k), dims.get(k).position(c.get(k)));
            }
            Expr e = build(s.expr(), env);
            if (nodes > MAX_NODES) {
                problems.at(s.field().pos(), s.label() + ": the indexed formulas and claims expand to more than "
                    + MAX_NODES + " terms; use fewer elements or reduce before combining indexes");
                return null;
            }
            out.add(new Parsed(Indexing.elementName(s.name(), c), s.text(), e, Exprs.references(e), true));
        }
        return out;
    }

    private List<Index> ordered(Set<Index> dims) {
        List<Index> out = new ArrayList<>(dims);
        out.sort(java.util.Comparator.comparingInt(order::get));
        return out;
    }

    private void error(int offset, String message) {
        if (report) {
            problems.at(current.place().at(current.lead() + offset), current.label() + ": " + message);
            failed = true;
        }
    }

    // ---- inference ----

    private Set<Index> infer(Expr e) {
        Set<Index> out = new LinkedHashSet<>();
        if (e instanceof Expr.Ref r) {
            out.addAll(inferRef(r));
        } else if (e instanceof Expr.Unary u) {
            out.addAll(infer(u.operand()));
        } else if (e instanceof Expr.Binary) {
            // a chain of left-associative operators may be as long as the text: walk it in a loop
            Expr at = e;
            while (at instanceof Expr.Binary b) {
                out.addAll(infer(b.right()));
                at = b.left();
            }
            out.addAll(infer(at));
        } else if (e instanceof Expr.Call c) {
            Reduction red = reduction(c);
            if (red != null) {
                Set<Index> inner = infer(c.args().get(0));
                if (red.index() != null && !inner.contains(red.index())) {
                    error(red.offset(), red.name() + " over " + red.index().name() + ": its argument is not indexed by "
                        + red.index().name() + describe(inner));
                }
                out.addAll(inner);
                if (!red.cumulative()) {
                    out.remove(red.index());
                }
            } else {
                c.args().forEach(a -> out.addAll(infer(a)));
            }
        }
        return out;
    }

    private static String describe(Set<Index> dims) {
        return dims.isEmpty() ? " (it has no index)" : " (its indexes: "
            + String.join(", ", dims.stream().map(Index::name).toList()) + ")";
    }

    private Set<Index> inferRef(Expr.Ref r) {
        Subscript s = current.syntax().subscripts().get(r.offset());
        Index self = indexing.indexes().get(r.name());
        if (self != null) {
            if (s != null) {
                error(s.open(), "the index " + self.name() + " takes no subscript; its value is its element's");
            }
            return Set.of(self);
        }
        Set<Index> dims = new LinkedHashSet<>(dims(r.name()));
        if (s == null || indexing.broken().contains(r.name())) {
            return dims;
        }
        Map<Index, int[]> items = resolve(r, s);
        if (items != null) {
            items.forEach((ix, pickShift) -> {
                if (pickShift[0] >= 0) {
                    dims.remove(ix);
                }
            });
        }
        return dims;
    }

    /**
     * The items of a subscript resolved against the variable's indexes: index to {pick (the
     * element's position, or -1), shift}; null after reporting.
     */
    private Map<Index, int[]> resolve(Expr.Ref r, Subscript s) {
        List<Index> dims = dims(r.name());
        Map<Index, int[]> out = new LinkedHashMap<>();
        boolean ok = true;
        for (Item item : s.items()) {
            Index ix = null;
            int pick = -1;
            if (item.element() != null || item.shift() != 0) {
                ix = declared(item, r.name(), dims);
                if (ix != null && item.element() != null) {
                    pick = ix.position(item.element());
                    if (pick < 0) {
                        error(item.offset(), IndexReader.unknownElement(item.element(), ix));
                        ix = null;
                    }
                }
            } else if (indexing.indexes().containsKey(item.name())) {
                ix = declared(item, r.name(), dims);
            } else {
                List<Index> having = dims.stream().filter(d -> d.position(item.name()) >= 0).toList();
                if (having.size() == 1) {
                    ix = having.get(0);
                    pick = ix.position(item.name());
                } else if (having.isEmpty()) {
                    List<String> known = new ArrayList<>(indexing.indexes().keySet());
                    dims.forEach(d -> known.addAll(d.elements()));
                    String near = item.name().length() > 100 ? null
                        : org.mcsim.expr.Suggestions.nearest(item.name(), known);
                    error(item.offset(), "'" + Nodes.abbreviate(item.name()) + "' is neither an index nor an element"
                        + " of " + r.name() + describe(new LinkedHashSet<>(dims))
                        + (near == null ? "" : "; did you mean '" + near + "'?"));
                } else {
                    error(item.offset(), "'" + item.name() + "' is an element of " + having.get(0).name() + " and of "
                        + having.get(1).name() + "; write " + r.name() + "[" + having.get(0).name() + "=" + item.name()
                        + "]");
                }
            }
            if (ix == null) {
                ok = false;
            } else if (out.containsKey(ix)) {
                error(item.offset(), "the index " + ix.name() + " appears twice in the subscript of " + r.name());
                ok = false;
            } else {
                out.put(ix, new int[] {pick, item.shift()});
            }
        }
        return ok ? out : null;
    }

    /** The declared index an item names, which the variable must have; null after reporting. */
    private Index declared(Item item, String variable, List<Index> dims) {
        Index ix = indexing.indexes().get(item.name());
        if (ix == null) {
            error(item.offset(), indexing.indexes().isEmpty()
                ? "'" + Nodes.abbreviate(item.name()) + "' is not a declared index (this scenario declares no"
                    + " indexes; declare them under indexes:)"
                : Nodes.unknown("index", item.name(), indexing.indexes().keySet()));
            return null;
        }
        if (!dims.contains(ix)) {
            error(item.offset(), variable + " is not indexed by " + ix.name() + describe(new LinkedHashSet<>(dims)));
            return null;
        }
        return ix;
    }

    /**
     * A reduction or cumulative operation.
     *
     * @param name as written
     * @param index the index reduced, or null when the call is wrong (reported)
     * @param cumulative whether it keeps the index (cumsum, cumprod)
     * @param offset where the call's name starts
     */
    private record Reduction(String name, Index index, boolean cumulative, int offset) { }

    /** The reduction a call is, or null for an ordinary call. */
    private Reduction reduction(Expr.Call c) {
        Operation op = current.syntax().operations().get(c.offset());
        String name;
        int at;
        if (op != null && c.function() == Function.MAX) {
            name = op.name();
            at = op.offset();
        } else if ((c.function() == Function.MIN || c.function() == Function.MAX) && c.args().size() == 2
            && c.args().get(1) instanceof Expr.Ref r && indexing.indexes().containsKey(r.name())
            && !current.syntax().subscripts().containsKey(r.offset())) {
            name = c.function().text();
            at = c.offset();
        } else {
            return null;
        }
        Index ix = null;
        if (c.args().size() != 2) {
            error(at, name + "(x, index) takes an expression and an index, as in " + name + "(cost, gpu); got "
                + c.args().size() + " argument" + (c.args().size() == 1 ? "" : "s"));
        } else if (!(c.args().get(1) instanceof Expr.Ref r) || current.syntax().subscripts().containsKey(r.offset())) {
            error(c.args().get(1).offset(), name + ": its second argument names the index to " + (name.startsWith("cum")
                ? "accumulate along" : "reduce") + ", as in " + name + "(cost, gpu)");
        } else {
            ix = indexing.indexes().get(r.name());
            if (ix == null) {
                error(r.offset(), indexing.indexes().isEmpty()
                    ? "'" + Nodes.abbreviate(r.name()) + "' is not a declared index (this scenario declares no indexes;"
                        + " declare them under indexes:)"
                    : Nodes.unknown("index", r.name(), indexing.indexes().keySet()));
            }
        }
        return new Reduction(name, ix, name.startsWith("cum"), at);
    }

    /**
     * The offsets of the references that name the index of a reduction or cumulative operation
     * ({@code gpu} in {@code sum(x, gpu)}): they are checked as indexes, not as variables.
     */
    static Set<Integer> indexArguments(Expr root, IndexSyntax syntax) {
        Set<Integer> out = new java.util.HashSet<>();
        java.util.ArrayDeque<Expr> stack = new java.util.ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Expr e = stack.pop();
            if (e instanceof Expr.Unary u) {
                stack.push(u.operand());
            } else if (e instanceof Expr.Binary b) {
                stack.push(b.left());
                stack.push(b.right());
            } else if (e instanceof Expr.Call c) {
                if (syntax.operations().containsKey(c.offset()) && c.args().size() == 2
                    && c.args().get(1) instanceof Expr.Ref r) {
                    out.add(r.offset());
                }
                c.args().forEach(stack::push);
            }
        }
        return out;
    }

    // ---- building ----

    private Expr build(Expr e, Map<Index, Integer> env) {
        nodes++;
        if (e instanceof Expr.Num) {
            return e;
        }
        if (e instanceof Expr.Ref r) {
            return buildRef(r, env);
        }
        if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), build(u.operand(), env), u.offset());
        }
        if (e instanceof Expr.Binary) {
            // a chain of left-associative operators may be as long as the text: walk it in a loop
            java.util.ArrayDeque<Expr.Binary> spine = new java.util.ArrayDeque<>();
            Expr at = e;
            while (at instanceof Expr.Binary b) {
                spine.push(b);
                at = b.left();
            }
            Expr acc = build(at, env);
            while (!spine.isEmpty()) {
                Expr.Binary b = spine.pop();
                nodes++;
                acc = new Expr.Binary(b.op(), acc, build(b.right(), env), b.offset(), b.opOffset());
            }
            return acc;
        }
        Expr.Call c = (Expr.Call) e;
        Reduction red = reduction(c);
        if (red == null) {
            List<Expr> args = new ArrayList<>();
            c.args().forEach(a -> args.add(build(a, env)));
            return new Expr.Call(c.function(), args, c.offset());
        }
        Index ix = red.index();
        int last = red.cumulative() ? env.get(ix) : ix.size() - 1;
        List<Expr> terms = new ArrayList<>();
        for (int k = 0; k <= last; k++) {
            Map<Index, Integer> inner = new HashMap<>(env);
            inner.put(ix, k);
            terms.add(build(c.args().get(0), inner));
        }
        int at = c.offset();
        switch (red.name()) {
            case "sum": case "cumsum":
                return fold(Expr.BinaryOp.ADD, terms, 0, terms.size(), at);
            case "prod": case "cumprod":
                return fold(Expr.BinaryOp.MUL, terms, 0, terms.size(), at);
            case "mean":
                return new Expr.Binary(Expr.BinaryOp.DIV, fold(Expr.BinaryOp.ADD, terms, 0, terms.size(), at),
                    new Expr.Num(terms.size(), at), at, at);
            default:
                return new Expr.Call(Function.byName(red.name()), terms, at);
        }
    }

    /**
     * {@code terms[from..to)} combined by {@code op}: left to right as written by hand, or
     * pairwise for many terms (a tree of logarithmic depth).
     */
    private static Expr fold(Expr.BinaryOp op, List<Expr> terms, int from, int to, int at) {
        if (to - from > PAIRWISE) {
            int mid = (from + to) >>> 1;
            return new Expr.Binary(op, fold(op, terms, from, mid, at), fold(op, terms, mid, to, at), at, at);
        }
        Expr acc = terms.get(from);
        for (int k = from + 1; k < to; k++) {
            acc = new Expr.Binary(op, acc, terms.get(k), at, at);
        }
        return acc;
    }

    private Expr buildRef(Expr.Ref r, Map<Index, Integer> env) {
        Index self = indexing.indexes().get(r.name());
        if (self != null) {
            return new Expr.Num(self.value(env.get(self)), r.offset());
        }
        List<Index> dims = dims(r.name());
        if (dims.isEmpty()) {
            return r;
        }
        Subscript s = current.syntax().subscripts().get(r.offset());
        Map<Index, int[]> items = s == null ? Map.of() : resolve(r, s);
        List<String> elements = new ArrayList<>();
        for (Index d : dims) {
            int[] ps = items.get(d);
            int k = ps != null && ps[0] >= 0 ? ps[0] : env.get(d) + (ps == null ? 0 : ps[1]);
            if (k < 0 || k >= d.size()) {
                return new Expr.Num(0, r.offset()); // before the first element (or after the last)
            }
            elements.add(d.elements().get(k));
        }
        Variable v = indexing.variables().get(r.name());
        return new Expr.Ref(v != null && v.shared() ? r.name() : Indexing.elementName(r.name(), elements), r.offset());
    }
}
