package org.mcsim.validation;

import java.util.List;
import java.util.Map;

/**
 * A small scenario whose outputs have known distributions.
 *
 * @param name the case's name (test display)
 * @param yaml the scenario
 * @param files files the scenario reads (empirical columns), name to content, written beside it
 * @param checks the statistics to compare with their exact values
 * @param correlations target Spearman correlations "a,b" to rank (checked against correlations.csv's achieved)
 */
record ClosedFormCase(String name, String yaml, Map<String, String> files, List<Check> checks,
                      Map<String, Double> correlations) {

    ClosedFormCase(String name, String yaml, Check... checks) {
        this(name, yaml, Map.of(), List.of(checks), Map.of());
    }

    @Override
    public String toString() {
        return name;
    }
}
