package org.mcsim.scenario;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A 1-based line and column (in characters, that is Unicode code points) in the scenario file.
 *
 * @param line 1-based line
 * @param column 1-based column
 */
record Pos(int line, int column) implements Comparable<Pos> {

    /** The start of the file, where problems without a position are reported. */
    static final Pos START = new Pos(1, 1);

    /** The position of a 0-based library mark, or the start of the file when absent. */
    static Pos of(Optional<Mark> mark) {
        return mark.map(m -> new Pos(m.getLine() + 1, m.getColumn() + 1)).orElse(START);
    }

    /** Where a node starts. */
    static Pos of(Node node) {
        return of(node.getStartMark());
    }

    /** The position {@code n} characters further on the same line. */
    Pos plus(int n) {
        return new Pos(line, column + n);
    }

    @Override
    public int compareTo(Pos o) {
        return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
    }
}
