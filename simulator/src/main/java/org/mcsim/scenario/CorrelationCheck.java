package org.mcsim.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mcsim.model.Correlation;
import org.mcsim.scenario.Outline.WrittenInput;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads {@code correlations:} (a list of {@code {between: [a, b], rank: r}}), checks each
 * entry (distinct known non-constant inputs, r in [−1, 1], a pair named once in either order),
 * then checks that the targets can hold together: converted to the normal scale
 * ({@link Correlation#normalScaleMatrix}), the matrix over the inputs in order of first
 * appearance must be positive definite ({@link Definiteness}). Not thread-safe.
 */
final class CorrelationCheck {

    private static final List<String> KEYS = List.of("between", "rank");

    private final Values values;
    private final Problems problems;

    CorrelationCheck(Values values) {
        this.values = values;
        this.problems = values.problems();
    }

    /** The correlations in file order, or null after reporting every problem. */
    List<Correlation> read(Field f, Map<String, WrittenInput> inputs, Outline outline) {
        List<Correlation> out = new ArrayList<>();
        if (f == null || Nodes.isNull(f.value())) {
            return out;
        }
        List<Node> items = Nodes.items(f.value());
        if (items == null) {
            problems.at(f.pos(), "correlations: must be a list of {between: [a, b], rank: r}, not "
                + Nodes.kind(f.value()));
            return null;
        }
        int before = problems.size();
        Map<String, Integer> pairs = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            List<Correlation> each = entry(items.get(i), "correlations[" + i + "]", inputs, outline);
            for (Correlation c : each == null ? List.<Correlation>of() : each) {
                Integer first = pairs.putIfAbsent(key(c.a(), c.b()), i);
                if (first != null) {
                    problems.at(Pos.of(items.get(i)), "correlations[" + i + "]: the pair " + c.a() + ", "
                        + c.b() + " is already given in correlations[" + first + "]");
                }
                out.add(c);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        String involved = Definiteness.check(out);
        if (involved != null) {
            problems.at(f.pos(), "correlations: the targets cannot hold together (converted by"
                + " r = 2 sin(pi rank / 6), the matrix is not positive definite); pairs involved: " + involved);
            return null;
        }
        return out;
    }

    private static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
    }

    /**
     * The correlations of one entry: one, or for indexed inputs one per element (two inputs with
     * the same indexes pair element with element; an indexed input and a scalar one pair each
     * element with the scalar); null after reporting.
     */
    private List<Correlation> entry(Node item, String label, Map<String, WrittenInput> inputs, Outline outline) {
        if (!(item instanceof MappingNode m)) {
            problems.at(Pos.of(item), label + ": must be a map such as {between: [a, b], rank: 0.5}, not "
                + Nodes.kind(item));
            return null;
        }
        int before = problems.size();
        Map<String, Field> fields = Nodes.fields(m, label, KEYS, problems);
        for (String k : KEYS) {
            if (!fields.containsKey(k)) {
                problems.at(Pos.of(item), label + ": missing key '" + k + "'");
            }
        }
        if (problems.size() > before) {
            return null;
        }
        Field between = fields.get("between");
        List<Node> names = Nodes.items(between.value());
        if (names == null || names.size() != 2) {
            problems.at(between.pos(), label + ".between: must be a list of two inputs such as [a, b], not "
                + (names == null ? Nodes.kind(between.value()) : "a list of " + names.size()));
            return null;
        }
        Indexing.Variable va = indexed(names.get(0), outline);
        Indexing.Variable vb = indexed(names.get(1), outline);
        if (va != null || vb != null) {
            return broadcast(label, names, va, vb, fields.get("rank"), inputs, outline);
        }
        String a = input(names.get(0), label, inputs, outline);
        String b = input(names.get(1), label, inputs, outline);
        if (a != null && a.equals(b)) {
            problems.at(Pos.of(names.get(1)), label + ".between: an input cannot be correlated with itself ('" + a + "')");
        }
        Field rf = fields.get("rank");
        double rank = values.item(rf.value(), label + ".rank", rf.pos());
        if (!Double.isNaN(rank) && (rank < -1 || rank > 1)) {
            problems.at(rf.pos(), label + ".rank: must be between -1 and 1, got " + Problems.num(rank));
        }
        return problems.size() > before ? null : List.of(new Correlation(a, b, rank));
    }

    /** The indexed input (drawn per element) a name gives, or null. */
    private static Indexing.Variable indexed(Node n, Outline outline) {
        String name = Nodes.text(n);
        Indexing.Variable v = name == null ? null : outline.indexing().variables().get(name);
        return v != null && !v.shared() && !outline.inputs().containsKey(name)
            && !outline.constants().containsKey(Indexing.elementName(name, Indexing.combinations(v.dims()).get(0)))
            ? v : null;
    }

    private List<Correlation> broadcast(String label, List<Node> names, Indexing.Variable va, Indexing.Variable vb,
                                        Field rf, Map<String, WrittenInput> inputs, Outline outline) {
        int before = problems.size();
        if (va != null && vb != null && !va.dims().equals(vb.dims())) {
            problems.at(Pos.of(names.get(1)), label + ".between: " + va.name() + " and " + vb.name() + " have different"
                + " indexes (" + dimNames(va) + "; " + dimNames(vb) + "); name single elements, as in "
                + va.name() + "[...]");
            return null;
        }
        if (va == vb) {
            problems.at(Pos.of(names.get(1)), label + ".between: an input cannot be correlated with itself ('"
                + va.name() + "'); name two of its elements, as in [\"" + va.name() + "[a]\", \"" + va.name() + "[b]\"]");
            return null;
        }
        String scalarA = va == null ? input(names.get(0), label, inputs, outline) : null;
        String scalarB = vb == null ? input(names.get(1), label, inputs, outline) : null;
        double rank = values.item(rf.value(), label + ".rank", rf.pos());
        if (!Double.isNaN(rank) && (rank < -1 || rank > 1)) {
            problems.at(rf.pos(), label + ".rank: must be between -1 and 1, got " + Problems.num(rank));
        }
        if (problems.size() > before) {
            return null;
        }
        List<Correlation> out = new ArrayList<>();
        for (List<String> c : Indexing.combinations((va != null ? va : vb).dims())) {
            out.add(new Correlation(va != null ? Indexing.elementName(va.name(), c) : scalarA,
                vb != null ? Indexing.elementName(vb.name(), c) : scalarB, rank));
        }
        return out;
    }

    private static String dimNames(Indexing.Variable v) {
        return v.name() + " by " + String.join(", ", v.dims().stream().map(Index::name).toList());
    }

    private String input(Node n, String label, Map<String, WrittenInput> inputs, Outline outline) {
        String name = Nodes.text(n);
        String why = null;
        if (name == null) {
            why = "must name an input, not " + Nodes.kind(n);
        } else if (outline.constants().containsKey(name) || outline.formulas().containsKey(name)) {
            why = "'" + name + "' is a " + (outline.constants().containsKey(name) ? "constant" : "formula")
                + "; correlations are between inputs";
        } else if (!inputs.containsKey(name)) {
            why = Nodes.unknown("input", name, new ArrayList<>(inputs.keySet()));
        } else if (inputs.get(name).dist() != null && inputs.get(name).dist().family() == Family.CONSTANT) {
            why = "'" + name + "' is a constant input; it cannot be correlated";
        }
        if (why != null) {
            problems.at(Pos.of(n), label + ".between: " + why);
            return null;
        }
        return name;
    }
}
