package org.mcsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mcsim.expr.ExprError;

/**
 * The index syntax of an expression, taken out of its text so that the one expression parser
 * reads what is left: each subscript {@code x[gpu=h800]} is blanked to spaces (the parser reads
 * the reference {@code x}), and each call of a reduction or cumulative operation
 * ({@code sum}, {@code prod}, {@code mean}, {@code cumsum}, {@code cumprod}) has its name blanked
 * but for a trailing {@code max}, a function the parser knows, so that its arguments are parsed
 * as a call. Every blank keeps the text's length, so the parser's offsets stay those of the text
 * as written; what was blanked is kept here by offset for {@link IndexExpansion}.
 *
 * <p>A subscript is a comma-separated list of items: {@code index=element} picks an element,
 * {@code index-k} and {@code index+k} shift along an ordered index (a lag or a lead), a bare
 * {@code index} takes the current element, and a bare element name picks it from the one index
 * of the variable that has it (the form of the expanded names, {@code capex[h800]}).
 * Stateless; thread-safe.
 *
 * @param text the text with the index syntax blanked
 * @param subscripts the subscripts by the offset of the name they follow
 * @param operations the operations by the offset of their {@code max} placeholder
 * @param errors the subscripts that could not be read
 */
record IndexSyntax(String text, Map<Integer, Subscript> subscripts, Map<Integer, Operation> operations,
                   List<ExprError> errors) {

    /** The operations written as calls. */
    static final List<String> OPERATION_NAMES = List.of("sum", "prod", "mean", "cumsum", "cumprod");

    private static final Pattern PICK = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(\\S*)");
    private static final Pattern SHIFT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*([+-])\\s*([0-9]{1,6})");
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_]+");

    /**
     * One item of a subscript.
     *
     * @param offset where the item starts in the text
     * @param text the item as written, trimmed
     * @param name the index (pick, shift) or the bare name
     * @param element the element picked, or null
     * @param shift the shift of a lag ({@code -1}) or lead; 0 for a bare name or a pick
     */
    record Item(int offset, String text, String name, String element, int shift) { }

    /**
     * A subscript.
     *
     * @param open the offset of its {@code [}
     * @param items its items, in order
     */
    record Subscript(int open, List<Item> items) { }

    /**
     * A call of an operation.
     *
     * @param name {@code sum}, {@code prod}, {@code mean}, {@code cumsum} or {@code cumprod}
     * @param offset where its name starts
     */
    record Operation(String name, int offset) { }

    /** Whether the text has no index syntax at all. */
    boolean plain() {
        return subscripts.isEmpty() && operations.isEmpty() && errors.isEmpty();
    }

    /** Takes the index syntax out of {@code text}. */
    static IndexSyntax of(String text) {
        char[] out = text.toCharArray();
        Map<Integer, Subscript> subscripts = new LinkedHashMap<>();
        Map<Integer, Operation> operations = new LinkedHashMap<>();
        List<ExprError> errors = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isDigit(c) || c == '.') {
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.'
                    || text.charAt(i) == '_')) {
                    i++;
                }
                continue;
            }
            if (!(c == '_' || c < 128 && Character.isLetter(c))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && word(text.charAt(i))) {
                i++;
            }
            String word = text.substring(start, i);
            if (i < n && text.charAt(i) == '[') {
                int close = i + 1; // to the next bracket only, so that a text of many '[' is read in linear time
                while (close < n && text.charAt(close) != ']' && text.charAt(close) != '[') {
                    close++;
                }
                if (close == n || text.charAt(close) == '[') {
                    errors.add(new ExprError(i, "unclosed '[' after " + Nodes.abbreviate(word)
                        + "; a subscript is written x[index=element] or x[index-1]"));
                    break; // what follows cannot be trusted; the parser reports its brackets

                }
                Subscript s = subscript(text, i, close, errors);
                if (s != null) {
                    subscripts.put(start, s);
                }
                java.util.Arrays.fill(out, i, close + 1, ' ');
                i = close + 1;
            } else if (OPERATION_NAMES.contains(word) && nextIsParen(text, i)) {
                java.util.Arrays.fill(out, start, i - 3, ' ');
                out[i - 3] = 'm';
                out[i - 2] = 'a';
                out[i - 1] = 'x';
                operations.put(i - 3, new Operation(word, start));
            }
        }
        return new IndexSyntax(new String(out), subscripts, operations, errors);
    }

    /** Whether {@code c} continues a name (the expression language's names are ASCII). */
    private static boolean word(char c) {
        return c == '_' || c < 128 && Character.isLetterOrDigit(c);
    }

    private static boolean nextIsParen(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '(';
    }

    private static Subscript subscript(String text, int open, int close, List<ExprError> errors) {
        List<Item> items = new ArrayList<>();
        int from = open + 1;
        boolean ok = true;
        while (from <= close) {
            int comma = text.indexOf(',', from);
            int to = comma < 0 || comma > close ? close : comma;
            String raw = text.substring(from, to);
            String item = raw.strip();
            int at = item.isEmpty() ? from : from + raw.indexOf(item);
            Matcher m;
            if ((m = PICK.matcher(item)).matches() && BARE.matcher(m.group(2)).matches()) {
                items.add(new Item(at, item, m.group(1), m.group(2), 0));
            } else if ((m = SHIFT.matcher(item)).matches()) {
                int k = Integer.parseInt(m.group(3));
                items.add(new Item(at, item, m.group(1), null, m.group(2).equals("-") ? -k : k));
            } else if (BARE.matcher(item).matches()) {
                items.add(new Item(at, item, item, null, 0));
            } else {
                errors.add(new ExprError(at, "cannot read the subscript " + (item.isEmpty() ? "item (it is empty)"
                    : "'" + Nodes.abbreviate(item) + "'") + "; write [index=element], [element], [index-1] or"
                    + " [index+1], several separated by commas"));
                ok = false;
            }
            from = to + 1;
        }
        return ok ? new Subscript(open, items) : null;
    }
}
