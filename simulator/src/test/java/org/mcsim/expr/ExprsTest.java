package org.mcsim.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExprsTest {

    private static final Map<String, Double> ENV = Map.of("x", 3.0, "y", -2.0, "zero", 0.0,
        "nan", Double.NaN, "inf", Double.POSITIVE_INFINITY);

    private static Expr parse(String text) {
        ParseResult result = Parser.parse(text);
        assertTrue(result.ok(), () -> text + ": " + result.errors());
        return result.expr();
    }

    private static double eval(String text) {
        return Exprs.evaluate(parse(text), ENV::get);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '¦', textBlock = """
        1 + 2 * 3              ¦ 7
        7 - 2 - 1              ¦ 4
        8 / 4 / 2              ¦ 1
        -2^2                   ¦ -4
        2^3^2                  ¦ 512
        2^-1                   ¦ 0.5
        -x^2                   ¦ -9
        (-x)^2                 ¦ 9
        1 / 0                  ¦ Infinity
        -1 / 0                 ¦ -Infinity
        x < 4                  ¦ 1
        x < 3                  ¦ 0
        x <= 3                 ¦ 1
        x > 3                  ¦ 0
        x >= 3                 ¦ 1
        x == 3                 ¦ 1
        x != 3                 ¦ 0
        zero == -zero          ¦ 1
        inf == inf             ¦ 1
        inf > x                ¦ 1
        !zero                  ¦ 1
        !x                     ¦ 0
        !y                     ¦ 0
        !-zero                 ¦ 1
        !zero && x             ¦ 1
        x && y                 ¦ 1
        x && zero              ¦ 0
        zero || zero           ¦ 0
        zero || y              ¦ 1
        min(3, 1, 2)           ¦ 1
        max(3, 1, 2)           ¦ 3
        min(x)                 ¦ 3
        max(y, -5)             ¦ -2
        abs(y)                 ¦ 2
        sqrt(16)               ¦ 4
        sqrt(-1)               ¦ NaN
        exp(0)                 ¦ 1
        log(exp(2))            ¦ 2
        log(0)                 ¦ -Infinity
        log10(1000)            ¦ 3
        pow(2, 10)             ¦ 1024
        pow(-8, 1/3)           ¦ NaN
        sin(0)                 ¦ 0
        cos(0)                 ¦ 1
        floor(-1.5)            ¦ -2
        ceil(-1.5)             ¦ -1
        round(2.5)             ¦ 3
        round(-2.5)            ¦ -3
        round(1.5)             ¦ 2
        round(-0.5)            ¦ -1
        round(2.4999)          ¦ 2
        round(0.49999999999999994) ¦ 0
        round(-0.49999999999999994) ¦ -0.0
        round(4503599627370497) ¦ 4503599627370497
        round(inf)             ¦ Infinity
        clamp(5, 0, 1)         ¦ 1
        clamp(-5, 0, 1)        ¦ 0
        clamp(0.25, 0, 1)      ¦ 0.25
        clamp(2, 3, 3)         ¦ 3
        clamp(0.5, 1, 0)       ¦ NaN
        if(x > 2, 10, 20)      ¦ 10
        if(zero, 10, 20)       ¦ 20
        if(y, 10, 20)          ¦ 10
        if(1, 2, nan)          ¦ 2
        if(0, nan, 3)          ¦ 3
        if(1, 2, sqrt(-1))     ¦ 2
        """)
    void operatorsAndFunctions(String text, double expected) {
        assertEquals(expected, eval(text), text);
    }

    @ParameterizedTest(name = "{0} is NaN")
    @CsvSource(delimiter = '¦', textBlock = """
        nan < 1
        1 <= nan
        nan > 1
        nan >= nan
        nan == nan
        nan != 1
        !nan
        nan && 0
        0 && nan
        nan || 1
        1 || nan
        min(1, nan, 2)
        max(nan, 1)
        min(nan)
        clamp(nan, 0, 1)
        clamp(0.5, nan, 1)
        clamp(0.5, 0, nan)
        if(nan, 1, 2)
        if(0/0, 1, 1)
        round(nan)
        nan^0 * 0 + nan
        """)
    void nanNeverHidesBehindAComparison(String text) {
        assertTrue(Double.isNaN(eval(text)), text);
    }

    @Test
    void ifEvaluatesOnlyTheChosenBranch() {
        List<String> asked = new java.util.ArrayList<>();
        Exprs.evaluate(parse("if(c, a, b)"), name -> {
            asked.add(name);
            return name.equals("c") ? 1.0 : 2.0;
        });
        assertEquals(List.of("c", "a"), asked);
    }

    @Test
    void referencesAreInOrderOfAppearanceWithDuplicates() {
        List<Expr.Ref> refs = Exprs.references(parse("-a * max(b, a) + if(c, 1, d) ^ e"));
        assertEquals(List.of("a", "b", "a", "c", "d", "e"),
            refs.stream().map(Expr.Ref::name).collect(Collectors.toList()));
        assertEquals(List.of(1, 9, 12, 20, 26, 31),
            refs.stream().map(Expr.Ref::offset).collect(Collectors.toList()));
        assertEquals(List.of(), Exprs.references(parse("1 + 2")));
    }

    @Test
    void toStringParenthesizesFully() {
        assertEquals("((1 + (2.5 * x)) - (-(y ^ 2)))", Exprs.toString(parse("1 + 2.5*x - -y^2")));
        assertEquals("clamp(x, 0, 1.0E20)", Exprs.toString(parse("clamp(x, 0, 1e20)")));
        assertEquals("(!(a < b))", Exprs.toString(parse("!(a < b)")));
    }

    @Test
    void callsBuiltByHandWithAWrongArityAreRefused() {
        Expr bad = new Expr.Call(Function.CLAMP, List.of(new Expr.Num(1, 0)), 0);
        assertThrows(IllegalArgumentException.class, () -> Exprs.evaluate(bad, name -> 0));
    }

    @Test
    void roundIsHalfAwayFromZeroOnRandomValues() {
        // reference: BigDecimal rounding HALF_UP, which is half away from zero
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            double r = (rng.nextDouble() - 0.5) * Math.scalb(1.0, rng.nextInt(-3, 60));
            double x = rng.nextInt(4) == 0 ? Math.floor(r) + 0.5 : r;
            double expected = new java.math.BigDecimal(x).setScale(0, java.math.RoundingMode.HALF_UP)
                .doubleValue();
            assertEquals(Math.abs(expected), Math.abs(Arithmetic.round(x)), () -> "round " + x);
            assertEquals(Math.copySign(1.0, x), Math.copySign(1.0, Arithmetic.round(x)));
        }
    }

    @Test
    void squaresAgreeWithMathPow() {
        // Arithmetic.pow computes x^2 as x*x; check that this is what Math.pow gives as well
        SplittableRandom rng = new SplittableRandom(11);
        for (int i = 0; i < 100_000; i++) {
            double x = (rng.nextDouble() - 0.5) * Math.scalb(1.0, rng.nextInt(-600, 600));
            assertEquals(Double.doubleToLongBits(Math.pow(x, 2.0)),
                Double.doubleToLongBits(Arithmetic.pow(x, 2.0)), () -> "x = " + x);
        }
    }
}
