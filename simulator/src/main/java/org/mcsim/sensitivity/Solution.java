package org.mcsim.sensitivity;

import org.mcsim.engine.Estimate;

/**
 * The result of solve.
 *
 * @param parameter the varied key ({@code NAME.PARAM})
 * @param value the root: the parameter's value at which the target holds
 * @param valueLow the smaller of the roots for the two ends of the statistic's interval, or NaN
 *     when that end has no root in the range
 * @param valueHigh the larger of those roots, or NaN
 * @param target the target
 * @param achieved the statistic at {@code value}, with its Monte Carlo interval
 * @param evaluations how many runs the search took
 */
public record Solution(String parameter, double value, double valueLow, double valueHigh, SolveTarget target,
                       Estimate achieved, int evaluations) { }
