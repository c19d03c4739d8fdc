package org.mcsim.sensitivity;

import org.mcsim.engine.Estimate;

/**
 * The sensitivity indices of one output to one input; an index that was not asked for is null.
 *
 * @param input the input's name
 * @param rankCorrelation Spearman's rank correlation of input and output
 * @param meanLow the output's mean where the input is at or below its 10% quantile
 * @param meanHigh the output's mean where the input is at or above its 90% quantile
 * @param sobolFirst the first-order Sobol index
 * @param sobolTotal the total Sobol index
 */
public record InputIndices(String input, Estimate rankCorrelation, Estimate meanLow, Estimate meanHigh,
                           Estimate sobolFirst, Estimate sobolTotal) {

    /** The tornado's swing, |mean_high − mean_low|, or NaN without tornado ends. */
    public double swing() {
        return meanLow == null ? Double.NaN : Math.abs(meanHigh.value() - meanLow.value());
    }
}
