package org.mcsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mcsim.model.Claim;
import org.mcsim.model.Correlation;
import org.mcsim.model.Dist;
import org.mcsim.model.Formula;
import org.mcsim.model.Input;
import org.mcsim.model.Scenario;
import org.mcsim.model.Settings;
import org.mcsim.model.Variant;
import org.mcsim.scenario.Outline.WrittenInput;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * One check of a written document with resolved overrides: every rule of scenario-format.md
 * that depends on values, and the conversion to the model. Problems are reported to the given
 * {@link Problems}; nothing is thrown. Not thread-safe (one per check).
 */
final class ModelBuilder {

    private final Outline outline;
    private final String[] sourceLines;
    private final EmpiricalColumns columns;
    private final Problems problems;

    ModelBuilder(Outline outline, String[] sourceLines, EmpiricalColumns columns, Problems problems) {
        this.outline = outline;
        this.sourceLines = sourceLines;
        this.columns = columns;
        this.problems = problems;
    }

    /**
     * Checks the document with the overrides (resolved paths) applied.
     *
     * @param variants the variants to record in the model
     * @return the scenario, or null when a problem was reported
     */
    Scenario check(Map<String, Double> overrides, List<Variant> variants) {
        int before = problems.size();
        Values values = new Values(overrides, problems);
        Map<String, Double> constants = new LinkedHashMap<>();
        for (Field c : outline.constants().values()) {
            double v = values.number(c.key(), c);
            constants.put(c.key(), v);
        }
        Settings settings = new SettingsReader(values).read(outline.settings());
        DistBuilder dists = new DistBuilder(values, columns);
        List<Input> inputs = new ArrayList<>();
        for (WrittenInput w : outline.inputs().values()) {
            Dist d = dists.build(w.dist());
            if (d != null) {
                inputs.add(new Input(w.name(), d, w.unit(), w.description(), w.source()));
            }
        }
        Set<String> known = new LinkedHashSet<>(outline.constants().keySet());
        known.addAll(outline.inputs().keySet());
        known.addAll(outline.formulas().keySet());
        known.addAll(outline.indexing().variables().keySet());
        known.addAll(outline.indexing().broken());
        Expressions exprs = new Expressions(problems, sourceLines, known, outline.indexing(),
            outline.includedLines());
        List<String> order = new ArrayList<>();
        List<Formula> formulas = exprs.formulas(outline.formulas(), order);
        List<Claim> claims = exprs.claims(outline.claims());
        List<String> outputs = outputs(outline.outputs(), formulas, exprs);
        List<Correlation> correlations = new CorrelationCheck(values).read(outline.correlations(),
            outline.inputs(), outline);
        boolean complete = outline.name() != null && settings != null && formulas != null && claims != null
            && correlations != null && inputs.size() == outline.inputs().size();
        if (problems.size() > before || !complete) {
            return null; // an incomplete part was reported here or by OutlineReader
        }
        return new Scenario(outline.name(), outline.description(), outline.sources(), settings, constants,
            inputs, formulas, outputs, claims, correlations, variants, order);
    }

    /**
     * {@code outputs:}, or its default: every formula, else every input. An indexed name stands
     * for each of its elements, in order; one element may be named as {@code capex[h800]}.
     */
    private List<String> outputs(Field f, List<Formula> formulas, Expressions exprs) {
        if (f == null) {
            if (outline.formulas().isEmpty()) {
                return new ArrayList<>(outline.inputs().keySet());
            }
            return formulas == null ? new ArrayList<>(outline.formulas().keySet())
                : new ArrayList<>(formulas.stream().map(Formula::name).toList());
        }
        Set<String> elements = new java.util.HashSet<>(outline.inputs().keySet());
        if (formulas != null) {
            formulas.forEach(x -> elements.add(x.name()));
        }
        List<Node> items = Nodes.items(f.value());
        List<String> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        if (items == null || items.isEmpty()) {
            problems.at(f.pos(), "outputs: must be a non-empty list of inputs or formulas"
                + (items == null ? ", not " + Nodes.kind(f.value()) : ""));
            return out;
        }
        for (Node item : items) {
            String name = Nodes.text(item);
            String why = null;
            if (name == null) {
                why = "must name an input or formula, not " + Nodes.kind(item);
            } else if (seen.contains(name)) {
                why = "'" + name + "' is listed twice";
            } else if (outline.constants().containsKey(name) || indexedConstant(name)) {
                why = "'" + name + "' is a constant; outputs are inputs or formulas";
            } else if (!outline.inputs().containsKey(name) && (outline.formulas().containsKey(name)
                || outline.indexing().variables().containsKey(name))) {
                List<String> each = new ArrayList<>();
                Indexing.combinations(exprs.dims(name)).forEach(c -> each.add(Indexing.elementName(name, c)));
                if (each.stream().allMatch(elements::contains)) {
                    out.addAll(each);
                }
                seen.add(name);
                continue;
            } else if (elements.contains(name)) {
                out.add(name);
                seen.add(name);
                continue;
            } else if (!outline.inputs().containsKey(name) && !outline.formulas().containsKey(name)) {
                List<String> known = new ArrayList<>(outline.inputs().keySet());
                known.addAll(outline.formulas().keySet());
                known.addAll(outline.indexing().variables().keySet());
        known.addAll(outline.indexing().broken());
                String near = org.mcsim.expr.Suggestions.nearest(name, known);
                why = "unknown input or formula '" + Nodes.abbreviate(name) + "'"
                    + (near == null ? "" : "; did you mean '" + near + "'?");
            }
            if (why != null) {
                problems.at(Pos.of(item), "outputs: " + why);
            } else {
                out.add(name);
            }
            if (name != null) {
                seen.add(name);
            }
        }
        return out;
    }

    /** Whether {@code name} is an indexed constant (its elements are among the constants). */
    private boolean indexedConstant(String name) {
        Indexing.Variable v = outline.indexing().variables().get(name);
        return v != null && outline.constants().containsKey(
            Indexing.elementName(name, Indexing.combinations(v.dims()).get(0)));
    }
}
