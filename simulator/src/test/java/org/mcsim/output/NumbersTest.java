package org.mcsim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NumbersTest {

    /** Lines "hex bits TAB Double.toString under JDK 25", made by src/test/tools/GenerateNumbers.java. */
    private static List<String[]> jdk25Cases() throws IOException {
        List<String[]> cases = new ArrayList<>();
        try (InputStream in = NumbersTest.class.getResourceAsStream("double-tostring-jdk25.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                cases.add(line.split("\t"));
            }
        }
        return cases;
    }

    private static double fromBits(String hex) {
        return Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
    }

    @Test
    void ownRoutineMatchesJdk25DoubleToString() throws IOException {
        List<String[]> cases = jdk25Cases();
        assertTrue(cases.size() > 4000);
        for (String[] c : cases) {
            double d = fromBits(c[0]);
            assertEquals(c[1], Numbers.shortest(d), () -> "bits " + c[0]);
        }
    }

    @Test
    void formatMatchesJdk25DoubleToStringOnThisJdk() throws IOException {
        for (String[] c : jdk25Cases()) {
            assertEquals(c[1], Numbers.format(fromBits(c[0])), () -> "bits " + c[0]);
        }
    }

    @Test
    void examplesFromTheCliContract() {
        assertEquals("5576000.0", Numbers.format(5576000.0));
        assertEquals("1.0E7", Numbers.format(1e7));
        assertEquals("1.5E-4", Numbers.format(1.5e-4));
        assertEquals("4.9E-324", Numbers.format(Double.MIN_VALUE));
        assertEquals("0.002", Numbers.format(2e-3));
        assertEquals("-0.0", Numbers.format(-0.0));
        assertEquals("-2.5", Numbers.format(-2.5));
        assertEquals("9999999.999999998", Numbers.format(Math.nextDown(1e7)));
        assertEquals("9.999999999999998E-4", Numbers.format(Math.nextDown(1e-3)));
    }

    @Test
    void nanAndInfinityAreRejectedOrEmpty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Numbers.format(Double.NaN));
        assertEquals("not a finite number: NaN", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Numbers.format(Double.NEGATIVE_INFINITY));
        assertEquals("", Numbers.formatOrEmpty(Double.NaN));
        assertEquals("0.25", Numbers.formatOrEmpty(0.25));
        assertThrows(IllegalArgumentException.class, () -> Numbers.formatOrEmpty(Double.POSITIVE_INFINITY));
    }

    @Test
    void ownRoutineMatchesExactReferenceOnRandomDoubles() {
        // Random bit patterns (all magnitudes) and random short decimals, against the BigDecimal
        // oracle written from the JDK 19 specification.
        SplittableRandom rng = new SplittableRandom(77L);
        for (int i = 0; i < 20_000; i++) {
            double d = Double.longBitsToDouble(rng.nextLong());
            if (i % 2 == 1) {
                d = Double.parseDouble(rng.nextLong(1, 1_000_000) + "E" + rng.nextInt(-330, 300));
            }
            if (Double.isFinite(d)) {
                double v = d;
                assertEquals(ShortestDecimalReference.toString(v), Numbers.shortest(v),
                    () -> "bits " + Long.toHexString(Double.doubleToRawLongBits(v)));
            }
        }
    }

    @Test
    void everyTextReadsBackToItsDouble() {
        SplittableRandom rng = new SplittableRandom(78L);
        for (int i = 0; i < 100_000; i++) {
            double d = Double.longBitsToDouble(rng.nextLong());
            if (Double.isFinite(d)) {
                assertEquals(d, Double.parseDouble(Numbers.shortest(d)));
            }
        }
    }

    @Test
    void layoutSwitchesNotationAtTheThresholds() {
        assertEquals("1.0E7", Numbers.layout(false, 1, 7));
        assertEquals("9999999.0", Numbers.layout(false, 9999999, 0));
        assertEquals("0.001", Numbers.layout(false, 1000, -6));
        assertEquals("-9.99E-4", Numbers.layout(true, 999, -6));
        assertEquals("120.5", Numbers.layout(false, 1205, -1));
        assertEquals("1.0E-5", Numbers.layout(false, 1, -5));
    }
}
