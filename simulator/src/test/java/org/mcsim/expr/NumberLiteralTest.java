package org.mcsim.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberLiteralTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '¦', textBlock = """
        12          ¦ 12
        -3          ¦ -3
        +3          ¦ 3
        1.5e6       ¦ 1500000
        2.788e6     ¦ 2788000
        1_000_000   ¦ 1000000
        -1_000.5    ¦ -1000.5
        1e6         ¦ 1000000
        .5          ¦ 0.5
        -.5         ¦ -0.5
        5.          ¦ 5
        1E-3        ¦ 0.001
        0           ¦ 0
        -0          ¦ -0.0
        """)
    void signedNumbersAreRead(String text, double expected) {
        OptionalDouble value = NumberLiteral.parse(text);
        assertTrue(value.isPresent(), text);
        assertEquals(expected, value.getAsDouble());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "-", "+", "--1", "+-1", " 1", "1 ", "0x10", "0o17", "0b1", ".inf",
        "-.inf", ".nan", "inf", "NaN", "Infinity", "1:30", "1__0", "1_", "_1", "1_.5", "1e", "1e+",
        "1.2.3", "1e999", "-1e999", "1d", "1f", "e5", ".", "1,000", "abc"})
    void otherTextIsNotANumber(String text) {
        assertTrue(NumberLiteral.parse(text).isEmpty(), text);
    }
}
