package org.mcsim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class DecimalTextTest {
    private final DecimalText text = new DecimalText();
    private final byte[] buf = new byte[64];

    private String write(double v) {
        int end = text.write(v, buf, 3);
        return new String(buf, 3, end - 3, StandardCharsets.US_ASCII);
    }

    @Test
    void sameTextAsNumbersFormatOnEdgesAndLayouts() {
        double[] values = {0.0, -0.0, 1, -1, 0.001, 0.00099, 1e-3, 9999999, 1e7, 1.0E7 + 1, 5576000.0, 2.0e-3,
            2.0e23, 4.9e-324, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 0.1, 1.5e-4, 123.456,
            2.869444629236455E9, 475.6246610783782, 1e100, 1e-100, 12345678.9, 0.012};
        for (double v : values) {
            assertEquals(Numbers.format(v), write(v), "value " + v);
        }
    }

    @Test
    void sameTextAsNumbersFormatOnRandomDoubles() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(9L);
        for (int i = 0; i < 200_000; i++) {
            double v = Double.longBitsToDouble(rng.nextLong());
            if (!Double.isFinite(v)) {
                continue;
            }
            assertEquals(Numbers.format(v), write(v));
            double w = Math.exp(30 * (rng.nextDouble() - 0.5));
            assertEquals(Numbers.format(w), write(w));
        }
    }

    @Test
    void nonFiniteValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> write(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> write(Double.POSITIVE_INFINITY));
    }
}
