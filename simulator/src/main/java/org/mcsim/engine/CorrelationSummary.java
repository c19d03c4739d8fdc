package org.mcsim.engine;

/**
 * A target rank correlation and the one achieved over all samples.
 *
 * @param a first input
 * @param b second input
 * @param target the scenario's Spearman target
 * @param achieved Spearman's correlation of the two inputs' samples
 */
public record CorrelationSummary(String a, String b, double target, double achieved) { }
