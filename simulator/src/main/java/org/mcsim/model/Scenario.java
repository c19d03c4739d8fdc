package org.mcsim.model;

import java.util.List;
import java.util.Map;

/**
 * A validated scenario, immutable.
 *
 * @param name scenario name (names the output folder)
 * @param description free text, may be empty
 * @param sources citations in file order
 * @param settings settings with defaults applied
 * @param constants named constants in file order
 * @param inputs inputs in file order
 * @param formulas formulas in file order (not evaluation order; see {@link #evaluationOrder()})
 * @param outputs names of the reported variables (inputs or formulas), in order
 * @param claims claims in file order
 * @param correlations target rank correlations in file order
 * @param variants variants in file order
 * @param evaluationOrder formula names in an order where each comes after those it uses
 *     (ties broken by file order)
 */
public record Scenario(String name, String description, List<String> sources, Settings settings,
                       Map<String, Double> constants, List<Input> inputs, List<Formula> formulas,
                       List<String> outputs, List<Claim> claims, List<Correlation> correlations,
                       List<Variant> variants, List<String> evaluationOrder) {

    public Scenario {
        sources = List.copyOf(sources);
        constants = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(constants));
        inputs = List.copyOf(inputs);
        formulas = List.copyOf(formulas);
        outputs = List.copyOf(outputs);
        claims = List.copyOf(claims);
        correlations = List.copyOf(correlations);
        variants = List.copyOf(variants);
        evaluationOrder = List.copyOf(evaluationOrder);
    }

    /** The same scenario with other settings (command-line overrides). */
    public Scenario withSettings(Settings s) {
        return new Scenario(name, description, sources, s, constants, inputs, formulas, outputs,
            claims, correlations, variants, evaluationOrder);
    }

    /** The input of that name, or null. */
    public Input input(String n) {
        for (Input in : inputs) {
            if (in.name().equals(n)) {
                return in;
            }
        }
        return null;
    }

    /** The formula of that name, or null. */
    public Formula formula(String n) {
        for (Formula f : formulas) {
            if (f.name().equals(n)) {
                return f;
            }
        }
        return null;
    }
}
