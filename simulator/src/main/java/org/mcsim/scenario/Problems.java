package org.mcsim.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every problem of one scenario check and formats them as complete lines in position
 * order. Lines without a position in the file ({@code --set KEY: message}) come first, in the
 * order they were added. Not thread-safe: one instance per check.
 */
final class Problems {

    /** One problem: where it sorts, the full line, and its message for re-prefixing. */
    record Problem(Pos sortPos, int seq, String line, String message) { }

    /** A message about one element of an indexed input: {@code x[a].sd: ...}. */
    private static final java.util.regex.Pattern ELEMENT = java.util.regex.Pattern.compile(
        "([A-Za-z_][A-Za-z0-9_]*)\\[[A-Za-z0-9_,]*\\](.*)", java.util.regex.Pattern.DOTALL);

    private final String file;
    private final List<Problem> list = new ArrayList<>();
    /** Element messages already reported, with the element left out, by position. */
    private final java.util.Set<String> elementMessages = new java.util.HashSet<>();

    Problems(String file) {
        this.file = file;
    }

    /** The file name as given, which prefixes every positioned line. */
    String file() {
        return file;
    }

    /**
     * A problem at a position of the scenario file. The same problem of another element at the
     * same place ({@code x[b].sd} after {@code x[a].sd}, where one written parameter serves every
     * element of an indexed input) is reported once.
     */
    void at(Pos pos, String message) {
        java.util.regex.Matcher m = ELEMENT.matcher(message);
        if (m.matches() && !elementMessages.add(pos + " " + m.group(1) + m.group(2))) {
            return;
        }
        list.add(new Problem(pos, list.size(), (pos.file() == null ? file : pos.file()) + ":" + pos.line() + ":"
            + pos.column() + ": " + message, message));
    }

    /** A problem in another file (an empirical CSV), sorted at the scenario position citing it. */
    void inFile(String otherFile, Pos otherPos, Pos sortPos, String message) {
        list.add(new Problem(sortPos, list.size(), otherFile + ":" + otherPos.line() + ":"
            + otherPos.column() + ": " + message, message));
    }

    /** Every problem of {@code other} (an included file's), as it is written there. */
    void addAll(Problems other) {
        for (Problem p : other.list) {
            list.add(new Problem(p.sortPos(), list.size(), p.line(), p.message()));
        }
    }

    /** A problem with no position in the file, written as the line given. */
    void line(String line) {
        list.add(new Problem(null, list.size(), line, line));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    /** Number of problems so far (lets a caller see whether a step added one). */
    int size() {
        return list.size();
    }

    List<Problem> all() {
        return List.copyOf(list);
    }

    /** The lines, sorted: unpositioned first, then by position, ties in insertion order. */
    List<String> lines() {
        return list.stream()
            .sorted(Comparator.comparing(Problem::sortPos,
                    Comparator.nullsFirst(Comparator.<Pos>naturalOrder()))
                .thenComparingInt(Problem::seq))
            .map(Problem::line)
            .distinct()
            .toList();
    }

    /** Throws all problems at once, if there is any. */
    void throwIfAny() throws ScenarioException {
        if (!list.isEmpty()) {
            throw new ScenarioException(lines());
        }
    }

    /**
     * A number as it is shown in messages: plain decimal without a trailing {@code .0} for
     * ordinary magnitudes ({@code -1}, {@code 0.25}, {@code 2788000}), else Java's notation.
     */
    static String num(double v) {
        double a = Math.abs(v);
        if (Double.isFinite(v) && (a == 0 || (a >= 1e-6 && a < 1e15))) {
            return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
        return Double.toString(v);
    }
}
