package org.mcsim.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.mcsim.expr.Lexer.Kind;
import org.mcsim.expr.Lexer.Token;

/**
 * Parses the text of a formula or claim into an {@link Expr}.
 *
 * <p>A Pratt parser (V. R. Pratt, "Top down operator precedence", POPL 1973) over the tokens
 * of {@link Lexer}. Binary operators, lowest to highest: {@code ||}, {@code &&}, comparisons
 * (non-associative), {@code + -}, {@code * /}; then prefix {@code - !}, whose operand is a
 * power; then {@code ^}, right-associative, whose right operand may itself carry a prefix
 * operator. So {@code -2^2} is {@code -(2^2)}, {@code 2^3^2} is {@code 2^(3^2)} and
 * {@code 2^-1} is {@code 2^(-1)}.
 *
 * <p>Errors: every lexical error is reported; a syntax error stops the parse (what follows it
 * cannot be trusted), while errors that leave the structure intact (unknown function, wrong
 * number of arguments, a function name without a call, chained comparisons) are collected and
 * parsing goes on. Nesting deeper than {@value #MAX_DEPTH} levels is an error, so that hostile
 * input cannot exhaust the stack here or in the recursive passes over the tree. A chain of
 * left-associative operators ({@code a + b + c ...}) is flat, not nested: every pass over the
 * tree walks a left operand in a loop rather than by recursion, so the left operand of a binary
 * node adds no level and a sum may have any number of terms.
 *
 * <p>Instances are private to one parse; {@link #parse(String)} is thread-safe.
 */
public final class Parser {

    /** Deepest nesting of the syntax tree and of the parse itself. */
    static final int MAX_DEPTH = 1000;

    /**
     * Other tools' names for mcsim's functions, which edit distance would match to the wrong one
     * ({@code ln} is nearest to {@code min}).
     */
    private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("ln", "log"),
        Map.entry("loge", "log"), Map.entry("power", "pow"), Map.entry("root", "sqrt"), Map.entry("fabs", "abs"),
        Map.entry("ceiling", "ceil"), Map.entry("iif", "if"), Map.entry("ifelse", "if"));

    private static final int COMPARISON = 3;
    private static final int POWER = 6;

    private final List<Token> tokens;
    private final List<ExprError> errors = new ArrayList<>();
    private final Map<Expr, Integer> depths = new IdentityHashMap<>();
    private int position;
    private int nesting;

    /** Thrown after a syntax error has been recorded, to abandon the parse. */
    private static final class AbandonedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AbandonedException() {
            super(null, null, false, false);
        }
    }

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /**
     * Parses an expression.
     *
     * @param text the expression as written (surrounding spaces are allowed)
     * @return the expression, or every error found, in position order, with 0-based offsets
     *     into {@code text}
     */
    public static ParseResult parse(String text) {
        Objects.requireNonNull(text, "text");
        Lexer.Result lexed = Lexer.lex(text);
        if (!lexed.errors().isEmpty()) {
            return new ParseResult(null, lexed.errors());
        }
        if (lexed.tokens().size() == 1) {
            return new ParseResult(null, List.of(new ExprError(0, "empty expression")));
        }
        Parser parser = new Parser(lexed.tokens());
        Expr expr = null;
        try {
            expr = parser.expression(0);
            Token t = parser.peek();
            if (t.kind() == Kind.RPAREN) {
                parser.fail(t, "unmatched ')'");
            } else if (t.kind() != Kind.END) {
                parser.fail(t, "unexpected " + describe(t) + " after a complete expression; is an operator missing?");
            }
        } catch (AbandonedException e) {
            expr = null;
        }
        if (parser.errors.isEmpty()) {
            return new ParseResult(expr, List.of());
        }
        List<ExprError> sorted = new ArrayList<>(parser.errors);
        sorted.sort(Comparator.comparingInt(ExprError::offset));
        return new ParseResult(null, sorted);
    }

    /** Parses operators binding at least as tightly as {@code minPrecedence}. */
    private Expr expression(int minPrecedence) {
        if (++nesting > MAX_DEPTH) {
            fail(peek(), "expression is nested too deeply (more than " + MAX_DEPTH + " levels)");
        }
        Expr left = prefix();
        boolean comparison = false;
        while (true) {
            Token t = peek();
            Expr.BinaryOp op = binaryOp(t.kind());
            if (op == null || precedence(op) < minPrecedence) {
                break;
            }
            int precedence = precedence(op);
            if (precedence == COMPARISON && comparison) {
                error(t, "comparisons cannot be chained; combine them with && (as in a < b && b < c)");
            }
            position++;
            Expr right = expression(op == Expr.BinaryOp.POW ? precedence : precedence + 1);
            left = node(new Expr.Binary(op, left, right, left.offset(), t.offset()), left, right);
            comparison = precedence == COMPARISON;
        }
        nesting--;
        return left;
    }

    /** An operand: number, name, call, parenthesized expression, or prefix operator. */
    private Expr prefix() {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER:
                position++;
                return node(new Expr.Num(t.value(), t.offset()));
            case NAME:
                position++;
                return peek().kind() == Kind.LPAREN ? call(t) : reference(t);
            case MINUS:
            case BANG:
                position++;
                Expr operand = expression(POWER);
                Expr.UnaryOp op = t.kind() == Kind.MINUS ? Expr.UnaryOp.NEG : Expr.UnaryOp.NOT;
                return node(new Expr.Unary(op, operand, t.offset()), operand);
            case LPAREN:
                position++;
                Expr inner = expression(0);
                close(t, "");
                return inner;
            default:
                throw missingOperand(t);
        }
    }

    private AbandonedException missingOperand(Token t) {
        Token previous = position > 0 ? tokens.get(position - 1) : null;
        if (t.kind() == Kind.END && previous != null) {
            return fail(t, "unexpected end of expression; expected an operand after " + describe(previous));
        }
        if (t.kind() == Kind.STAR && previous != null && previous.kind() == Kind.STAR
            && previous.offset() + 1 == t.offset()) {
            return fail(previous, "'**' is not an operator; use '^' for powers");
        }
        String message = previous == null
            ? "missing operand before " + describe(t)
            : "missing operand between " + describe(previous) + " and " + describe(t);
        boolean unaryPlus = t.kind() == Kind.PLUS;
        return fail(t, unaryPlus ? message + " (there is no unary '+')" : message);
    }

    /** A name that is not called: a reference, unless it names a function. */
    private Expr reference(Token name) {
        Function f = Function.byName(name.text());
        if (f != null) {
            error(name, "'" + f.text() + "' is a function; call it with arguments in parentheses, as in "
                + signature(f));
        }
        return node(new Expr.Ref(name.text(), name.offset()));
    }

    /** A call; the current token is its '('. */
    private Expr call(Token name) {
        Token open = tokens.get(position++);
        List<Expr> args = new ArrayList<>();
        if (peek().kind() == Kind.RPAREN) {
            position++;
        } else {
            args.add(expression(0));
            while (peek().kind() == Kind.COMMA) {
                position++;
                args.add(expression(0));
            }
            close(open, " in the call of " + name.text());
        }
        Function f = Function.byName(name.text());
        if (f == null) {
            List<String> names = Arrays.stream(Function.values()).map(Function::text)
                .collect(Collectors.toList());
            String suggestion = ALIASES.getOrDefault(name.text().toLowerCase(java.util.Locale.ROOT),
                Suggestions.nearest(name.text(), names));
            error(name, "unknown function '" + name.text() + "'; " + (suggestion != null
                ? "did you mean '" + suggestion + "'?"
                : "the functions are " + String.join(", ", names)));
            return node(new Expr.Num(Double.NaN, name.offset()), args.toArray(new Expr[0]));
        }
        if (args.size() < f.minArgs() || args.size() > f.maxArgs()) {
            error(name, "function '" + f.text() + "' takes " + arity(f) + ", as in " + signature(f)
                + "; got " + args.size());
        }
        return node(new Expr.Call(f, args, name.offset()), args.toArray(new Expr[0]));
    }

    /** Consumes the ')' matching {@code open}. */
    private void close(Token open, String where) {
        Token t = peek();
        if (t.kind() == Kind.RPAREN) {
            position++;
        } else if (t.kind() == Kind.END) {
            fail(open, "unclosed '('" + where);
        } else {
            String expected = where.isEmpty() ? "')'" : "',' or ')'" + where;
            fail(t, "expected " + expected + ", found " + describe(t) + "; is an operator missing?");
        }
    }

    /**
     * Records the depth of a new node, the recursion a pass over the tree needs below it; too
     * deep a tree is a syntax error. A binary node's left operand is walked in a loop, so it
     * counts at its own depth.
     */
    private Expr node(Expr e, Expr... children) {
        int depth = 1;
        for (int i = 0; i < children.length; i++) {
            boolean leftOperand = i == 0 && e instanceof Expr.Binary;
            depth = Math.max(depth, depths.get(children[i]) + (leftOperand ? 0 : 1));
        }
        if (depth > MAX_DEPTH) {
            fail(tokenAt(e.offset()), "expression is nested too deeply (more than " + MAX_DEPTH + " levels)");
        }
        depths.put(e, depth);
        return e;
    }

    private Token tokenAt(int offset) {
        return tokens.stream().filter(t -> t.offset() == offset).findFirst().orElse(peek());
    }

    private Token peek() {
        return tokens.get(position);
    }

    private void error(Token t, String message) {
        errors.add(new ExprError(t.offset(), message));
    }

    private AbandonedException fail(Token t, String message) {
        error(t, message);
        throw new AbandonedException();
    }

    private static String describe(Token t) {
        return t.kind() == Kind.END ? "the end of the expression" : "'" + t.text() + "'";
    }

    private static Expr.BinaryOp binaryOp(Kind kind) {
        switch (kind) {
            case OR: return Expr.BinaryOp.OR;
            case AND: return Expr.BinaryOp.AND;
            case LT: return Expr.BinaryOp.LT;
            case LE: return Expr.BinaryOp.LE;
            case GT: return Expr.BinaryOp.GT;
            case GE: return Expr.BinaryOp.GE;
            case EQ: return Expr.BinaryOp.EQ;
            case NE: return Expr.BinaryOp.NE;
            case PLUS: return Expr.BinaryOp.ADD;
            case MINUS: return Expr.BinaryOp.SUB;
            case STAR: return Expr.BinaryOp.MUL;
            case SLASH: return Expr.BinaryOp.DIV;
            case CARET: return Expr.BinaryOp.POW;
            default: return null;
        }
    }

    private static int precedence(Expr.BinaryOp op) {
        switch (op) {
            case OR: return 1;
            case AND: return 2;
            case ADD: case SUB: return 4;
            case MUL: case DIV: return 5;
            case POW: return POWER;
            default: return COMPARISON;
        }
    }

    private static String arity(Function f) {
        if (f.maxArgs() == Integer.MAX_VALUE) {
            return f.minArgs() + " or more arguments";
        }
        return f.minArgs() + (f.minArgs() == 1 ? " argument" : " arguments");
    }

    /** How a call of the function is written, for messages. */
    static String signature(Function f) {
        switch (f) {
            case MIN: case MAX: return f.text() + "(a, b, ...)";
            case POW: return "pow(a, b)";
            case CLAMP: return "clamp(x, lo, hi)";
            case IF: return "if(cond, a, b)";
            default: return f.text() + "(x)";
        }
    }
}
