package org.mcsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuantileLevelTest {

    @Test
    void labelsAreComputedInDecimalWithoutTrailingZeros() {
        assertEquals("p50", QuantileLevel.parse("0.5").label());
        assertEquals("p2.5", QuantileLevel.parse("0.025").label());
        assertEquals("p7", QuantileLevel.parse("0.07").label());
        assertEquals("p99.9999", QuantileLevel.parse("0.999999").label());
        assertEquals("p0.0001", QuantileLevel.parse("1e-6").label());
        assertEquals(0.025, QuantileLevel.parse("0.025").q());
    }
}
