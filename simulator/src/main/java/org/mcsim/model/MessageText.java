package org.mcsim.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How messages quote what a user's file holds, the same for scenarios, their data files and the
 * run folders the report reads: a quoted excerpt is cut short (a hostile file may hold a 1 MB
 * key) and cannot steer the terminal, and a CSV parser's failure is told by its line number alone
 * (Commons CSV's messages name its classes and may quote the file). Stateless.
 */
public final class MessageText {
    /** How much of a text {@link #excerpt(String)} keeps. */
    public static final int EXCERPT = 60;

    private static final Pattern CSV_LINE = Pattern.compile("(?i)line:? ?([0-9]+)");

    private MessageText() {
    }

    /** {@link #excerpt(String, int)} of {@value #EXCERPT} characters. */
    public static String excerpt(String s) {
        return excerpt(s, EXCERPT);
    }

    /**
     * About {@code max} characters of {@code s} for a message (escapes count as what they print),
     * then {@code ...}; control characters, line and paragraph separators and bidirectional
     * overrides are shown escaped ({@code \n}, {@code \u001B}), so that quoted text cannot steer
     * the user's terminal.
     */
    public static String excerpt(String s, int max) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), max) + 8);
        for (int i = 0; i < s.length(); i++) {
            if (b.length() >= max) {
                return b + "...";
            }
            char c = s.charAt(i);
            if (c == '\n') {
                b.append("\\n");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c >= '\u202A' && c <= '\u202E'
                || c >= '\u2066' && c <= '\u2069') {
                b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * The line number a CSV parser's failure names ({@code "... line 12 ..."}), or null when it
     * names none.
     */
    public static String csvLine(Throwable failure) {
        Matcher m = CSV_LINE.matcher(String.valueOf(failure.getMessage()));
        return m.find() ? m.group(1) : null;
    }
}
