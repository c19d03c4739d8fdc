package org.mcsim.model;

import java.util.Map;

/**
 * A named set of overrides, with keys exactly as {@code --set} takes them.
 *
 * @param name variant name
 * @param overrides key (for example {@code years} or {@code p_h800.high}) to value, in file order
 */
public record Variant(String name, Map<String, Double> overrides) {
    public Variant {
        overrides = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(overrides));
    }
}
