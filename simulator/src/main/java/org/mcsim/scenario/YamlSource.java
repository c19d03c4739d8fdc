package org.mcsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a scenario file into a YAML node tree with positions, refusing hostile input before the
 * tree is built: files above {@value #MAX_BYTES} bytes, bytes that are not UTF-8, more than one
 * document, nesting deeper than {@value #MAX_DEPTH}, explicit tags other than the standard
 * {@code !!} ones, and every anchor and alias (a scenario has no use for them, and refusing them
 * outright rules out alias bombs; each is reported at its position).
 *
 * <p>The events are scanned once with the library's low-level parser (iterative, so deep
 * nesting cannot overflow the stack), then the tree is composed. Stateless; thread-safe.
 */
final class YamlSource {

    /** Largest accepted file: 8 MiB. */
    static final int MAX_BYTES = 8 << 20;
    /** Deepest accepted nesting of maps and lists. */
    static final int MAX_DEPTH = 50;

    private static final String STANDARD_TAG = "tag:yaml.org,2002:";

    private YamlSource() {
    }

    /** The bytes of a file, or {@code FILE: cannot read: reason}. */
    static byte[] readBytes(Path file, String displayName) throws ScenarioException {
        if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
            // A FIFO or a terminal would block: only files are read.
            throw new ScenarioException(List.of(displayName + ": cannot read: not a regular file"));
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ScenarioException(List.of(displayName
                    + ":1:1: the file is larger than 8 MiB; a scenario must be smaller"));
            }
            return bytes;
        } catch (IOException e) {
            throw new ScenarioException(List.of(displayName + ": cannot read: " + reason(e, file)));
        }
    }

    /** A short reason for an I/O failure, without Java class names. */
    static String reason(IOException e, Path file) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (Files.isDirectory(file)) {
            return "is a directory";
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }

    /** Decodes strict UTF-8 (a byte-order mark is dropped); reports the first bad byte's place. */
    static String decode(byte[] bytes, Problems problems) throws ScenarioException {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = dec.decode(in, out, true);
        if (!r.isError()) {
            r = dec.flush(out);
        }
        out.flip();
        String text = out.toString();
        if (r.isError()) {
            int bad = bytes[in.position()] & 0xff;
            problems.at(new LineIndex(text).pos(text.length()), String.format(Locale.ROOT, "not valid UTF-8 (byte 0x%02x); a scenario is UTF-8 text", bad));
            problems.throwIfAny();
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static final java.util.regex.Pattern BANG_VALUE = java.util.regex.Pattern.compile("(^|:\\s|^\\s*-\\s)\\s*!");

    /**
     * A hint for a YAML error on a line whose value starts with {@code !}: YAML reads
     * {@code !(b > 0)} as a tag, and its error says nothing of formulas.
     */
    private static String bangHint(String text, Pos pos) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        if (pos.line() < 1 || pos.line() > lines.length) {
            return "";
        }
        return BANG_VALUE.matcher(lines[pos.line() - 1]).find()
            ? "; a formula or claim that starts with '!' must be quoted, as in \"!(b > 0)\"" : "";
    }

    /** Composes the single document of the text, after refusing hostile constructs. */
    static Node compose(String text, Problems problems) throws ScenarioException {
        return compose(text, problems, problems.file());
    }

    /**
     * As {@link #compose(String, Problems)}, with the marks of the nodes labelled {@code label}
     * ({@link Pos#INCLUDED} and the name of an included file).
     */
    static Node compose(String text, Problems problems, String label) throws ScenarioException {
        LoadSettings settings = LoadSettings.builder()
            .setLabel(label)
            .setAllowDuplicateKeys(true)      // reported by OutlineReader at the later key
            .setMaxAliasesForCollections(0)
            .setAllowRecursiveKeys(false)
            .setCodePointLimit(MAX_BYTES + 1)
            .build();
        checkCharacters(text, problems);
        problems.throwIfAny();
        try {
            scan(new Parse(settings).parseReader(new WholeCharactersReader(text)), problems);
            problems.throwIfAny();
            Optional<Node> root = new Compose(settings).composeReader(new WholeCharactersReader(text));
            if (root.isEmpty()) {
                problems.at(Pos.START, "the file is empty; a scenario needs at least name and inputs");
                problems.throwIfAny();
            }
            return root.orElseThrow();
        } catch (MarkedYamlEngineException e) {
            Pos pos = Pos.of(e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark());
            String context = e.getContext() == null ? "" : " (" + oneLine(e.getContext()) + ")";
            problems.at(pos, "invalid YAML: " + oneLine(String.valueOf(e.getProblem())) + context
                + bangHint(text, pos));
        } catch (YamlEngineException e) {
            problems.at(Pos.START, "invalid YAML: " + oneLine(String.valueOf(e.getMessage())));
        }
        problems.throwIfAny();
        throw new IllegalStateException("unreachable");
    }

    /**
     * Reports the first character that YAML 1.2 does not allow in a stream (c-printable:
     * tab, line breaks, U+0020..U+007E, U+0085, U+00A0..U+D7FF, U+E000..U+FFFD, above U+FFFF) at
     * its own position; the library would report it at the start of its buffer.
     */
    private static void checkCharacters(String text, Problems problems) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0x7E) || c == 0x85
                || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
            if (!ok) {
                problems.at(new LineIndex(text).pos(i), String.format(Locale.ROOT, 
                    "character U+%04X is not allowed in a YAML file", c));
                return;
            }
            i += Character.charCount(c);
        }
    }

    /** Reports anchors, aliases, foreign tags, extra documents and excessive depth. */
    private static void scan(Iterable<Event> events, Problems problems) {
        int depth = 0;
        int documents = 0;
        for (Event ev : events) {
            Pos pos = Pos.of(ev.getStartMark());
            switch (ev.getEventId()) {
                case DocumentStart -> {
                    if (++documents == 2) {
                        problems.at(pos, "a scenario is one YAML document; found a second one");
                    }
                }
                case Alias -> problems.at(pos, "YAML aliases (*name) are not supported; write the value out");
                case SequenceEnd, MappingEnd -> depth--;
                default -> { }
            }
            if (ev instanceof NodeEvent node && ev.getEventId() != Event.ID.Alias && node.getAnchor().isPresent()) {
                problems.at(pos, "YAML anchors (&name) are not supported; write the value out");
            }
            checkTag(ev, pos, problems);
            if (ev instanceof ScalarEvent scalar) {
                checkControls(scalar.getValue(), pos, problems);
            }
            if (ev instanceof CollectionStartEvent && ++depth > MAX_DEPTH) {
                problems.at(pos, "nested deeper than " + MAX_DEPTH + " levels");
                return;
            }
        }
    }

    /**
     * Refuses a scalar whose value, after YAML's escapes ({@code "\\e"}, {@code "\\0"},
     * {@code "\\u2028"}) are read, holds a control character other than tab and line feed, a
     * line or paragraph separator, or a bidirectional override: names, formulas, claims, units and
     * sources end up in terminals, CSV files and the report, where such characters would move the
     * cursor, recolour the text or reorder what is shown.
     */
    private static void checkControls(String value, Pos pos, Problems problems) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && c != '\n' && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069')) {
                problems.at(pos, String.format(java.util.Locale.ROOT, "character U+%04X (written as an escape) is "
                    + "not allowed in a value; mcsim prints values to terminals, CSV files and reports", (int) c));
                return;
            }
        }
    }

    private static void checkTag(Event ev, Pos pos, Problems problems) {
        Optional<String> tag = ev instanceof ScalarEvent s ? s.getTag()
            : ev instanceof CollectionStartEvent c ? c.getTag() : Optional.empty();
        if (tag.isPresent() && !tag.get().startsWith(STANDARD_TAG)) {
            problems.at(pos, "YAML tag '" + tag.get() + "' is not supported"
                + " (quote a formula that starts with '!')");
        }
    }

    /**
     * Reads a string in chunks that never end between the two halves of a surrogate pair.
     * SnakeYAML Engine 2.10's stream reader, on a chunk ending in a high surrogate, reads one
     * more character past the end of its buffer and fails with an IndexOutOfBoundsException
     * (found by fuzzing: a character above U+FFFF, such as an emoji, at char offset 1024).
     */
    private static final class WholeCharactersReader extends Reader {
        private final String text;
        private int next;

        WholeCharactersReader(String text) {
            this.text = text;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (next >= text.length()) {
                return -1;
            }
            int n = Math.min(length, text.length() - next);
            if (n > 1 && Character.isHighSurrogate(text.charAt(next + n - 1))) {
                n--;
            }
            text.getChars(next, next + n, buffer, offset);
            next += n;
            return n;
        }

        @Override
        public void close() {
            // nothing to release
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
