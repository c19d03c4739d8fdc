package org.mcsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberSyntaxTest {

    @ParameterizedTest
    @CsvSource({"12,12", "-3,-3", "+3,3", "1.5e6,1500000", "2.788e6,2788000", ".5,0.5",
        "1_000_000,1000000", "0,0", "0.25,0.25", "1E-3,0.001", "3.0e+4,30000", "1_0.2_5,10.25"})
    void acceptsTheExpressionNumberSyntaxWithASign(String text, double value) {
        assertEquals(value, NumberSyntax.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0o17|octal numbers are not accepted: '0o17'",
        "012|leading zeros are not accepted (YAML 1.1 reads them as octal): '012'",
        "00.5|leading zeros are not accepted (YAML 1.1 reads them as octal): '00.5'",
        "0x1F|hexadecimal numbers are not accepted: '0x1F'",
        "0b101|binary numbers are not accepted: '0b101'",
        "1:30|sexagesimal numbers are not accepted: '1:30'",
        ".inf|infinity and NaN are not accepted: '.inf'",
        "-.Inf|infinity and NaN are not accepted: '-.Inf'",
        ".nan|infinity and NaN are not accepted: '.nan'",
        "1__000|underscores are allowed only between digits: '1__000'",
        "_1|underscores are allowed only between digits: '_1'",
        "1_|underscores are allowed only between digits: '1_'",
        "1e999|out of the range of a double: '1e999'",
        "abc|not a number: 'abc'",
        "1.|not a number: '1.'",
        "' 1'|not a number: ' 1'",
        "true|not a number: 'true'",
        "''|not a number: ''"})
    void refusesOtherSyntaxWithAReason(String text, String message) {
        assertEquals(message, assertThrows(NumberFormatException.class, () -> NumberSyntax.parse(text)).getMessage());
    }

    @Test
    void integersAcceptAnyExactInteger() {
        assertEquals(1_000_000L, NumberSyntax.parseInteger("1e6"));
        assertEquals(1_000L, NumberSyntax.parseInteger("1_000"));
        assertEquals(15L, NumberSyntax.parseInteger("1.5e1"));
        assertEquals(Long.MAX_VALUE, NumberSyntax.parseInteger("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, NumberSyntax.parseInteger("-9223372036854775808"));
        assertEquals(-42L, NumberSyntax.parseInteger("-42"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.5|not an integer: '1.5'",
        "1e-3|not an integer: '1e-3'",
        "9223372036854775808|out of the 64-bit integer range: '9223372036854775808'",
        "1e19|out of the 64-bit integer range: '1e19'",
        "1e999999999999|out of the 64-bit integer range: '1e999999999999'",
        "012|leading zeros are not accepted (YAML 1.1 reads them as octal): '012'"})
    void integersRefuseFractionsAndOverflow(String text, String message) {
        assertEquals(message, assertThrows(NumberFormatException.class,
            () -> NumberSyntax.parseInteger(text)).getMessage());
    }

    @Test
    void longTextIsShortenedInTheMessageAndRefusedFast() {
        String text = "1_".repeat(500_000) + "x";
        long t0 = System.nanoTime();
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> NumberSyntax.parse(text));
        assertEquals("not a number: '" + text.substring(0, 40) + "...'", e.getMessage());
        assert System.nanoTime() - t0 < 2_000_000_000L;
    }
}
