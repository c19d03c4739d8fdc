package org.mcsim.model;

import java.math.BigDecimal;

/**
 * A quantile level as written in the scenario, with its summary label ({@code 0.5 -> p50},
 * {@code 0.025 -> p2.5}), computed in decimal from the text so that no binary rounding leaks
 * into the label.
 *
 * @param q the level, in [1e-6, 1 - 1e-6]
 * @param label {@code p} followed by 100q in plain notation without trailing zeros
 */
public record QuantileLevel(double q, String label) {

    /** Builds the level from the text of a decimal number ({@code "0.025"}). */
    public static QuantileLevel parse(String text) {
        BigDecimal d = new BigDecimal(text.replace("_", ""));
        BigDecimal pct = d.movePointRight(2).stripTrailingZeros();
        return new QuantileLevel(d.doubleValue(), "p" + pct.toPlainString());
    }
}
