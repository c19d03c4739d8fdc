package org.mcsim.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.Instantiatable;
import com.fasterxml.jackson.jr.ob.JSON;
import com.fasterxml.jackson.jr.ob.JacksonJrExtension;
import com.fasterxml.jackson.jr.ob.api.ExtensionContext;
import com.fasterxml.jackson.jr.ob.api.ReaderWriterModifier;
import com.fasterxml.jackson.jr.ob.api.ValueWriter;
import com.fasterxml.jackson.jr.ob.impl.JSONWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A JSON document builder for {@code run.json} and the provenance records, written by jackson-jr
 * (which the report uses to read run.json back): objects keep their keys in insertion order,
 * arrays their elements in order, and {@link #toJson()} prints the tree with a two-space indent,
 * {@code "key": value}, one element per line and {@code {}} / {@code []} for empty containers
 * ({@link Layout}). Two of jackson-jr's writers are replaced so that the bytes are mcsim's:
 * reals are printed by {@link Numbers#format(double)} (so NaN and infinities are refused, and
 * JDK 17 prints the shortest decimal as JDK 19 does), and strings by {@link #quote}, which
 * escapes as RFC 8259 §7 requires and writes an unpaired surrogate as a {@code \\uXXXX} escape
 * so that the output is always valid UTF-8 (jackson-core's escapes see one char at a time and
 * cannot tell a paired surrogate from an unpaired one). Integers and booleans are jackson-jr's.
 *
 * <pre>{@code
 * String text = Json.object().put("name", "fleet").put("seed", 42L)
 *     .put("warnings", Json.array().add("ceiling reached")).toJson();
 * }</pre>
 *
 * <p>Not thread-safe while being built.
 */
public final class Json {
    private static final JSON WRITER = JSON.builder()
        .register(new MinimalValues())
        .prettyPrinter(new Layout())
        .enable(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES)
        .build();

    /** The members of an object, or null for an array. */
    private final Map<String, Object> members;
    /** The elements of an array, or null for an object. */
    private final List<Object> elements;

    private Json(boolean isObject) {
        this.members = isObject ? new LinkedHashMap<>() : null;
        this.elements = isObject ? null : new ArrayList<>();
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
    public static Json numbers(Map<String, Double> values) {
        Json o = object();
        values.forEach(o::put);
        return o;
    }

    /** Adds a string member; null gives JSON null. */
    public Json put(String key, String value) {
        return member(key, value);
    }

    /** Adds a real member, printed by {@link Numbers#format(double)}; NaN or infinite is refused. */
    public Json put(String key, double value) {
        return member(key, real(value));
    }

    /** Adds an integer member, printed plainly. */
    public Json put(String key, long value) {
        return member(key, value);
    }

    /** Adds a boolean member. */
    public Json put(String key, boolean value) {
        return member(key, value);
    }

    /** Adds a nested object or array member; null gives JSON null. */
    public Json put(String key, Json value) {
        return member(key, value == null ? null : value.tree());
    }

    /** Adds a JSON null member. */
    public Json putNull(String key) {
        return member(key, null);
    }

    /** Appends a string element; null gives JSON null. */
    public Json add(String value) {
        return element(value);
    }

    /** Appends a real element; NaN or infinite is refused. */
    public Json add(double value) {
        return element(real(value));
    }

    /** Appends an integer element. */
    public Json add(long value) {
        return element(value);
    }

    /** Appends a boolean element. */
    public Json add(boolean value) {
        return element(value);
    }

    /** Appends a nested object or array; null gives JSON null. */
    public Json add(Json value) {
        return element(value == null ? null : value.tree());
    }

    private static Double real(double value) {
        Numbers.format(value); // refuses NaN and infinities now, where the caller can be named
        return value;
    }

    private Object tree() {
        return members != null ? members : elements;
    }

    private Json member(String key, Object value) {
        if (members == null) {
            throw new IllegalStateException("put on an array; use add");
        }
        if (members.containsKey(key)) {
            throw new IllegalArgumentException("duplicate key: " + key);
        }
        members.put(key, value);
        return this;
    }

    private Json element(Object value) {
        if (elements == null) {
            throw new IllegalStateException("add on an object; use put");
        }
        elements.add(value);
        return this;
    }

    /** @return the document, pretty-printed with a two-space indent, without a final newline */
    public String toJson() {
        try {
            return WRITER.asString(tree());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String target does no I/O
        }
    }

    @Override
    public String toString() {
        return toJson();
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

    /** Reals through {@link Numbers#format(double)}, strings through {@link #quote}. */
    private static final class MinimalValues extends JacksonJrExtension {
        @Override
        protected void register(ExtensionContext context) {
            context.insertModifier(new ReaderWriterModifier() {
                @Override
                public ValueWriter overrideStandardValueWriter(JSONWriter writer, Class<?> type, int stdTypeId) {
                    if (type == Double.class) {
                        return new Writer(Double.class, (g, v) -> g.writeNumber(Numbers.format((Double) v)));
                    }
                    if (type == String.class) {
                        return new Writer(String.class, (g, v) -> g.writeRawValue(quote((String) v)));
                    }
                    return null;
                }
            });
        }
    }

    /** How one value is written. */
    private interface Write {
        void write(JsonGenerator g, Object value) throws IOException;
    }

    private record Writer(Class<?> valueType, Write write) implements ValueWriter {
        @Override
        public void writeValue(JSONWriter context, JsonGenerator g, Object value) throws IOException {
            write.write(g, value);
        }
    }

    /**
     * The layout of mcsim's JSON files: a two-space indent, {@code "key": value}, every member and
     * element on its own line, and {@code {}} / {@code []} for empty containers. jackson-jr takes
     * a fresh instance for each document ({@link Instantiatable}), so documents may be written
     * from several threads at once.
     */
    private static final class Layout implements PrettyPrinter, Instantiatable<Layout> {
        private int depth;

        @Override
        public Layout createInstance() {
            return new Layout();
        }

        private void newLine(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
            for (int i = 0; i < depth; i++) {
                g.writeRaw("  ");
            }
        }

        private void open(JsonGenerator g, char bracket) throws IOException {
            g.writeRaw(bracket);
            depth++;
        }

        private void close(JsonGenerator g, int count, char bracket) throws IOException {
            depth--;
            if (count > 0) {
                newLine(g);
            }
            g.writeRaw(bracket);
        }

        private void separate(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newLine(g);
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) {
            // one document per call
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            open(g, '{');
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            newLine(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            separate(g);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            close(g, entries, '}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            open(g, '[');
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            newLine(g);
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            separate(g);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            close(g, values, ']');
        }
    }
}
