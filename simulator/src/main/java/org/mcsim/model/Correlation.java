package org.mcsim.model;

/**
 * A target Spearman rank correlation between two distinct inputs.
 *
 * @param a first input
 * @param b second input
 * @param rank target in [-1, 1]
 */
public record Correlation(String a, String b, double rank) { }
