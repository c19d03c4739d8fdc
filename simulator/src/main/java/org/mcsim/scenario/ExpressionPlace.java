package org.mcsim.scenario;

import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Maps a character offset inside an expression's text to its position in the scenario file.
 * For a single-line plain or quoted scalar without escapes the column is the scalar's start
 * (plus one for the opening quote) plus the offset in characters; for a literal block scalar
 * ({@code |}) the line and column are found by walking the text, with the block's indentation
 * read from the file; for anything else (folded or multi-line plain scalars, escapes) the
 * scalar's start is used. Immutable.
 */
final class ExpressionPlace {

    private final ScalarNode node;
    private final String[] sourceLines;

    /**
     * @param node the scalar holding the expression
     * @param sourceLines the scenario file's lines (for block scalars)
     */
    ExpressionPlace(ScalarNode node, String[] sourceLines) {
        this.node = node;
        this.sourceLines = sourceLines;
    }

    /** The position of UTF-16 offset {@code offset} into the scalar's value. */
    Pos at(int offset) {
        String v = node.getValue();
        Pos start = Pos.of(node);
        Pos end = Pos.of(node.getEndMark());
        int off = Math.min(Math.max(offset, 0), v.length());
        int chars = v.codePointCount(0, off);
        int width = v.codePointCount(0, v.length());
        boolean oneLine = start.line() == end.line() && v.indexOf('\n') < 0;
        ScalarStyle style = node.getScalarStyle();
        if (style == ScalarStyle.PLAIN && oneLine && end.column() - start.column() == width) {
            return start.plus(chars);
        }
        if ((style == ScalarStyle.SINGLE_QUOTED || style == ScalarStyle.DOUBLE_QUOTED) && oneLine
            && end.column() - start.column() == width + 2) {
            return start.plus(1 + chars);
        }
        if (style == ScalarStyle.LITERAL) {
            return literal(start, v, off);
        }
        return start;
    }

    private Pos literal(Pos start, String v, int off) {
        int lineInBlock = 0;
        int lineStart = 0;
        for (int i = 0; i < off; i++) {
            if (v.charAt(i) == '\n') {
                lineInBlock++;
                lineStart = i + 1;
            }
        }
        int indent = -1;
        for (int l = start.line(); l < sourceLines.length && indent < 0; l++) {
            String s = sourceLines[l];
            if (!s.isBlank()) {
                indent = s.length() - s.stripLeading().length();
            }
        }
        int line = start.line() + 1 + lineInBlock;
        if (indent < 0 || line > sourceLines.length) {
            return start;
        }
        return new Pos(line, indent + 1 + v.codePointCount(lineStart, off), start.file());
    }
}
