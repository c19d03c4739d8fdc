package org.mcsim.discover;

import java.util.List;

/**
 * What {@link Discovery} found for one claim.
 *
 * @param claim the claim's name
 * @param expression the claim's text
 * @param inputs the uncertain inputs searched, in file order (the boxes' coordinates)
 * @param samples the size of the searched sample
 * @param hits the searched samples in which the claim holds
 * @param checkSamples the size of the check sample
 * @param checkHits the check samples in which the claim holds
 * @param trajectory the peeling trajectory, step 0 first
 * @param chosen the chosen box (pasted unless pasting was turned off)
 * @param pasted whether the chosen box was pasted
 * @param conditionals each input's distribution given the claim true and false, in {@code inputs} order
 */
public record DiscoveryResult(String claim, String expression, List<String> inputs, long samples, long hits,
                              long checkSamples, long checkHits, List<StepResult> trajectory, StepResult chosen,
                              boolean pasted, List<Conditional> conditionals) {
    public DiscoveryResult {
        inputs = List.copyOf(inputs);
        trajectory = List.copyOf(trajectory);
        conditionals = List.copyOf(conditionals);
    }
}
