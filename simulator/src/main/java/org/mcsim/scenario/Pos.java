package org.mcsim.scenario;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A 1-based line and column (in characters, that is Unicode code points) in the scenario file,
 * or in a file it includes.
 *
 * @param line 1-based line
 * @param column 1-based column
 * @param file the included file as displayed, or null for the scenario file itself
 */
record Pos(int line, int column, String file) implements Comparable<Pos> {

    /** The start of the file, where problems without a position are reported. */
    static final Pos START = new Pos(1, 1);

    /**
     * The label prefix of an included file's YAML marks; NUL cannot occur in a path given on
     * the command line, so the scenario file's own label never starts with it.
     */
    static final String INCLUDED = "\u0000";

    /** A position in the scenario file itself. */
    Pos(int line, int column) {
        this(line, column, null);
    }

    /** The position of a 0-based library mark, or the start of the file when absent. */
    static Pos of(Optional<Mark> mark) {
        return mark.map(m -> new Pos(m.getLine() + 1, m.getColumn() + 1,
            m.getName() != null && m.getName().startsWith(INCLUDED) ? m.getName().substring(1) : null)).orElse(START);
    }

    /** Where a node starts. */
    static Pos of(Node node) {
        return of(node.getStartMark());
    }

    /** The position {@code n} characters further on the same line. */
    Pos plus(int n) {
        return new Pos(line, column + n, file);
    }

    /** {@code line 3}, or {@code lib.yaml:3} in an included file. */
    String lineText() {
        return file == null ? "line " + line : file + ":" + line;
    }

    @Override
    public int compareTo(Pos o) {
        if (file == null ? o.file != null : !file.equals(o.file)) {
            // an included file's problems come before the scenario's, in the order of the names
            return file == null ? 1 : o.file == null ? -1 : file.compareTo(o.file);
        }
        return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
    }
}
