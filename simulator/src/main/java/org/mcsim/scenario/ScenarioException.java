package org.mcsim.scenario;

import java.util.List;
import java.util.Locale;

/**
 * A scenario that cannot be read or is invalid: every problem found, one complete line each,
 * formatted {@code FILE:LINE:COLUMN: message} (or {@code FILE: cannot read: reason},
 * {@code --set KEY: message}), in position order. Line breaks inside a line (a quoted multi-line
 * value) are shown as escapes, so that each problem is exactly one line.
 *
 * <p>Immutable and therefore thread-safe.
 */
public final class ScenarioException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> lines;

    ScenarioException(List<String> lines) {
        super(String.join("\n", lines.stream().map(ScenarioException::oneLine).toList()));
        this.lines = lines.stream().map(ScenarioException::oneLine).toList();
    }

    /**
     * The line with its line breaks written as escapes ({@code \n}, {@code \r}, {@code \u2028}
     * ...): a message may quote a multi-line scalar, and each problem must stay one line.
     */
    private static String oneLine(String line) {
        StringBuilder sb = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            String escape = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\u000B', '\u000C', '\u0085', '\u2028', '\u2029' -> String.format(Locale.ROOT, "\\u%04X", (int) c);
                default -> null;
            };
            if (escape != null && sb == null) {
                sb = new StringBuilder(line.length() + 8).append(line, 0, i);
            }
            if (sb != null) {
                sb.append(escape == null ? String.valueOf(c) : escape);
            }
        }
        return sb == null ? line : sb.toString();
    }

    /** The message lines, each complete, sorted by position. */
    public List<String> lines() {
        return lines;
    }
}
