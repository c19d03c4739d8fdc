package org.mcsim.engine;

/**
 * The probability of a claim.
 *
 * @param name the claim's name
 * @param expression its text as written, trimmed
 * @param hits samples where the claim holds
 * @param samples samples drawn
 * @param probability hits / samples with its interval (Wilson's under random sampling)
 */
public record ClaimSummary(String name, String expression, long hits, long samples, Estimate probability) { }
