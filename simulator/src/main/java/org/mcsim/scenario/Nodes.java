package org.mcsim.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mcsim.expr.Suggestions;
import org.mcsim.model.MessageText;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reading the YAML node tree as text: scalars by their text (never by a type the library would
 * infer), maps as closed sets of keys. Stateless; thread-safe.
 */
final class Nodes {

    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");

    private Nodes() {
    }

    /** The text of a scalar, or null when the node is a map or a list. */
    static String text(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : null;
    }

    /** True for a plain null scalar ({@code ~}, {@code null}, or nothing at all). */
    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.isPlain() && NULLS.contains(s.getValue());
    }

    /** The items of a list, or null when the node is not a list. */
    static List<Node> items(Node n) {
        return n instanceof SequenceNode s ? s.getValue() : null;
    }

    /** What the node is, for messages ("a map", "a list", "text"). */
    static String kind(Node n) {
        if (n instanceof MappingNode) {
            return "a map";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        return isNull(n) ? "nothing" : "'" + abbreviate(text(n)) + "'";
    }

    /**
     * The entries of a map as text keys, in file order. Reports a key that is not a scalar, a
     * duplicate key (at its later occurrence, which is dropped) and, when {@code allowed} is not
     * null, a key outside it with the nearest known key as a suggestion.
     *
     * @param node the map node (the caller has checked it is one)
     * @param context message prefix such as {@code settings} (null at the top level)
     * @param allowed the known keys, or null to accept any key
     */
    static Map<String, Field> fields(MappingNode node, String context, Collection<String> allowed,
                                     Problems problems) {
        Map<String, Field> out = new LinkedHashMap<>();
        String prefix = context == null ? "" : context + ": ";
        for (NodeTuple t : node.getValue()) {
            Node k = t.getKeyNode();
            Pos pos = Pos.of(k);
            String key = text(k);
            if (key == null) {
                problems.at(pos, prefix + "a key must be text, not " + kind(k));
            } else if (out.containsKey(key)) {
                problems.at(pos, prefix + "duplicate key '" + abbreviate(key) + "' (first at line "
                    + out.get(key).pos().line() + ")");
            } else if (allowed != null && !allowed.contains(key)) {
                problems.at(pos, prefix + unknown("key", key, allowed));
            } else {
                out.put(key, new Field(key, pos, t.getValueNode()));
            }
        }
        return out;
    }

    /** {@code unknown WHAT 'word'; did you mean 'x'?}, or the known words when none is close. */
    static String unknown(String what, String word, Collection<String> known) {
        if (what.equals("key") && word.matches("[0-9]{3}([.][0-9]+)?")) {
            // {min: 20,000}: YAML reads min: 20 and a key 000
            return "'" + word + "' looks like the rest of a number written with a thousands comma: in a "
                + "{...} map a comma separates entries, so write the number as 20000 or 20_000";
        }
        String near = word.length() > 100 ? null : Suggestions.nearest(word, known);
        String base = "unknown " + what + " '" + abbreviate(word) + "'";
        if (near != null) {
            return base + "; did you mean '" + near + "'?";
        }
        if (!known.isEmpty() && known.size() <= 12) {
            return base + "; expected one of " + String.join(", ", new ArrayList<>(known));
        }
        return base;
    }

    /** Text shortened for messages: {@link MessageText#excerpt(String)}. */
    static String abbreviate(String s) {
        return MessageText.excerpt(s);
    }

    /** {@link MessageText#excerpt(String, int)}. */
    static String abbreviate(String s, int max) {
        return MessageText.excerpt(s, max);
    }
}
