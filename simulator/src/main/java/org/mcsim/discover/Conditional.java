package org.mcsim.discover;

import java.util.List;
import org.mcsim.engine.Estimate;

/**
 * One input's distribution given the claim true and given it false, on the check sample.
 *
 * @param input the input's name
 * @param whenTrue the quantiles at {@link Discovery#LEVELS} over the samples where the claim
 *     holds, each with its distribution-free order-statistic interval; NaN where there are none
 * @param whenFalse the same where it does not hold
 * @param sd the input's sd over the whole check sample (divisor n−1)
 * @param medianShift (median when true − median when false) / sd, with a simultaneous interval
 *     (see {@link Discovery})
 */
public record Conditional(String input, List<Estimate> whenTrue, List<Estimate> whenFalse, double sd,
                          Estimate medianShift) {
    public Conditional {
        whenTrue = List.copyOf(whenTrue);
        whenFalse = List.copyOf(whenFalse);
    }
}
