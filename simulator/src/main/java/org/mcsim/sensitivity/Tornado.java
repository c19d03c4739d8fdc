package org.mcsim.sensitivity;

import org.mcsim.engine.Estimate;
import org.mcsim.stats.Intervals;
import org.mcsim.stats.Moments;
import org.mcsim.stats.Quantile;
import org.mcsim.stats.Quantiles;

/**
 * The two ends of a tornado bar: the output's mean over the samples where the input lies at or
 * below its 10% quantile, and at or above its 90% quantile. The quantiles are the sample's own
 * (Hyndman–Fan type 7), so each end averages about a tenth of the samples (more where the input
 * has ties at the quantile); each mean carries its Student interval.
 *
 * <p>Stateless and thread-safe.
 */
public final class Tornado {
    /** The lower tail's level; the upper tail is at {@code 1 − LEVEL}. */
    public static final double LEVEL = 0.1;

    private Tornado() {
    }

    /**
     * The output's means in the input's lowest and highest tenth.
     *
     * @param x the input's samples
     * @param y the output's samples, in the same order
     * @param confidence the two-sided level of the intervals
     * @return {@code {low end, high end}}
     */
    public static Estimate[] ends(double[] x, double[] y, double confidence) {
        double[] copy = x.clone();
        Quantile[] q = Quantiles.exact(copy, copy.length, new double[] {LEVEL, 1 - LEVEL}, 0.5);
        double lowCut = q[0].value();
        double highCut = q[1].value();
        double[] low = new double[x.length];
        double[] high = new double[x.length];
        int nl = 0;
        int nh = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] <= lowCut) {
                low[nl++] = y[i];
            }
            if (x[i] >= highCut) {
                high[nh++] = y[i];
            }
        }
        return new Estimate[] {mean(low, nl, confidence), mean(high, nh, confidence)};
    }

    /**
     * A claim's probability in the input's lowest and highest tenth: as {@link #ends}, on the
     * claim's indicator, with each end the proportion hits/n and Wilson's interval (the Student
     * interval of {@link #ends} collapses to a point where a tail holds the claim in every
     * sample or in none, which is where a claim's drivers are most often found).
     *
     * @param x the input's samples
     * @param indicator 1 where the claim holds, 0 elsewhere, in the same order
     * @param confidence the two-sided level of the intervals
     * @return {@code {low end, high end}}
     */
    public static Estimate[] shares(double[] x, double[] indicator, double confidence) {
        Quantile[] q = Quantiles.exact(x.clone(), x.length, new double[] {LEVEL, 1 - LEVEL}, 0.5);
        long nl = 0;
        long nh = 0;
        long hl = 0;
        long hh = 0;
        for (int i = 0; i < x.length; i++) {
            boolean hit = indicator[i] != 0;
            if (x[i] <= q[0].value()) {
                nl++;
                hl += hit ? 1 : 0;
            }
            if (x[i] >= q[1].value()) {
                nh++;
                hh += hit ? 1 : 0;
            }
        }
        return new Estimate[] {share(hl, nl, confidence), share(hh, nh, confidence)};
    }

    private static Estimate share(long hits, long n, double confidence) {
        return Estimate.of((double) hits / n, Intervals.wilson(hits, n, confidence));
    }

    private static Estimate mean(double[] values, int n, double confidence) {
        Moments m = Moments.create();
        m.accept(values, n);
        return Estimate.of(m.mean(), Intervals.mean(m, confidence));
    }
}
