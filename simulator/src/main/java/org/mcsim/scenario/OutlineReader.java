package org.mcsim.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.mcsim.expr.Function;
import org.mcsim.scenario.Outline.WrittenInput;
import org.mcsim.scenario.Outline.WrittenVariant;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads the node tree into an {@link Outline}: closed maps, the kinds of values, names and the
 * shared namespace of constants, inputs and formulas. Numbers stay text here. Every problem is
 * reported to the {@link Problems} given; what cannot be read is left out, but names are kept so
 * that later checks do not report them again as unknown. Not thread-safe (one per read).
 */
final class OutlineReader {

    static final List<String> TOP_KEYS = List.of("name", "description", "sources", "settings",
        "constants", "inputs", "formulas", "outputs", "claims", "correlations", "variants");
    /** Top-level keys beyond the contract's list (which an unknown key's message still lists). */
    static final List<String> EXTENSION_KEYS = List.of("indexes", "include");
    static final List<String> SETTINGS_KEYS = List.of("samples", "seed", "method", "confidence",
        "quantiles", "histogram_bins");
    static final Pattern SCENARIO_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    /** Longest scenario name: it names a folder, beside a hidden temporary one with a longer name. */
    static final int MAX_NAME = 100;
    static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final Pattern CLAIM_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private final Problems problems;

    private OutlineReader(Problems problems) {
        this.problems = problems;
    }

    /** Reads the outline of a composed document, reporting what is wrong with its structure. */
    static Outline read(Node root, Problems problems) {
        return read(root, problems, null, DataFiles.disk());
    }

    /**
     * Reads the outline of a composed document and of the files it includes (paths relative to
     * {@code file}; the working directory when null).
     */
    static Outline read(Node root, Problems problems, java.nio.file.Path file, DataFiles files) {
        return new OutlineReader(problems).outline(root, file, files);
    }

    private Outline outline(Node root, java.nio.file.Path file, DataFiles files) {
        if (!(root instanceof MappingNode map)) {
            problems.at(Pos.of(root), "a scenario is a map with the keys name, inputs, ...; found "
                + Nodes.kind(root));
            return new Outline(null, "", List.of(), Map.of(), Map.of(), Map.of(), Map.of(), null,
                Map.of(), null, Map.of(), Indexing.NONE, Map.of());
        }
        Map<String, Field> top = topFields(map);
        Includes.Read included = Includes.read(top.get("include"), file, files, problems);
        List<Field> indexFields = new ArrayList<>(included.sections().get("indexes"));
        indexFields.add(top.get("indexes"));
        IndexReader indexes = new IndexReader(indexFields, problems);
        List<Field> allConstants = entries(included, "constants", top);
        List<Field> allFormulas = entries(included, "formulas", top);
        List<Field> allInputs = entries(included, "inputs", top);
        checkNamespace(allConstants, allInputs, allFormulas, indexes.indexing());
        Map<String, Field> written = firsts(allConstants);
        Map<String, Field> formulas = firsts(allFormulas);
        Map<String, Field> writtenInputs = firsts(allInputs);
        Map<String, Field> constants = new LinkedHashMap<>();
        for (Field c : written.values()) {
            for (Field e : IndexReader.indexed(c) ? indexes.constant(c) : List.of(c)) {
                constants.put(e.key(), e);
            }
        }
        Map<String, WrittenInput> inputs = inputs(top.get("inputs"), writtenInputs, indexes);
        formulas.values().forEach(f -> expressionText(f, "formula " + f.key()));
        Map<String, Field> claims = map(top.get("claims"), "claims");
        for (Field c : claims.values()) {
            checkName(c, CLAIM_NAME, "claims", "[A-Za-z0-9_][A-Za-z0-9_.-]*");
            expressionText(c, "claim " + c.key());
        }
        return new Outline(name(top.get("name")), text(top.get("description"), "description", ""),
            sources(top.get("sources")), map(top.get("settings"), "settings", SETTINGS_KEYS),
            constants, inputs, formulas, top.get("outputs"), claims, top.get("correlations"),
            variants(top.get("variants")), indexes.indexing(), included.lines());
    }

    /** The top-level entries; an unknown key suggests the nearest, extensions included. */
    private Map<String, Field> topFields(MappingNode map) {
        Map<String, Field> top = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(TOP_KEYS);
        all.addAll(EXTENSION_KEYS);
        for (Field f : Nodes.fields(map, null, null, problems).values()) {
            if (all.contains(f.key())) {
                top.put(f.key(), f);
            } else {
                String near = f.key().length() > 100 ? null : org.mcsim.expr.Suggestions.nearest(f.key(), all);
                problems.at(f.pos(), near != null ? "unknown key '" + Nodes.abbreviate(f.key()) + "'; did you mean '"
                    + near + "'?" : Nodes.unknown("key", f.key(), TOP_KEYS));
            }
        }
        return top;
    }

    /** The entries of a section: the included files' first, in include order, then the scenario's. */
    private List<Field> entries(Includes.Read included, String section, Map<String, Field> top) {
        List<Field> out = new ArrayList<>();
        for (Field f : included.sections().get(section)) {
            out.addAll(map(f, section).values());
        }
        out.addAll(map(top.get(section), section).values());
        return out;
    }

    /** The entries by name, the first of a name kept (a later one is reported by checkNamespace). */
    private static Map<String, Field> firsts(List<Field> entries) {
        Map<String, Field> out = new LinkedHashMap<>();
        entries.forEach(e -> out.putIfAbsent(e.key(), e));
        return out;
    }

    private String name(Field f) {
        if (f == null) {
            problems.at(Pos.START, "missing key 'name' (the scenario's name, such as fleet-tco)");
            return null;
        }
        if (Nodes.isNull(f.value())) {
            problems.at(f.pos(), "name: has no value (write the scenario's name, such as fleet-tco)");
            return null;
        }
        String text = text(f, "name", null);
        if (text == null) {
            return null;
        }
        if (text.length() > MAX_NAME) {
            problems.at(f.pos(), "name: " + text.length() + " characters is too long; a scenario name names a "
                + "folder and has at most " + MAX_NAME + " characters");
            return null;
        }
        if (!SCENARIO_NAME.matcher(text).matches()) {
            problems.at(f.pos(), "name: '" + Nodes.abbreviate(text) + "' is not a valid scenario"
                + " name; it must match [a-z0-9][a-z0-9_-]*");
            return null;
        }
        if (text.equals("compare")) {
            problems.at(f.pos(), "name: 'compare' is reserved (the compare command writes OUT/compare)");
            return null;
        }
        return text;
    }

    /** Optional text: a scalar's text, {@code absent} when missing or null. */
    String text(Field f, String label, String absent) {
        if (f == null || Nodes.isNull(f.value())) {
            return absent;
        }
        String text = Nodes.text(f.value());
        if (text == null) {
            problems.at(f.pos(), label + ": must be text, not " + Nodes.kind(f.value()));
            return absent;
        }
        return text;
    }

    private List<String> sources(Field f) {
        List<String> out = new ArrayList<>();
        if (f == null || Nodes.isNull(f.value())) {
            return out;
        }
        List<Node> items = Nodes.items(f.value());
        if (items == null) {
            problems.at(f.pos(), "sources: must be a list of citations, not " + Nodes.kind(f.value()));
            return out;
        }
        for (int i = 0; i < items.size(); i++) {
            String t = Nodes.text(items.get(i));
            if (t == null) {
                problems.at(Pos.of(items.get(i)), "sources[" + i + "]: must be text, not "
                    + Nodes.kind(items.get(i)));
            } else {
                out.add(t);
            }
        }
        return out;
    }

    /** An optional map whose keys are names (checked by the caller). */
    private Map<String, Field> map(Field f, String context) {
        return map(f, context, null);
    }

    private Map<String, Field> map(Field f, String context, List<String> allowed) {
        if (f == null || Nodes.isNull(f.value())) {
            return new LinkedHashMap<>();
        }
        if (!(f.value() instanceof MappingNode m)) {
            problems.at(f.pos(), context + ": must be a map, not " + Nodes.kind(f.value()));
            return new LinkedHashMap<>();
        }
        return Nodes.fields(m, context, allowed, problems);
    }

    private Map<String, WrittenInput> inputs(Field f, Map<String, Field> fields, IndexReader indexes) {
        if (f == null && fields.isEmpty()) {
            problems.at(Pos.START, "missing key 'inputs' (at least one input is required)");
        } else if (f != null && fields.isEmpty() && (Nodes.isNull(f.value())
            || f.value() instanceof MappingNode m && m.getValue().isEmpty())) {
            problems.at(f.pos(), "inputs: at least one input is required");
        }
        DistReader reader = new DistReader(problems);
        Map<String, WrittenInput> out = new LinkedHashMap<>();
        for (Field i : fields.values()) {
            for (Field e : IndexReader.indexed(i) ? indexes.input(i) : List.of(i)) {
                out.put(e.key(), reader.input(e));
            }
        }
        return out;
    }

    /** A formula or claim must be a single scalar (the YAML note of the spec). */
    private void expressionText(Field f, String label) {
        if (!(f.value() instanceof ScalarNode) || Nodes.isNull(f.value())) {
            problems.at(f.pos(), label + ": must be an expression, not " + Nodes.kind(f.value())
                + " (quote an expression that starts with !, *, &, [ or {, or contains ' #')");
        }
    }

    /**
     * Names are unique across indexes, constants, inputs and formulas; the later occurrence is
     * wrong.
     */
    private void checkNamespace(List<Field> constants, List<Field> inputs, List<Field> formulas,
                                Indexing indexing) {
        record Named(String name, Pos pos, String kind) { }
        List<Named> all = new ArrayList<>();
        indexing.indexes().values().forEach(i -> all.add(new Named(i.name(), i.pos(), "index")));
        constants.forEach(c -> all.add(new Named(c.key(), c.pos(), "constant")));
        inputs.forEach(i -> all.add(new Named(i.key(), i.pos(), "input")));
        formulas.forEach(c -> all.add(new Named(c.key(), c.pos(), "formula")));
        all.sort(Comparator.comparing(Named::pos));
        Map<String, Named> seen = new LinkedHashMap<>();
        for (Named n : all) {
            String section = n.kind().equals("index") ? "indexes" : n.kind() + "s";
            if (n.kind().equals("index")) {
                // its name was checked when it was read
            } else if (!VARIABLE_NAME.matcher(n.name()).matches()) {
                problems.at(n.pos(), section + ": '" + Nodes.abbreviate(n.name())
                    + "' is not a valid name; names match [A-Za-z_][A-Za-z0-9_]*");
            } else if (Function.byName(n.name()) != null) {
                problems.at(n.pos(), section + ": '" + n.name() + "' is a function name");
            }
            Named first = seen.putIfAbsent(n.name(), n);
            if (first != null) {
                problems.at(n.pos(), section + ": the name '" + Nodes.abbreviate(n.name())
                    + "' is already used by the " + first.kind() + " at " + first.pos().lineText());
            }
        }
    }

    private void checkName(Field f, Pattern pattern, String section, String rule) {
        if (!pattern.matcher(f.key()).matches()) {
            problems.at(f.pos(), section + ": '" + Nodes.abbreviate(f.key())
                + "' is not a valid name; names match " + rule);
        }
    }

    private Map<String, WrittenVariant> variants(Field f) {
        Map<String, WrittenVariant> out = new LinkedHashMap<>();
        for (Field v : map(f, "variants").values()) {
            checkName(v, SCENARIO_NAME, "variants", "[a-z0-9][a-z0-9_-]*");
            Map<String, Field> overrides = map(v, "variant " + v.key());
            out.put(v.key(), new WrittenVariant(v.key(), v.pos(), overrides));
        }
        return out;
    }
}
