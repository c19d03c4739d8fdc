package org.mcsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimThresholdTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ratio >= 400 | ratio | 400 | true", "ratio>400 | ratio | 400 | true",
        "capex < 1.6e9 | capex | 1.6e9 | false", "x <= 1_000 | x | 1000 | false",
        "400 < ratio | ratio | 400 | true", "1.6e9 >= capex | capex | 1.6e9 | false",
        "x > .5 | x | 0.5 | true", "x > -2 | x | -2 | true", "  y >= 2.5E-3  | y | 0.0025 | true",
        "z < 1_000.5 | z | 1000.5 | false"})
    void readsTheThresholdForms(String expression, String variable, double threshold, boolean above) {
        ClaimThreshold t = ClaimThreshold.parse("c", expression).orElseThrow();
        assertEquals("c", t.claim());
        assertEquals(variable, t.variable());
        assertEquals(threshold, t.threshold());
        assertEquals(above, t.above());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a > b", "x > 1 && y < 2", "x == 3", "2 < 3", "x > 1_", "x > 1__0", "abs(x) > 3",
        "x >= 2 * 3", "x != 1", "(x > 1)"})
    void otherExpressionsAreNotThresholds(String expression) {
        assertTrue(ClaimThreshold.parse("c", expression).isEmpty());
    }

    @Test
    void aClaimAgainstANamedConstantIsAThreshold() {
        java.util.Map<String, Double> constants = java.util.Map.of("threshold", 400.0, "limit", 0.5);
        ClaimThreshold t = ClaimThreshold.parse("c", "ratio >= threshold", constants).orElseThrow();
        assertEquals("ratio", t.variable());
        assertEquals(400.0, t.threshold());
        assertTrue(t.above());
        ClaimThreshold u = ClaimThreshold.parse("c", "limit > y", constants).orElseThrow();
        assertEquals("y", u.variable());
        assertEquals(0.5, u.threshold());
        assertTrue(!u.above());
        assertTrue(ClaimThreshold.parse("c", "a > b", constants).isEmpty(), "two variables: no threshold");
        assertTrue(ClaimThreshold.parse("c", "ratio >= threshold").isEmpty(), "without the constants");
    }
}
