package org.mcsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mcsim.expr.Function;
import org.mcsim.scenario.Indexing.Variable;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads {@code indexes:} and expands the indexed inputs and constants into one written entry
 * per element, each named {@code base[e1,e2]} ({@link Indexing}), before any other check: the
 * expanded entries are ordinary inputs and constants to everything downstream.
 *
 * <p>An indexed input gives its distribution once for every element, with {@code draw:
 * independent} (one draw per element, each from its own stream) or {@code draw: shared} (one
 * draw that every element takes), or per element in an {@code elements:} table whose entries
 * are merged over the parameters written beside it. An indexed constant gives its
 * {@code values:} as a map by element or a list in element order, nested for several indexes.
 * Synthetic entries keep the nodes (and so the positions) of what was written. Not thread-safe
 * (one per read).
 */
final class IndexReader {

    /** Most elements of one index. */
    static final int MAX_ELEMENTS = 10_000;
    /** Most elements of one indexed variable (the product of its indexes' sizes). */
    static final long MAX_EXPANDED = 100_000;
    static final Pattern ELEMENT = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern RANGE = Pattern.compile("\\s*(-?[0-9]{1,15})\\s*\\.\\.\\s*(-?[0-9]{1,15})\\s*");
    /** Names of the reductions and cumulative operations, which no index may take. */
    static final Set<String> OPERATIONS = Set.of("sum", "prod", "mean", "min", "max", "cumsum", "cumprod");
    private static final Set<String> INPUT_KEYS = Set.of("index", "draw", "elements");

    private final Problems problems;
    private final Map<String, Index> indexes = new LinkedHashMap<>();
    private final Map<String, Variable> variables = new LinkedHashMap<>();
    private final Set<String> broken = new LinkedHashSet<>();

    /** Reads the {@code indexes:} entries given (the included files' and the scenario's; null ones are absent). */
    IndexReader(List<Field> fields, Problems problems) {
        this.problems = problems;
        fields.forEach(this::read);
    }

    /** What was read: the indexes and the indexed variables expanded so far. */
    Indexing indexing() {
        return new Indexing(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(indexes)),
            java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables)), Set.copyOf(broken));
    }

    private void read(Field f) {
        if (f == null || Nodes.isNull(f.value())) {
            return;
        }
        if (!(f.value() instanceof MappingNode m)) {
            problems.at(f.pos(), "indexes: must be a map such as {gpu: [a100, h800], year: 2021..2024}, not "
                + Nodes.kind(f.value()));
            return;
        }
        for (Field e : Nodes.fields(m, "indexes", null, problems).values()) {
            Index ix = index(e);
            if (ix != null && indexes.containsKey(ix.name())) {
                problems.at(e.pos(), "indexes: the index '" + ix.name() + "' is already declared at "
                    + indexes.get(ix.name()).pos().lineText());
            } else if (ix != null) {
                indexes.put(ix.name(), ix);
            }
        }
    }

    private Index index(Field e) {
        String label = "indexes: " + Nodes.abbreviate(e.key());
        if (!OutlineReader.VARIABLE_NAME.matcher(e.key()).matches()) {
            problems.at(e.pos(), "indexes: '" + Nodes.abbreviate(e.key())
                + "' is not a valid name; names match [A-Za-z_][A-Za-z0-9_]*");
            return null;
        }
        if (Function.byName(e.key()) != null || OPERATIONS.contains(e.key())) {
            problems.at(e.pos(), "indexes: '" + e.key() + "' is a function name");
            return null;
        }
        String text = Nodes.text(e.value());
        if (text != null) {
            Matcher r = RANGE.matcher(text);
            if (!r.matches()) {
                problems.at(Pos.of(e.value()), label + ": an index is a list of element names such as [a100, h800]"
                    + " or an integer range such as 2021..2024, not " + Nodes.kind(e.value()));
                return null;
            }
            long a = Long.parseLong(r.group(1));
            long b = Long.parseLong(r.group(2));
            if (a > b || b - a >= MAX_ELEMENTS) {
                problems.at(Pos.of(e.value()), label + ": the range " + a + ".." + b + (a > b
                    ? " is empty; write the smaller bound first" : " has more than " + MAX_ELEMENTS + " elements"));
                return null;
            }
            List<String> elements = new ArrayList<>();
            for (long k = a; k <= b; k++) {
                elements.add(Long.toString(k));
            }
            return new Index(e.key(), e.pos(), elements, a, true);
        }
        List<Node> items = Nodes.items(e.value());
        if (items == null || items.isEmpty() || items.size() > MAX_ELEMENTS) {
            problems.at(e.pos(), label + ": " + (items == null
                ? "an index is a list of element names such as [a100, h800] or a range such as 2021..2024"
                : items.isEmpty() ? "an index needs at least one element"
                : "an index has at most " + MAX_ELEMENTS + " elements"));
            return null;
        }
        Set<String> seen = new LinkedHashSet<>();
        boolean ok = true;
        for (Node item : items) {
            String name = Nodes.text(item);
            if (name == null || !ELEMENT.matcher(name).matches()) {
                problems.at(Pos.of(item), label + ": element " + Nodes.kind(item)
                    + " is not a valid element name; element names match [A-Za-z0-9_]+");
                ok = false;
            } else if (!seen.add(name)) {
                problems.at(Pos.of(item), label + ": element '" + name + "' is listed twice");
                ok = false;
            }
        }
        return ok ? new Index(e.key(), e.pos(), new ArrayList<>(seen), 0, false) : null;
    }

    /** Whether a written entry is indexed (a map with an {@code index} key). */
    static boolean indexed(Field f) {
        if (f.value() instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if ("index".equals(Nodes.text(t.getKeyNode()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The indexes an entry's {@code index:} names, or null after reporting. */
    private List<Index> dims(String label, Field f) {
        List<Node> items = Nodes.items(f.value());
        List<Node> names = items != null ? items : List.of(f.value());
        List<Index> out = new ArrayList<>();
        boolean ok = !names.isEmpty();
        for (Node n : names) {
            String name = Nodes.text(n);
            Index ix = name == null ? null : indexes.get(name);
            if (ix == null) {
                problems.at(Pos.of(n), label + ".index: " + (name == null
                    ? "must name a declared index, not " + Nodes.kind(n)
                    : indexes.isEmpty() ? "'" + Nodes.abbreviate(name) + "' is not declared; declare it under "
                        + "indexes: (as in indexes: {" + Nodes.abbreviate(name) + ": [a, b]})"
                    : Nodes.unknown("index", name, indexes.keySet())));
                ok = false;
            } else if (out.contains(ix)) {
                problems.at(Pos.of(n), label + ".index: '" + name + "' is listed twice");
                ok = false;
            } else {
                out.add(ix);
            }
        }
        if (names.isEmpty()) {
            problems.at(f.pos(), label + ".index: must name at least one declared index");
        }
        if (ok && Indexing.count(out) > MAX_EXPANDED) {
            problems.at(f.pos(), label + ".index: " + Indexing.count(out) + " elements is too many; an indexed"
                + " variable has at most " + MAX_EXPANDED);
            ok = false;
        }
        return ok ? out : null;
    }

    /**
     * The entries of an indexed input, one per element (or one for a shared draw), each a map of
     * the input's own keys for the distribution reader; empty after reporting.
     */
    List<Field> input(Field f) {
        String name = f.key();
        MappingNode m = (MappingNode) f.value();
        Map<String, Field> fields = Nodes.fields(m, name, null, problems);
        List<Index> dims = dims(name, fields.get("index"));
        Field draw = fields.get("draw");
        Field elements = fields.get("elements");
        String how = draw == null ? null : Nodes.text(draw.value());
        if (dims == null) {
            broken.add(name);
        } else {
            variables.put(name, new Variable(name, f.pos(), dims, "shared".equals(how)));
        }
        if (draw != null && !"independent".equals(how) && !"shared".equals(how)) {
            problems.at(draw.pos(), name + ".draw: " + (how == null ? "must be independent or shared, not "
                + Nodes.kind(draw.value()) : Nodes.unknown("draw", how, List.of("independent", "shared"))));
            return List.of();
        }
        if (elements == null && draw == null) {
            problems.at(f.pos(), name + ": an indexed input with one distribution says how its elements are drawn:"
                + " draw: independent (a draw per element) or draw: shared (one draw for every element)");
            return List.of();
        }
        if (elements != null && "shared".equals(how)) {
            problems.at(draw.pos(), name + ".draw: shared gives every element the same draw, so it cannot have an"
                + " elements: table");
            return List.of();
        }
        if (dims == null) {
            return List.of();
        }
        List<NodeTuple> common = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            if (!INPUT_KEYS.contains(Nodes.text(t.getKeyNode()))) {
                common.add(t);
            }
        }
        if ("shared".equals(how)) {
            return List.of(new Field(name, f.pos(), merged(m, common, List.of())));
        }
        List<Field> out = new ArrayList<>();
        if (elements == null) {
            for (List<String> c : Indexing.combinations(dims)) {
                out.add(new Field(Indexing.elementName(name, c), f.pos(), merged(m, common, List.of())));
            }
            return out;
        }
        table(name + ".elements", elements, dims, 0, new ArrayList<>(), (c, leaf) -> {
            if (!(leaf.value() instanceof MappingNode lm)) {
                problems.at(leaf.pos(), name + Indexing.elementName("", c) + ": an element's entry is a map of"
                    + " parameters such as {low: 1, high: 2}, not " + Nodes.kind(leaf.value()));
                return;
            }
            out.add(new Field(Indexing.elementName(name, c), leaf.pos(), merged(lm, common, lm.getValue())));
        });
        return out;
    }

    /** The written keys {@code common} with {@code own}'s entries replacing those of the same key. */
    private static MappingNode merged(Node at, List<NodeTuple> common, List<NodeTuple> own) {
        Set<String> mine = new LinkedHashSet<>();
        own.forEach(t -> mine.add(Nodes.text(t.getKeyNode())));
        List<NodeTuple> tuples = new ArrayList<>();
        for (NodeTuple t : common) {
            if (!mine.contains(Nodes.text(t.getKeyNode()))) {
                tuples.add(t);
            }
        }
        tuples.addAll(own);
        return new MappingNode(Tag.MAP, true, tuples, FlowStyle.AUTO, at.getStartMark(), at.getEndMark());
    }

    /** A leaf of an element table: the elements chosen and the entry written for them. */
    private interface Leaf {
        void accept(List<String> elements, Field entry);
    }

    /**
     * Walks a table nested by {@code dims} (a map by element, or for constants also a list in
     * element order), reporting unknown and missing elements, calling {@code leaf} for each entry.
     */
    private void table(String label, Field f, List<Index> dims, int d, List<String> chosen, Leaf leaf) {
        Index ix = dims.get(d);
        Map<String, Field> byElement = new LinkedHashMap<>();
        List<Node> items = Nodes.items(f.value());
        if (f.value() instanceof MappingNode m) {
            for (Field e : Nodes.fields(m, label, null, problems).values()) {
                if (ix.position(e.key()) < 0) {
                    problems.at(e.pos(), label + ": " + unknownElement(e.key(), ix));
                } else {
                    byElement.put(e.key(), e);
                }
            }
        } else if (items != null && items.size() == ix.size()) {
            for (int k = 0; k < items.size(); k++) {
                String e = ix.elements().get(k);
                byElement.put(e, new Field(e, Pos.of(items.get(k)), items.get(k)));
            }
        } else {
            problems.at(f.pos(), label + ": must be a map by element of index " + ix.name() + (items == null
                ? ", not " + Nodes.kind(f.value()) : " or a list of its " + ix.size() + " elements in order, not a"
                + " list of " + items.size()));
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String e : ix.elements()) {
            Field entry = byElement.get(e);
            if (entry == null) {
                missing.add(e);
                continue;
            }
            List<String> c = new ArrayList<>(chosen);
            c.add(e);
            if (d + 1 < dims.size()) {
                table(label + "." + e, entry, dims, d + 1, c, leaf);
            } else {
                leaf.accept(List.copyOf(c), entry);
            }
        }
        if (!missing.isEmpty()) {
            problems.at(f.pos(), label + ": missing element" + (missing.size() == 1 ? " " : "s ")
                + Nodes.abbreviate(String.join(", ", missing)) + " of index " + ix.name());
        }
    }

    /** {@code unknown element 'h900' of index gpu; did you mean 'h800'?} */
    static String unknownElement(String word, Index ix) {
        String near = word.length() > 100 ? null : org.mcsim.expr.Suggestions.nearest(word, ix.elements());
        return "unknown element '" + Nodes.abbreviate(word) + "' of index " + ix.name()
            + (near != null ? "; did you mean '" + near + "'?"
            : ix.size() <= 12 ? "; its elements are " + String.join(", ", ix.elements()) : "");
    }

    /** The entries of an indexed constant, one per element; empty after reporting. */
    List<Field> constant(Field f) {
        String name = f.key();
        Map<String, Field> fields = Nodes.fields((MappingNode) f.value(), name, List.of("index", "values"), problems);
        List<Index> dims = dims(name, fields.get("index"));
        Field values = fields.get("values");
        if (dims == null) {
            broken.add(name);
        } else {
            variables.put(name, new Variable(name, f.pos(), dims, false));
        }
        if (values == null) {
            problems.at(f.pos(), name + ": missing key 'values' (a map by element, or a list in element order)");
            return List.of();
        }
        if (dims == null) {
            return List.of();
        }
        List<Field> out = new ArrayList<>();
        table(name + ".values", values, dims, 0, new ArrayList<>(),
            (c, leaf) -> out.add(new Field(Indexing.elementName(name, c), leaf.pos(), leaf.value())));
        return out;
    }
}
