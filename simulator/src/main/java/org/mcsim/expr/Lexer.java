package org.mcsim.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits an expression into tokens. Every lexical error of the text is collected (each
 * unexpected character, each malformed number), not only the first. Stateless, thread-safe.
 */
final class Lexer {

    /** Token kinds. */
    enum Kind {
        NUMBER, NAME, PLUS, MINUS, STAR, SLASH, CARET, BANG, LT, LE, GT, GE, EQ, NE, AND, OR,
        LPAREN, RPAREN, COMMA, END
    }

    /**
     * A token.
     *
     * @param kind its kind
     * @param text its text as written (empty for END)
     * @param offset 0-based char offset of its first character
     * @param value the value of a NUMBER, else 0
     */
    record Token(Kind kind, String text, int offset, double value) { }

    /**
     * Tokens ending with END, or the errors found.
     *
     * @param tokens the tokens, ending with an END token at the text's length
     * @param errors lexical errors in position order
     */
    record Result(List<Token> tokens, List<ExprError> errors) { }

    private static final Map<String, Kind> TWO_CHAR = Map.of(
        "<=", Kind.LE, ">=", Kind.GE, "==", Kind.EQ, "!=", Kind.NE, "&&", Kind.AND, "||", Kind.OR);

    private static final Map<Character, Kind> ONE_CHAR = Map.ofEntries(
        Map.entry('+', Kind.PLUS), Map.entry('-', Kind.MINUS), Map.entry('*', Kind.STAR),
        Map.entry('/', Kind.SLASH), Map.entry('^', Kind.CARET), Map.entry('!', Kind.BANG),
        Map.entry('<', Kind.LT), Map.entry('>', Kind.GT), Map.entry('(', Kind.LPAREN),
        Map.entry(')', Kind.RPAREN), Map.entry(',', Kind.COMMA));

    /** Hints for characters people type for an operator of the language. */
    private static final Map<Integer, String> HINTS = Map.ofEntries(
        Map.entry((int) '=', "did you mean '=='?"), Map.entry((int) '&', "did you mean '&&'?"),
        Map.entry((int) '|', "did you mean '||'?"), Map.entry(0xD7, "use '*' to multiply"),
        Map.entry(0xF7, "use '/' to divide"), Map.entry(0x2212, "use '-'"),
        Map.entry(0x2013, "use '-'"), Map.entry(0x2264, "use '<='"), Map.entry(0x2265, "use '>='"),
        Map.entry(0x2260, "use '!='"), Map.entry((int) '[', "use '(' and ')' to group"),
        Map.entry((int) '{', "use '(' and ')' to group"), Map.entry((int) '%', "there is no '%' operator"));

    private Lexer() {
    }

    /** Tokenizes the whole text. */
    static Result lex(String text) {
        List<Token> tokens = new ArrayList<>();
        List<ExprError> errors = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (NumberLiteral.isDigit(c) || (c == '.' && i + 1 < text.length()
                && NumberLiteral.isDigit(text.charAt(i + 1)))) {
                NumberLiteral.Scan scan = NumberLiteral.scan(text, i);
                if (scan.error() != null) {
                    errors.add(new ExprError(i, scan.error()));
                } else {
                    tokens.add(new Token(Kind.NUMBER, text.substring(i, scan.end()), i, scan.value()));
                }
                i = scan.end();
            } else if (NumberLiteral.isNameStart(c)) {
                int end = i + 1;
                while (end < text.length() && NumberLiteral.isNameChar(text.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Kind.NAME, text.substring(i, end), i, 0));
                i = end;
            } else {
                i = operator(text, i, tokens, errors);
            }
        }
        tokens.add(new Token(Kind.END, "", text.length(), 0));
        return new Result(List.copyOf(tokens), List.copyOf(errors));
    }

    /** Reads an operator or punctuation at {@code i}; returns the offset after it. */
    private static int operator(String text, int i, List<Token> tokens, List<ExprError> errors) {
        if (i + 1 < text.length()) {
            Kind two = TWO_CHAR.get(text.substring(i, i + 2));
            if (two != null) {
                tokens.add(new Token(two, text.substring(i, i + 2), i, 0));
                return i + 2;
            }
        }
        Kind one = ONE_CHAR.get(text.charAt(i));
        if (one != null) {
            tokens.add(new Token(one, text.substring(i, i + 1), i, 0));
            return i + 1;
        }
        int codePoint = text.codePointAt(i);
        errors.add(new ExprError(i, unexpectedCharacter(codePoint)));
        return i + Character.charCount(codePoint);
    }

    /** "unexpected character '$'", with the code point's name where it is not plain ASCII. */
    static String unexpectedCharacter(int codePoint) {
        StringBuilder message = new StringBuilder("unexpected character ");
        boolean printable = !Character.isISOControl(codePoint) && !Character.isWhitespace(codePoint)
            && Character.isDefined(codePoint);
        if (printable) {
            message.append('\'').appendCodePoint(codePoint).append('\'');
        }
        if (codePoint < 0x21 || codePoint > 0x7E) {
            String name = Character.getName(codePoint);
            message.append(printable ? " (" : "").append(String.format(Locale.ROOT, "U+%04X", codePoint));
            message.append(name == null ? "" : " " + name).append(printable ? ")" : "");
        }
        String hint = HINTS.get(codePoint);
        return hint == null ? message.toString() : message.append("; ").append(hint).toString();
    }
}
