package org.mcsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanNumbersTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.6e9, 1.6B", "2.5e6, 2.5M", "12345, 12.3k", "999.7, 1k", "999999, 1M", "0, 0", "456, 456",
        "1.2e12, 1.2T", "-2.5e6, -2.5M", "0.0123, 0.0123", "1.234e-5, 1.23e-5", "2e15, 2e15",
        "1, 1", "12.5, 12.5", "0.001, 0.001"})
    void plainNumbersHaveThreeSignificantDigitsAndASuffix(double value, String expected) {
        assertEquals(expected, HumanNumbers.plain().format(value));
    }

    @Test
    void undefinedIsEmpty() {
        assertEquals("", HumanNumbers.plain().format(Double.NaN));
        assertEquals("", HumanNumbers.plain().format(Double.NaN, 1));
    }

    @Test
    void dollarsForAUnitThatIsOrStartsWithUsd() {
        assertEquals("$1.6B", HumanNumbers.forVariable("capex", "USD").format(1.6e9));
        assertEquals("-$1.6B", HumanNumbers.forVariable("capex", "USD").format(-1.6e9));
        assertEquals("$2.25", HumanNumbers.forVariable("rent", "USD/h").format(2.25));
        assertEquals("$35k", HumanNumbers.forVariable("p", "usd per GPU").format(35_000));
    }

    @Test
    void multiplesForARatioOrAUnitOfX() {
        assertEquals("456x", HumanNumbers.forVariable("ratio", null).format(456.2));
        assertEquals("456x", HumanNumbers.forVariable("ratio", "").format(456.2));
        assertEquals("1.5x", HumanNumbers.forVariable("server_mult", "x").format(1.5));
        assertEquals("12x", HumanNumbers.forVariable("cost_ratio", null).format(12));
        assertEquals("456", HumanNumbers.forVariable("ratios_seen", null).format(456));
    }

    @ParameterizedTest(name = "{0} step {1} -> {2}")
    @CsvSource({
        "1.5e6, 2.5e5, 1.5M", "1.75e6, 2.5e5, 1.75M", "2e6, 5e5, 2M", "5e5, 5e5, 500k", "0, 1, 0",
        "0.25, 0.05, 0.25", "-2.22e-16, 0.5, 0", "1000, 200, 1k", "1200, 200, 1.2k", "1e6, 1e5, 1M",
        "0.0005, 0.0005, 0.0005", "3e-10, 1e-10, 3e-10"})
    void tickLabelsKeepTheStepsResolution(double value, double step, String expected) {
        assertEquals(expected, HumanNumbers.plain().format(value, step));
    }

    @Test
    void tickLabelsInDollars() {
        assertEquals("$2.5B", HumanNumbers.forVariable("c", "USD").format(2.5e9, 5e8));
    }

    @Test
    void probabilitiesShowEnoughDecimalsForTheIntervalEndsToDiffer() {
        assertEquals("0.41 [0.40, 0.42]", HumanNumbers.probability(0.41, 0.40, 0.42));
        assertEquals("0.500 [0.498, 0.502]", HumanNumbers.probability(0.5, 0.498, 0.502));
        assertEquals("0.41", HumanNumbers.probability(0.41, Double.NaN, Double.NaN));
        assertEquals("0.0031", HumanNumbers.probability(0.0031, Double.NaN, Double.NaN));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "5576000.0, '5,576,000'", "1.5E-4, 0.00015", "-1234.5, '-1,234.5'", "1.0E20, 1e20", "0.0, 0",
        "1.6023E9, '1,602,300,000'", "1.5E-20, 1.5e-20", "12.5, 12.5"})
    void exactFormIsPlainWithThousandsSeparators(String text, String expected) {
        assertEquals(expected, HumanNumbers.exact(text));
    }

    @Test
    void exactOfAnEmptyFieldIsEmpty() {
        assertEquals("", HumanNumbers.exact(""));
    }

    @Test
    void multiplesBelowAMillionAreWrittenInFullWithCommas() {
        HumanNumbers times = HumanNumbers.forVariable("ratio", "");
        assertEquals("1,550x", times.format(1549.7));
        assertEquals("373x", times.format(373.04));
        assertEquals("1,100x", times.format(1100, 100));
        assertEquals("1,050x", times.format(1050, 50));
        assertEquals("2.5Mx", times.format(2.5e6));
        assertEquals("1.55k", HumanNumbers.plain().format(1549.7));
    }
}
