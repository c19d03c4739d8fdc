package org.mcsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private static final List<QuantileLevel> LEVELS =
        List.of(QuantileLevel.parse("0.1"), QuantileLevel.parse("0.9"));

    private static String refusal(long samples, double confidence, List<QuantileLevel> levels, int bins) {
        return assertThrows(IllegalArgumentException.class,
            () -> new Settings(samples, 1, Method.RANDOM, confidence, levels, bins)).getMessage();
    }

    @Test
    void eachFieldOutOfItsRangeIsRefusedByName() {
        assertEquals("samples: must be at least 1, got 0", refusal(0, 0.95, LEVELS, 10));
        assertEquals("confidence: must be in (0, 1), got 1.0", refusal(10, 1, LEVELS, 10));
        assertEquals("confidence: must be in (0, 1), got NaN", refusal(10, Double.NaN, LEVELS, 10));
        assertEquals("histogramBins: must be at least 1, got 0", refusal(10, 0.95, LEVELS, 0));
        assertEquals("quantiles: must be ascending without duplicates, got p90 before p10",
            refusal(10, 0.95, List.of(LEVELS.get(1), LEVELS.get(0)), 10));
        assertEquals("quantiles: must be ascending without duplicates, got p10 before p10",
            refusal(10, 0.95, List.of(LEVELS.get(0), LEVELS.get(0)), 10));
        assertEquals("quantiles[0]: must be in (0, 1), got 1.0",
            refusal(10, 0.95, List.of(new QuantileLevel(1, "p100")), 10));
        assertThrows(NullPointerException.class, () -> new Settings(10, 1, null, 0.95, LEVELS, 10));
    }

    @Test
    void theQuantileListIsCopied() {
        List<QuantileLevel> levels = new ArrayList<>(LEVELS);
        Settings s = new Settings(10, 1, Method.RANDOM, 0.95, levels, 10);
        levels.clear();
        assertEquals(LEVELS, s.quantiles());
    }

    @Test
    void aQuantileIsAddedInItsPlaceOnceOnly() {
        Settings s = new Settings(10, 1, Method.RANDOM, 0.95, LEVELS, 10);
        assertEquals(List.of("p10", "p50", "p90"),
            s.withQuantile(QuantileLevel.parse("0.5")).quantiles().stream().map(QuantileLevel::label).toList());
        assertEquals(List.of("p2.5", "p10", "p90"),
            s.withQuantile(QuantileLevel.parse("0.025")).quantiles().stream().map(QuantileLevel::label).toList());
        assertSame(s, s.withQuantile(QuantileLevel.parse("0.90")));
    }
}
