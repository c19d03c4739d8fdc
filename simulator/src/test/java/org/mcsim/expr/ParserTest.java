package org.mcsim.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserTest {

    private static Expr parse(String text) {
        ParseResult result = Parser.parse(text);
        assertTrue(result.ok(), () -> text + ": " + result.errors());
        assertTrue(result.errors().isEmpty());
        return result.expr();
    }

    private static List<ExprError> errors(String text) {
        ParseResult result = Parser.parse(text);
        assertFalse(result.ok(), () -> text + " parsed as " + Exprs.toString(result.expr()));
        assertNull(result.expr());
        return result.errors();
    }

    private static double value(String text) {
        Map<String, Double> env = Map.of("x", 3.0, "a", 0.0, "b", 1.0);
        return Exprs.evaluate(parse(text), env::get);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '¦', quoteCharacter = '"', textBlock = """
        -2^2           ¦ (-(2 ^ 2))
        2^3^2          ¦ (2 ^ (3 ^ 2))
        2^-1           ¦ (2 ^ (-1))
        -x^2           ¦ (-(x ^ 2))
        2^-x^2         ¦ (2 ^ (-(x ^ 2)))
        --x            ¦ (-(-x))
        !a && b        ¦ ((!a) && b)
        !a == b        ¦ ((!a) == b)
        a || b && c    ¦ (a || (b && c))
        a && b || c    ¦ ((a && b) || c)
        a && b < c     ¦ (a && (b < c))
        a < b + c      ¦ (a < (b + c))
        a + b < c      ¦ ((a + b) < c)
        a + b * c      ¦ (a + (b * c))
        a * b + c      ¦ ((a * b) + c)
        a - b - c      ¦ ((a - b) - c)
        a / b / c      ¦ ((a / b) / c)
        a / b * c      ¦ ((a / b) * c)
        a * -b         ¦ (a * (-b))
        -a * b         ¦ ((-a) * b)
        a - -b         ¦ (a - (-b))
        -a ^ b * c     ¦ ((-(a ^ b)) * c)
        a ^ b * c      ¦ ((a ^ b) * c)
        (a + b) * c    ¦ ((a + b) * c)
        (a < b) < c    ¦ ((a < b) < c)
        a <= b         ¦ (a <= b)
        a > b          ¦ (a > b)
        a >= b         ¦ (a >= b)
        a == b         ¦ (a == b)
        a != b         ¦ (a != b)
        !!a            ¦ (!(!a))
        min(a, b + 1, 3) ¦ min(a, (b + 1), 3)
        if(a > 0, -a, a) ¦ if((a > 0), (-a), a)
        " \tx\n+\r1 "  ¦ (x + 1)
        _1 + a_b2      ¦ (_1 + a_b2)
        """)
    void precedenceAndAssociativity(String text, String expected) {
        assertEquals(expected, Exprs.toString(parse(text)));
    }

    @Test
    void precedenceGivesTheDocumentedValues() {
        assertEquals(-4.0, value("-2^2"));
        assertEquals(512.0, value("2^3^2"));
        assertEquals(0.5, value("2^-1"));
        assertEquals(-9.0, value("-x^2"));
        assertEquals(1.0, value("!a && b"));
        assertEquals(7.0, value("1 + 2 * 3"));
        assertEquals(1.0, value("(1 < 2) == 1"));
        assertEquals(1.0, value("0 || 1 && 1"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '¦', textBlock = """
        12          ¦ 12
        1.5         ¦ 1.5
        .5          ¦ 0.5
        5.          ¦ 5
        1.5e6       ¦ 1500000
        1E-3        ¦ 0.001
        2.5e+2      ¦ 250
        1_000_000   ¦ 1000000
        1_0.2_5     ¦ 10.25
        2.788e6     ¦ 2788000
        0e-400      ¦ 0
        1e-310      ¦ 1e-310
        """)
    void numbers(String text, double expected) {
        Expr e = parse(text);
        assertInstanceOf(Expr.Num.class, e);
        assertEquals(expected, ((Expr.Num) e).value());
    }

    @Test
    void literalsAreUnsigned() {
        Expr e = parse("-2");
        Expr.Unary u = assertInstanceOf(Expr.Unary.class, e);
        assertEquals(Expr.UnaryOp.NEG, u.op());
        assertEquals(2.0, ((Expr.Num) u.operand()).value());
    }

    @Test
    void nodesCarryTheOffsetsOfTheirTokens() {
        Expr.Binary sum = (Expr.Binary) parse("  ab + -sqrt(c)");
        assertEquals(2, sum.offset());
        assertEquals(5, sum.opOffset());
        assertEquals(2, sum.left().offset());
        Expr.Unary neg = (Expr.Unary) sum.right();
        assertEquals(7, neg.offset());
        Expr.Call call = (Expr.Call) neg.operand();
        assertEquals(8, call.offset());
        assertEquals(Function.SQRT, call.function());
        assertEquals(13, call.args().get(0).offset());
    }

    @Test
    void everyFunctionParsesWithItsArity() {
        for (Function f : Function.values()) {
            int n = f.minArgs();
            String args = String.join(", ", java.util.Collections.nCopies(n, "x"));
            Expr.Call call = assertInstanceOf(Expr.Call.class, parse(f.text() + "(" + args + ")"));
            assertEquals(f, call.function());
            assertEquals(n, call.args().size());
        }
        assertEquals(5, ((Expr.Call) parse("max(1, 2, 3, 4, 5)")).args().size());
    }

    @ParameterizedTest(name = "[{0}] -> {1}: {2}")
    @CsvSource(delimiter = '¦', quoteCharacter = '"', textBlock = """
        ""            ¦ 0  ¦ empty expression
        "   "         ¦ 0  ¦ empty expression
        a $ b         ¦ 2  ¦ unexpected character '$'
        a = b         ¦ 2  ¦ unexpected character '='; did you mean '=='?
        a & b         ¦ 2  ¦ unexpected character '&'; did you mean '&&'?
        a | b         ¦ 2  ¦ unexpected character '|'; did you mean '||'?
        a × b         ¦ 2  ¦ unexpected character '×' (U+00D7 MULTIPLICATION SIGN); use '*' to multiply
        a − b         ¦ 2  ¦ unexpected character '−' (U+2212 MINUS SIGN); use '-'
        a % b         ¦ 2  ¦ unexpected character '%'; there is no '%' operator
        1 +           ¦ 3  ¦ unexpected end of expression; expected an operand after '+'
        -             ¦ 1  ¦ unexpected end of expression; expected an operand after '-'
        (1 + 2        ¦ 0  ¦ unclosed '('
        ((1 + 2)      ¦ 0  ¦ unclosed '('
        log(x         ¦ 3  ¦ unclosed '(' in the call of log
        log(          ¦ 4  ¦ unexpected end of expression; expected an operand after '('
        1 + * 2       ¦ 4  ¦ missing operand between '+' and '*'
        * 2           ¦ 0  ¦ missing operand before '*'
        +3            ¦ 0  ¦ missing operand before '+' (there is no unary '+')
        2 * +3        ¦ 4  ¦ missing operand between '*' and '+' (there is no unary '+')
        ()            ¦ 1  ¦ missing operand between '(' and ')'
        min(1,)       ¦ 6  ¦ missing operand between ',' and ')'
        min(,1)       ¦ 4  ¦ missing operand between '(' and ','
        2 ** 3        ¦ 2  ¦ '**' is not an operator; use '^' for powers
        1 2           ¦ 2  ¦ unexpected '2' after a complete expression; is an operator missing?
        a b           ¦ 2  ¦ unexpected 'b' after a complete expression; is an operator missing?
        1 )           ¦ 2  ¦ unmatched ')'
        (1 2)         ¦ 3  ¦ expected ')', found '2'; is an operator missing?
        min(1 2)      ¦ 6  ¦ expected ',' or ')' in the call of min, found '2'; is an operator missing?
        a < b < c     ¦ 6  ¦ comparisons cannot be chained; combine them with && (as in a < b && b < c)
        a == b != c   ¦ 7  ¦ comparisons cannot be chained; combine them with && (as in a < b && b < c)
        lg(x)         ¦ 0  ¦ unknown function 'lg'; did you mean 'log'?
        1 + sqr(x)    ¦ 4  ¦ unknown function 'sqr'; did you mean 'sqrt'?
        frobnicate(x) ¦ 0  ¦ unknown function 'frobnicate'; the functions are min, max, abs, sqrt, exp, log, log10, pow, sin, cos, floor, ceil, round, clamp, if
        sqrt(1, 2)    ¦ 0  ¦ function 'sqrt' takes 1 argument, as in sqrt(x); got 2
        abs()         ¦ 0  ¦ function 'abs' takes 1 argument, as in abs(x); got 0
        pow(2)        ¦ 0  ¦ function 'pow' takes 2 arguments, as in pow(a, b); got 1
        clamp(1, 2)   ¦ 0  ¦ function 'clamp' takes 3 arguments, as in clamp(x, lo, hi); got 2
        if(1, 2)      ¦ 0  ¦ function 'if' takes 3 arguments, as in if(cond, a, b); got 2
        min()         ¦ 0  ¦ function 'min' takes 1 or more arguments, as in min(a, b, ...); got 0
        max()         ¦ 0  ¦ function 'max' takes 1 or more arguments, as in max(a, b, ...); got 0
        log + 1       ¦ 0  ¦ 'log' is a function; call it with arguments in parentheses, as in log(x)
        2 * max       ¦ 4  ¦ 'max' is a function; call it with arguments in parentheses, as in max(a, b, ...)
        1__0          ¦ 0  ¦ misplaced underscore in number '1__0': underscores may only stand between digits
        1_            ¦ 0  ¦ misplaced underscore in number '1_': underscores may only stand between digits
        x + 1_.5      ¦ 4  ¦ misplaced underscore in number '1_.5': underscores may only stand between digits
        1._5          ¦ 0  ¦ misplaced underscore in number '1._5': underscores may only stand between digits
        1e_5          ¦ 0  ¦ misplaced underscore in number '1e_5': underscores may only stand between digits
        2x            ¦ 0  ¦ malformed number '2x'; write 2 * x to multiply
        1e            ¦ 0  ¦ malformed number '1e'
        1e+           ¦ 0  ¦ malformed number '1e+'
        1.2.3         ¦ 0  ¦ malformed number '1.2.3'
        0x1F          ¦ 0  ¦ malformed number '0x1F'; only decimal numbers are allowed
        1e999         ¦ 0  ¦ number '1e999' is too large
        1e-400        ¦ 0  ¦ number '1e-400' is too close to zero (it would read as 0)
        0.0001e-320   ¦ 0  ¦ number '0.0001e-320' is too close to zero (it would read as 0)
        . 5           ¦ 0  ¦ unexpected character '.'
        """)
    void errorsHaveTheirMessageAndOffset(String text, int offset, String message) {
        assertEquals(List.of(new ExprError(offset, message)), errors(text));
    }

    @Test
    void everyLexicalErrorIsReported() {
        assertEquals(List.of(new ExprError(2, "unexpected character '#'"),
                new ExprError(6, "unexpected character '$'"),
                new ExprError(10, "malformed number '3y'; write 3 * y to multiply")),
            errors("a # b $ c 3y"));
    }

    @Test
    void errorsThatKeepTheStructureAreAllReportedInPositionOrder() {
        assertEquals(List.of(new ExprError(0, "unknown function 'lg'; did you mean 'log'?"),
                new ExprError(3, "unknown function 'sqr'; did you mean 'sqrt'?"),
                new ExprError(13, "function 'pow' takes 2 arguments, as in pow(a, b); got 1")),
            errors("lg(sqr(x)) + pow(1)"));
        assertEquals(2, errors("a < b < c < d").size());
    }

    @Test
    void controlCharactersAreNamedByCodePoint() {
        assertEquals("unexpected character U+0000 NULL", errors("a \u0000 b").get(0).message());
        assertEquals(2, errors("a \u0000 b").get(0).offset());
    }

    @Test
    void hostileNestingIsAnErrorNotAStackOverflow() {
        int deep = 20_000;
        String parens = "(".repeat(deep) + "1" + ")".repeat(deep);
        assertTrue(errors(parens).get(0).message().contains("nested too deeply"));
        assertTrue(errors("-".repeat(deep) + "1").get(0).message().contains("nested too deeply"));
        assertTrue(errors("2" + "^2".repeat(deep)).get(0).message().contains("nested too deeply"));
        assertTrue(errors("1" + "-(1".repeat(deep) + ")".repeat(deep)).get(0).message().contains("nested too deeply"));
        assertTrue(Parser.parse("(".repeat(500) + "1" + ")".repeat(500)).ok());
    }

    @Test
    void chainsOfLeftAssociativeOperatorsAreFlatNotNested() {
        int terms = 100_000;
        assertTrue(Parser.parse("1" + "+1".repeat(terms)).ok());
        assertTrue(Parser.parse("a" + " * b - c / d + e".repeat(terms / 4)).ok());
        assertTrue(Parser.parse("x" + " && y || z".repeat(terms / 2)).ok());
        // each term may itself nest up to the limit
        String deepTerm = "(".repeat(990) + "x" + ")".repeat(990);
        assertTrue(Parser.parse(deepTerm + (" + " + deepTerm).repeat(50)).ok());
        assertEquals("((((a - b) - c) - d) - e)", Exprs.toString(Parser.parse("a - b - c - d - e").expr()));
    }

    @Test
    void messagesAreFreeOfJavaNames() {
        for (String text : List.of("", "1 +", "(", ")", "a $", "lg(", "min(1,", "1 2", "a < b < c",
            "1e999", "1__0", "log", "\u0000", "((((")) {
            for (ExprError e : errors(text)) {
                assertFalse(e.message().matches(".*(Exception|java\\.|null).*"), e.message());
                assertTrue(e.offset() <= text.length());
            }
        }
    }
}
