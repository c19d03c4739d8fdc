package org.mcsim.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads the files a scenario names under {@code include:}: libraries of shared definitions
 * (indexes, constants, inputs, formulas) written in the scenario format, with paths relative to
 * the scenario file. An included file is read as a scenario is (size, UTF-8, no anchors) and its
 * nodes carry its name ({@link Pos#INCLUDED}), so that every problem in it is reported at
 * {@code LIB:LINE:COLUMN} under the name it has beside the scenario's as given on the command
 * line. An included file cannot itself include; a file included twice is an error. Not
 * thread-safe (one per read).
 */
final class Includes {

    /** The sections an included file may hold. */
    static final List<String> KEYS = List.of("indexes", "constants", "inputs", "formulas");

    /**
     * The sections of every included file, in include order.
     *
     * @param sections section name to the entries of each file's section (one field per file)
     * @param lines each included file's lines, by its displayed name (to place expressions)
     */
    record Read(Map<String, List<Field>> sections, Map<String, String[]> lines) { }

    private Includes() {
    }

    /** Reads every file {@code include:} names; problems go to {@code problems}. */
    static Read read(Field f, Path scenario, DataFiles files, Problems problems) {
        Map<String, List<Field>> sections = new HashMap<>();
        KEYS.forEach(k -> sections.put(k, new ArrayList<>()));
        Map<String, String[]> lines = new HashMap<>();
        if (f == null || Nodes.isNull(f.value())) {
            return new Read(sections, lines);
        }
        List<Node> items = Nodes.items(f.value());
        List<Node> paths = items != null ? items : List.of(f.value());
        Set<String> seen = new HashSet<>();
        for (Node item : paths) {
            String rel = Nodes.text(item);
            if (rel == null || rel.isBlank()) {
                problems.at(Pos.of(item), "include: must be a file name or a list of them, such as [power.yaml], not "
                    + Nodes.kind(item));
                continue;
            }
            String shown = Path.of(problems.file()).resolveSibling(rel).toString();
            Path path = (scenario == null ? Path.of(rel) : scenario.toAbsolutePath().resolveSibling(rel)).normalize();
            if (!seen.add(path.toString())) {
                problems.at(Pos.of(item), "include: " + Nodes.abbreviate(rel) + " is included twice");
                continue;
            }
            Node root = compose(path, shown, item, files, problems, lines);
            if (root == null) {
                continue;
            }
            if (!(root instanceof MappingNode m)) {
                problems.at(Pos.of(root), "an included file is a map with the keys " + String.join(", ", KEYS)
                    + "; found " + Nodes.kind(root));
                continue;
            }
            List<String> allowed = new ArrayList<>(KEYS);
            allowed.add("include");
            for (Field e : Nodes.fields(m, null, allowed, problems).values()) {
                if (e.key().equals("include")) {
                    problems.at(e.pos(), "include: an included file cannot include others; include them all from the"
                        + " scenario");
                } else {
                    sections.get(e.key()).add(e);
                }
            }
        }
        return new Read(sections, lines);
    }

    /** The root node of an included file, or null after reporting why not. */
    private static Node compose(Path path, String shown, Node item, DataFiles files, Problems problems,
                                Map<String, String[]> lines) {
        Problems own = new Problems(shown);
        try {
            byte[] shipped = files.open(path);
            byte[] bytes = shipped != null ? shipped : YamlSource.readBytes(path, shown);
            String text = YamlSource.decode(bytes, own);
            lines.put(shown, text.split("\r\n|\r|\n", -1));
            return YamlSource.compose(text, own, Pos.INCLUDED + shown);
        } catch (ScenarioException e) {
            if (own.isEmpty()) {
                // the file could not be read: said at the include that names it
                e.lines().forEach(l -> problems.at(Pos.of(item), "include: " + l));
            } else {
                problems.addAll(own);
            }
            return null;
        }
    }
}
