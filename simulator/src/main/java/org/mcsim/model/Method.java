package org.mcsim.model;

import java.util.Locale;

/** Sampling method of a run (scenario-format.md, settings.method). */
public enum Method {
    /** Plain Monte Carlo: independent draws from each input's stream. */
    RANDOM,
    /** Latin hypercube, replicated per block. */
    LHS,
    /** Randomized quasi-Monte Carlo on scrambled Sobol points. */
    SOBOL;

    /** The name as written in scenarios and on the command line ({@code random}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code random|lhs|sobol}; returns null for anything else. */
    public static Method parse(String text) {
        for (Method m : values()) {
            if (m.label().equals(text)) {
                return m;
            }
        }
        return null;
    }
}
