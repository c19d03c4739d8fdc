package org.mcsim.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mcsim.expr.Expr;
import org.mcsim.expr.ExprError;
import org.mcsim.expr.Exprs;
import org.mcsim.expr.ParseResult;
import org.mcsim.expr.Parser;
import org.mcsim.expr.Suggestions;
import org.mcsim.model.Claim;
import org.mcsim.model.Formula;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Parses formulas and claims, places their errors in the file, resolves every name they use
 * against the constants, inputs and formulas (an unknown name suggests the nearest), and orders
 * the formulas ({@link FormulaOrder}). Not thread-safe (one per check).
 */
final class Expressions {

    /** A parsed expression with the names it uses, in the order they appear. */
    record Parsed(String name, String text, Expr expr, List<Expr.Ref> refs, boolean resolved) { }

    private final Problems problems;
    private final String[] sourceLines;
    private final Set<String> known;

    /**
     * @param known every constant, input and formula name
     */
    Expressions(Problems problems, String[] sourceLines, Collection<String> known) {
        this.problems = problems;
        this.sourceLines = sourceLines;
        this.known = new LinkedHashSet<>(known);
    }

    /** The formulas in file order, or null when one is wrong (all reported). */
    List<Formula> formulas(Map<String, Field> written, List<String> order) {
        List<Parsed> parsed = new ArrayList<>();
        boolean ok = true;
        for (Field f : written.values()) {
            Parsed p = parse(f, "formula " + f.key());
            ok &= p != null && p.resolved();
            if (p != null) {
                parsed.add(p);
            }
        }
        // cycles are looked for even when some formula is wrong, so that all are reported
        List<String> sorted = FormulaOrder.of(parsed, written, problems);
        if (sorted == null || !ok) {
            return null;
        }
        order.addAll(sorted);
        return parsed.stream().map(p -> new Formula(p.name(), p.text(), p.expr())).toList();
    }

    /** The claims in file order, or null when one is wrong (all reported). */
    List<Claim> claims(Map<String, Field> written) {
        List<Claim> out = new ArrayList<>();
        boolean ok = true;
        for (Field f : written.values()) {
            Parsed p = parse(f, "claim " + f.key());
            if (p == null || !p.resolved()) {
                ok = false;
            } else {
                out.add(new Claim(p.name(), p.text(), p.expr()));
            }
        }
        return ok ? out : null;
    }

    /** Parses the trimmed text and checks its names; null after a syntax error (reported). */
    private Parsed parse(Field f, String label) {
        if (!(f.value() instanceof ScalarNode s) || Nodes.isNull(s)) {
            return null; // reported by OutlineReader
        }
        String raw = s.getValue();
        String text = raw.strip();
        int lead = raw.indexOf(text.isEmpty() ? raw : text);
        ExpressionPlace place = new ExpressionPlace(s, sourceLines);
        ParseResult r = Parser.parse(text);
        if (!r.ok()) {
            for (ExprError e : r.errors()) {
                problems.at(place.at(lead + e.offset()), label + ": " + e.message());
            }
            return null;
        }
        List<Expr.Ref> refs = Exprs.references(r.expr());
        boolean ok = true;
        for (Expr.Ref ref : refs) {
            if (!known.contains(ref.name())) {
                String near = Suggestions.nearest(ref.name(), known);
                problems.at(place.at(lead + ref.offset()), label + ": unknown name '"
                    + Nodes.abbreviate(ref.name()) + "'" + (near == null ? "" : "; did you mean '" + near + "'?"));
                ok = false;
            }
        }
        return new Parsed(f.key(), text, r.expr(), refs, ok);
    }
}
