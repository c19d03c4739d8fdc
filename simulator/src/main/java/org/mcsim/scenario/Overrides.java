package org.mcsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.mcsim.expr.Suggestions;
import org.mcsim.scenario.Outline.WrittenDist;
import org.mcsim.scenario.Outline.WrittenInput;

/**
 * Resolves {@code --set} keys (cli.md) against the written document: {@code NAME} for a
 * constant, {@code NAME.PARAM} for a parameter of the input's written parameterization (its
 * optional ones included, such as {@code ci}), {@code NAME.truncate.lo|hi}, and
 * {@code NAME.components.I.PARAM} (I 0-based; {@code weight} and {@code truncate.lo|hi} too)
 * for a mixture. The resolved path is the key with the component index in canonical form.
 * Stateless; thread-safe.
 */
final class Overrides {

    private Overrides() {
    }

    /**
     * Resolves every key; a key that names nothing settable is reported as (key, message) and
     * left out.
     */
    static Map<String, Double> resolve(Map<String, Double> given, Outline o, BiConsumer<String, String> report) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : given.entrySet()) {
            String[] why = new String[1];
            String path = path(e.getKey(), o, why);
            if (path == null) {
                report.accept(e.getKey(), why[0]);
            } else {
                out.put(path, e.getValue());
            }
        }
        return out;
    }

    /** The canonical path of a key, or null with the reason in {@code why[0]}. */
    static String path(String key, Outline o, String[] why) {
        String[] parts = key.split("\\.", -1);
        String name = parts[0];
        if (o.constants().containsKey(name)) {
            if (parts.length == 1) {
                return name;
            }
            why[0] = name + " is a constant; --set " + name + "=VALUE changes it";
            return null;
        }
        if (o.formulas().containsKey(name)) {
            why[0] = name + " is a formula; --set changes inputs and constants";
            return null;
        }
        WrittenInput in = o.inputs().get(name);
        Indexing.Variable indexed = o.indexing().variables().get(name);
        if (in == null && indexed != null) {
            String first = Indexing.elementName(name, Indexing.combinations(indexed.dims()).get(0));
            String rest = key.substring(name.length());
            why[0] = name + " is indexed by " + String.join(", ", indexed.dims().stream().map(Index::name).toList())
                + "; set one element at a time, as in " + Nodes.abbreviate(first + rest);
            return null;
        }
        if (in == null) {
            List<String> known = new ArrayList<>(o.inputs().keySet());
            known.addAll(o.constants().keySet());
            String near = name.length() > 100 ? null : Suggestions.nearest(name, known);
            why[0] = "unknown input or constant '" + Nodes.abbreviate(name) + "'"
                + (near == null ? "" : "; did you mean '" + near + "'?");
            return null;
        }
        if (in.dist() == null) {
            why[0] = name + " is not a valid input (see the errors of the file)";
            return null;
        }
        return dist(in.dist(), parts, 1, why);
    }

    private static String dist(WrittenDist d, String[] parts, int i, String[] why) {
        String label = d.label();
        Family f = d.family();
        if (parts.length > i && parts[i].equals("truncate")) {
            if (parts.length != i + 2 || !(parts[i + 1].equals("lo") || parts[i + 1].equals("hi"))) {
                why[0] = "truncation bounds are " + label + ".truncate.lo and " + label + ".truncate.hi";
                return null;
            }
            if (!f.continuous() && f != Family.MIXTURE) {
                why[0] = label + " is " + f.label() + ", which cannot be truncated";
                return null;
            }
            return label + ".truncate." + parts[i + 1];
        }
        if (f == Family.MIXTURE) {
            return component(d, parts, i, why);
        }
        if (!f.numeric()) {
            why[0] = label + " is " + f.label() + "; --set cannot change its " + (f == Family.DISCRETE
                ? "values or weights" : "data");
            return null;
        }
        List<String> names = d.alt() < 0 ? List.of() : f.parameterizations().get(d.alt()).names();
        if (parts.length != i + 1 || !names.contains(parts[i])) {
            why[0] = names.isEmpty()
                ? label + " has no complete set of parameters written (" + f.usage() + "); --set changes "
                    + "parameters the file writes"
                : label + " is written with " + String.join(", ", names) + "; --set can change those";
            return null;
        }
        return label + "." + parts[i];
    }

    private static String component(WrittenDist d, String[] parts, int i, String[] why) {
        int n = d.components().size();
        if (parts.length < i + 3 || !parts[i].equals("components") || !parts[i + 1].matches("0|[1-9][0-9]{0,8}")) {
            why[0] = d.label() + " is a mixture; --set takes " + d.label() + ".components.I.PARAM (I from 0 to "
                + (n - 1) + ")";
            return null;
        }
        int k = Integer.parseInt(parts[i + 1]);
        if (k >= n) {
            why[0] = d.label() + " has " + n + " components, numbered from 0 to " + (n - 1);
            return null;
        }
        Outline.WrittenComponent c = d.components().get(k);
        if (parts.length == i + 3 && parts[i + 2].equals("weight")) {
            return d.label() + ".components." + k + ".weight";
        }
        if (c.dist() == null) {
            why[0] = d.label() + ".components." + k + " is not a valid component (see the errors of the file)";
            return null;
        }
        return dist(c.dist(), parts, i + 2, why);
    }
}
