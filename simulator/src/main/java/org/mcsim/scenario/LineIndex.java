package org.mcsim.scenario;

import java.util.Arrays;

/**
 * Line starts of a text, to turn character offsets into 1-based line and column (in code
 * points) in O(log lines), and to find where a field of a CSV record starts. Immutable.
 */
final class LineIndex {

    private final String text;
    private final int[] starts;

    LineIndex(String text) {
        this.text = text;
        int[] s = new int[16];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                if (n == s.length) {
                    s = Arrays.copyOf(s, n * 2);
                }
                s[n++] = i + 1;
            }
        }
        starts = Arrays.copyOf(s, n);
    }

    /** The position of a character offset. */
    Pos pos(int offset) {
        int i = Arrays.binarySearch(starts, offset);
        int line = i >= 0 ? i : -i - 2;
        return new Pos(line + 1, 1 + Character.codePointCount(text, starts[line], offset));
    }

    /**
     * The offset where field {@code index} of the CSV record starting at {@code start} begins
     * (RFC 4180: a comma outside double quotes ends a field; a record ends at a line break
     * outside quotes, where the search stops).
     */
    int fieldOffset(int start, int index) {
        boolean quoted = false;
        int field = 0;
        int i = start;
        for (; i < text.length() && field < index; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                field++;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            }
        }
        return i;
    }
}
