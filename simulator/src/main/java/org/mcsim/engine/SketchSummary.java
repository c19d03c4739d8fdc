package org.mcsim.engine;

import java.util.List;

/**
 * How accurate sketched quantiles are, for run.json: the sketch's accuracy α and, per output,
 * the largest error bound of a reported quantile or interval end beside the smallest Monte Carlo
 * half-width of a reported quantile, so that a reader sees the first is far below the second.
 *
 * @param accuracy α of every output's {@link org.mcsim.stats.QuantileSketch}
 * @param outputs one entry per output, in {@code outputs} order
 */
public record SketchSummary(double accuracy, List<Output> outputs) {

    public SketchSummary {
        outputs = List.copyOf(outputs);
    }

    /**
     * The sketch of one output.
     *
     * @param name the output
     * @param center the centre of the linear buckets (block 0's mean)
     * @param scale their unit (block 0's sd)
     * @param maxErrorBound the largest bound α·max(scale, |x − center|) over the values read
     * @param minMcHalfWidth the smallest half-width of a defined quantile interval, or NaN
     * @param worstRatio the largest ratio, over the quantiles, of the error bound of the estimate
     *     and its interval ends to that quantile's Monte Carlo half-width, or NaN
     */
    public record Output(String name, double center, double scale, double maxErrorBound, double minMcHalfWidth,
                         double worstRatio) { }

    /** The largest {@link Output#worstRatio} over the outputs (NaN if none is defined). */
    public double worstRatio() {
        double worst = Double.NaN;
        for (Output o : outputs) {
            if (!Double.isNaN(o.worstRatio()) && !(o.worstRatio() <= worst)) {
                worst = o.worstRatio();
            }
        }
        return worst;
    }
}
