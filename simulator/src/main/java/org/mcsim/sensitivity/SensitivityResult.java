package org.mcsim.sensitivity;

import java.util.List;

/**
 * The sensitivity of one output to every uncertain input.
 *
 * @param output the output's name; for a claim's indicator, {@code P(CLAIM)}
 * @param mean the output's mean over the plain run (the tornado's centre), or NaN without one;
 *     for a claim, its probability hits/n
 * @param inputs per input, ordered by decreasing total index (without Sobol indices by
 *     decreasing absolute rank correlation, without those by decreasing tornado swing), ties in
 *     file order
 * @param note why Sobol indices are absent although asked for, or null
 * @param evaluations model evaluations made
 * @param claim the claim whose indicator was analysed, or null for an output
 */
public record SensitivityResult(String output, double mean, List<InputIndices> inputs, String note,
                                long evaluations, String claim) {
    public SensitivityResult {
        inputs = List.copyOf(inputs);
    }
}
