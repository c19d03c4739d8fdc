package org.mcsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mcsim.scenario.Outline.WrittenComponent;
import org.mcsim.scenario.Outline.WrittenDist;
import org.mcsim.scenario.Outline.WrittenInput;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads the structure of inputs and of their distributions: the family, closed keys (the keys of
 * the family's parameterizations, {@code truncate}, and {@code unit}, {@code description},
 * {@code source} for inputs or {@code weight} for mixture components), which parameterization
 * is written (mixing two is an error at the later key) and the components of a mixture.
 * Not thread-safe (one per read).
 */
final class DistReader {

    private static final List<String> INPUT_KEYS = List.of("unit", "description", "source");
    private static final List<String> COMPONENT_KEYS = List.of("weight");

    private final Problems problems;

    DistReader(Problems problems) {
        this.problems = problems;
    }

    /** An input entry of {@code inputs:}. */
    WrittenInput input(Field f) {
        String name = f.key();
        if (!(f.value() instanceof MappingNode m)) {
            problems.at(f.pos(), name + ": an input is a map such as {dist: normal, mean: 0, sd: 1},"
                + " not " + Nodes.kind(f.value()));
            return new WrittenInput(name, f.pos(), null, null, null, null);
        }
        Map<String, Field> fields = Nodes.fields(m, name, null, problems);
        WrittenDist dist = dist(name, f.pos(), fields, INPUT_KEYS);
        return new WrittenInput(name, f.pos(), dist, text(fields.get("unit"), name),
            text(fields.get("description"), name), text(fields.get("source"), name));
    }

    private String text(Field f, String label) {
        if (f == null) {
            return null;
        }
        String t = Nodes.text(f.value());
        if (t == null) {
            problems.at(f.pos(), label + "." + f.key() + ": must be text, not " + Nodes.kind(f.value()));
        }
        return t;
    }

    /** A distribution written in the entries {@code fields}, or null after reporting why not. */
    private WrittenDist dist(String label, Pos pos, Map<String, Field> fields, List<String> extra) {
        Field df = fields.get("dist");
        if (df == null) {
            problems.at(pos, label + ": missing key 'dist' (one of " + String.join(", ", Family.labels()) + ")");
            return null;
        }
        String t = Nodes.text(df.value());
        Family family = t == null ? null : Family.byLabel(t);
        if (family == null) {
            problems.at(df.pos(), label + ".dist: " + (t == null
                ? "must be a distribution name, not " + Nodes.kind(df.value())
                : Nodes.unknown("distribution", t, Family.labels())));
            return null;
        }
        Set<String> allowed = new LinkedHashSet<>(List.of("dist"));
        allowed.addAll(family.parameterNames());
        allowed.add("truncate");
        allowed.addAll(extra);
        Map<String, Field> params = new LinkedHashMap<>();
        List<WrittenComponent> components = new ArrayList<>();
        for (Field p : fields.values()) {
            if (!allowed.contains(p.key()) && isParameterOfAnotherFamily(p.key())) {
                // min for a lognormal, mean for a beta: nearest spelling would mislead (mu, min)
                problems.at(p.pos(), label + ": " + family.label() + " has no parameter '" + p.key() + "'; "
                    + family.usage() + (family.continuous() && (p.key().equals("min") || p.key().equals("max"))
                    ? " (to bound it, add truncate: [lo, hi])" : ""));
            } else if (!allowed.contains(p.key())) {
                problems.at(p.pos(), label + ": " + Nodes.unknown("key", p.key(), allowed));
            } else if (p.key().equals("components")) {
                components = components(label, p);
                params.put(p.key(), p);
            } else if (family.parameterNames().contains(p.key())) {
                params.put(p.key(), p);
            }
        }
        int alt = parameterization(label, pos, family, params);
        return new WrittenDist(label, pos, family, alt, params, components, fields.get("truncate"));
    }

    /** Whether {@code key} is a parameter of some distribution family. */
    private static boolean isParameterOfAnotherFamily(String key) {
        for (Family f : Family.values()) {
            if (f.parameterNames().contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** The index of the parameterization written; mixing two is an error at the later key. */
    private int parameterization(String label, Pos pos, Family family, Map<String, Field> params) {
        int alt = -1;
        String first = null;
        boolean mixed = false;
        for (Field p : params.values()) {
            int a = family.parameterizationOf(p.key());
            if (alt < 0) {
                alt = a;
                first = p.key();
            } else if (a != alt) {
                String why = p.key().equals("ci") ? "allowed only with low and high"
                    : first.equals("ci") ? "cannot be mixed with ci (ci is allowed only with low and high)"
                    : "cannot be mixed with " + first + "; " + family.usage();
                problems.at(p.pos(), label + "." + p.key() + ": " + why);
                mixed = true;
            }
        }
        if (mixed) {
            return -1; // reported; building it would only add noise
        }
        if (alt < 0 && family.parameterizations().size() == 1) {
            alt = 0;
        } else if (alt < 0) {
            problems.at(pos, label + ": missing parameters; " + family.usage());
        }
        return alt;
    }

    private List<WrittenComponent> components(String label, Field f) {
        List<Node> items = Nodes.items(f.value());
        List<WrittenComponent> out = new ArrayList<>();
        if (items == null || items.isEmpty()) {
            problems.at(f.pos(), label + ".components: must be a non-empty list of components such as"
                + " {weight: 1, dist: normal, mean: 0, sd: 1}" + (items == null ? ", not "
                + Nodes.kind(f.value()) : ""));
            return out;
        }
        for (int i = 0; i < items.size(); i++) {
            String l = label + ".components." + i;
            Node item = items.get(i);
            if (!(item instanceof MappingNode m)) {
                problems.at(Pos.of(item), l + ": a component is a map such as {weight: 1, dist: normal,"
                    + " mean: 0, sd: 1}, not " + Nodes.kind(item));
                out.add(new WrittenComponent(null, null));
                continue;
            }
            Map<String, Field> fields = Nodes.fields(m, l, null, problems);
            if (!fields.containsKey("weight")) {
                problems.at(Pos.of(item), l + ": missing key 'weight'");
            }
            WrittenDist d = dist(l, Pos.of(item), fields, COMPONENT_KEYS);
            if (d != null && d.family() == Family.MIXTURE) {
                problems.at(fields.get("dist").pos(), l + ".dist: a mixture component cannot itself be a mixture");
                d = null;
            }
            out.add(new WrittenComponent(fields.get("weight"), d));
        }
        return out;
    }
}
