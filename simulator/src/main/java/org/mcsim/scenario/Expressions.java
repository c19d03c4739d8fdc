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
    private final Indexing indexing;
    private final Map<String, String[]> includedLines;
    private final IndexExpansion expansion;
    /** The sources of the expressions that go through {@link IndexExpansion}, by label. */
    private final Map<String, IndexExpansion.Source> indexed = new java.util.HashMap<>();

    /**
     * @param known every constant, input and formula name (the base names of indexed ones)
     * @param indexing the scenario's indexes and indexed variables
     */
    Expressions(Problems problems, String[] sourceLines, Collection<String> known, Indexing indexing,
                Map<String, String[]> includedLines) {
        this.problems = problems;
        this.includedLines = includedLines;
        this.sourceLines = sourceLines;
        this.known = new LinkedHashSet<>(known);
        this.indexing = indexing;
        this.expansion = new IndexExpansion(indexing, problems);
    }

    /** The indexes of a formula, input or constant by base name, once formulas are read. */
    java.util.List<Index> dims(String name) {
        return expansion.dims(name);
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
        if (!indexed.isEmpty()) {
            List<IndexExpansion.Source> sources = new ArrayList<>();
            parsed.forEach(p -> {
                IndexExpansion.Source src = indexed.get("formula " + p.name());
                if (src != null) {
                    sources.add(src);
                }
            });
            expansion.infer(sources);
            List<Parsed> expanded = new ArrayList<>();
            Map<String, Field> places = new java.util.LinkedHashMap<>();
            for (Parsed p : parsed) {
                IndexExpansion.Source src = indexed.get("formula " + p.name());
                List<Parsed> elements = src == null ? List.of(p) : expansion.expand(src);
                if (elements == null) {
                    ok = false;
                    continue;
                }
                for (Parsed e : elements) {
                    expanded.add(e);
                    places.put(e.name(), written.get(p.name()));
                }
            }
            parsed = expanded;
            written = places;
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
                continue;
            }
            IndexExpansion.Source src = indexed.get("claim " + f.key());
            List<Parsed> elements = src == null ? List.of(p) : expansion.expand(src);
            if (elements == null) {
                ok = false;
                continue;
            }
            elements.forEach(e -> out.add(new Claim(e.name(), e.text(), e.expr())));
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
        String in = Pos.of(s).file();
        ExpressionPlace place = new ExpressionPlace(s, in == null ? sourceLines : includedLines.get(in));
        IndexSyntax syntax = IndexSyntax.of(text);
        boolean index = !syntax.plain() || !indexing.indexes().isEmpty();
        ParseResult r = Parser.parse(index ? syntax.text() : text);
        if (!r.ok() || !syntax.errors().isEmpty()) {
            List<ExprError> errors = new ArrayList<>(syntax.errors());
            errors.addAll(r.errors());
            errors.sort(java.util.Comparator.comparingInt(ExprError::offset));
            for (ExprError e : errors) {
                problems.at(place.at(lead + e.offset()), label + ": " + e.message());
            }
            return null;
        }
        List<Expr.Ref> refs = Exprs.references(r.expr());
        boolean ok = true;
        Set<Integer> indexArguments = index ? IndexExpansion.indexArguments(r.expr(), syntax) : Set.of();
        for (Expr.Ref ref : refs) {
            if (indexArguments.contains(ref.offset())) {
                continue; // checked as an index by IndexExpansion
            }
            if (!known.contains(ref.name()) && !indexing.indexes().containsKey(ref.name())) {
                String near = Suggestions.nearest(ref.name(), known);
                problems.at(place.at(lead + ref.offset()), label + ": unknown name '"
                    + Nodes.abbreviate(ref.name()) + "'" + (near == null ? "" : "; did you mean '" + near + "'?"));
                ok = false;
            }
        }
        if (index) {
            indexed.put(label, new IndexExpansion.Source(f.key(), label, f, text, r.expr(), syntax, place, lead));
        }
        return new Parsed(f.key(), text, r.expr(), refs, ok);
    }
}
