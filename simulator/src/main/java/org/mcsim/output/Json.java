package org.mcsim.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small JSON document builder for {@code run.json}: objects keep their keys in insertion order,
 * arrays their elements in order, and {@link #toJson()} prints the tree with a two-space indent
 * (RFC 8259 syntax). Reals are printed by {@link Numbers#format(double)} (so NaN and infinities
 * are refused), integers plainly; strings are escaped as RFC 8259 §7 requires, and unpaired
 * surrogates are written as {@code \\uXXXX} escapes so the output is always valid UTF-8.
 *
 * <pre>{@code
 * String text = Json.object().put("name", "fleet").put("seed", 42L)
 *     .put("warnings", Json.array().add("ceiling reached")).toJson();
 * }</pre>
 *
 * <p>Why not jackson-jr, which the report uses to read run.json back: its writer would change the
 * bytes of run.json. Its pretty printer puts {@code " : "} between key and value, keeps arrays on
 * one line and prints an empty object as {@code "{ }"} (all three can be configured away); on JDK
 * 17 and 18 it prints reals with the JDK's {@code Double.toString}, which is not always the
 * shortest (a value writer calling {@link Numbers#format} would fix that); and it escapes control
 * characters with upper-case hex and writes an unpaired surrogate as it is, which the UTF-8
 * writer then cannot encode, where this class writes {@code \ud800} (jackson-core's
 * character escapes see one char at a time, so they cannot tell a paired surrogate from an
 * unpaired one).
 *
 * <p>Not thread-safe while being built.
 */
public final class Json {
    private final boolean isObject;
    private final List<String> keys = new ArrayList<>();
    /** Each value already rendered as a token (string, number, literal), or a nested Json. */
    private final List<Object> values = new ArrayList<>();

    private Json(boolean isObject) {
        this.isObject = isObject;
    }

    /** @return a new empty object */
    public static Json object() {
        return new Json(true);
    }

    /** @return a new empty array */
    public static Json array() {
        return new Json(false);
    }

    /**
     * An array of strings.
     *
     * @param items the strings, in order
     * @return a new array
     */
    public static Json strings(List<String> items) {
        Json a = array();
        for (String s : items) {
            a.add(s);
        }
        return a;
    }

    /** An object of numbers, in the map's iteration order. */
    public static Json numbers(java.util.Map<String, Double> values) {
        Json o = object();
        values.forEach(o::put);
        return o;
    }

    /** Adds a string member; null gives JSON null. */
    public Json put(String key, String value) {
        return member(key, value == null ? "null" : quote(value));
    }

    /** Adds a real member, printed by {@link Numbers#format(double)}; NaN or infinite is refused. */
    public Json put(String key, double value) {
        return member(key, Numbers.format(value));
    }

    /** Adds an integer member, printed plainly. */
    public Json put(String key, long value) {
        return member(key, Long.toString(value));
    }

    /** Adds a boolean member. */
    public Json put(String key, boolean value) {
        return member(key, Boolean.toString(value));
    }

    /** Adds a nested object or array member; null gives JSON null. */
    public Json put(String key, Json value) {
        return member(key, value == null ? "null" : value);
    }

    /** Adds a JSON null member. */
    public Json putNull(String key) {
        return member(key, "null");
    }

    /** Appends a string element; null gives JSON null. */
    public Json add(String value) {
        return element(value == null ? "null" : quote(value));
    }

    /** Appends a real element; NaN or infinite is refused. */
    public Json add(double value) {
        return element(Numbers.format(value));
    }

    /** Appends an integer element. */
    public Json add(long value) {
        return element(Long.toString(value));
    }

    /** Appends a boolean element. */
    public Json add(boolean value) {
        return element(Boolean.toString(value));
    }

    /** Appends a nested object or array; null gives JSON null. */
    public Json add(Json value) {
        return element(value == null ? "null" : value);
    }

    private Json member(String key, Object token) {
        if (!isObject) {
            throw new IllegalStateException("put on an array; use add");
        }
        if (keys.contains(key)) {
            throw new IllegalArgumentException("duplicate key: " + key);
        }
        keys.add(key);
        values.add(token);
        return this;
    }

    private Json element(Object token) {
        if (isObject) {
            throw new IllegalStateException("add on an object; use put");
        }
        values.add(token);
        return this;
    }

    /** @return the document, pretty-printed with a two-space indent, without a final newline */
    public String toJson() {
        StringBuilder sb = new StringBuilder();
        write(sb, 0);
        return sb.toString();
    }

    @Override
    public String toString() {
        return toJson();
    }

    private void write(StringBuilder sb, int depth) {
        sb.append(isObject ? '{' : '[');
        if (values.isEmpty()) {
            sb.append(isObject ? '}' : ']');
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "\n" : ",\n");
            indent(sb, depth + 1);
            if (isObject) {
                sb.append(quote(keys.get(i))).append(": ");
            }
            Object v = values.get(i);
            if (v instanceof Json) {
                ((Json) v).write(sb, depth + 1);
            } else {
                sb.append((String) v);
            }
        }
        sb.append('\n');
        indent(sb, depth);
        sb.append(isObject ? '}' : ']');
    }

    private static void indent(StringBuilder sb, int depth) {
        for (int i = 0; i < depth; i++) {
            sb.append("  ");
        }
    }

    /**
     * A JSON string literal for {@code s}.
     *
     * @param s the text
     * @return the quoted, escaped literal
     */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !pairedAt(s, i)) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Whether the surrogate at i is half of a valid pair. */
    private static boolean pairedAt(String s, int i) {
        final char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
