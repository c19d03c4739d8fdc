package org.mcsim.report;

import org.mcsim.report.SavedRun.Bins;

/**
 * Densities from a histogram's bins: the bar heights (count / (n · width)) and a smooth curve
 * through them.
 *
 * <p>The curve is a Gaussian kernel density estimate of the bin centres weighted by their counts,
 * with Silverman's rule-of-thumb bandwidth h = 0.9 · min(σ, IQR / 1.34) · n^(−1/5), never
 * narrower than one bin (the data's resolution), and with the reflection boundary correction at
 * the sampled minimum and maximum, so a bounded variable's density does not sag at its ends
 * (B. W. Silverman, <i>Density Estimation for Statistics and Data Analysis</i>, 1986, §3.4.2 and
 * §2.10). Stateless.
 */
final class BinDensity {
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    private BinDensity() {
    }

    /**
     * Whether the histogram is a single point (min = max: one bin of zero width).
     *
     * @param h the histogram
     * @return true when every sample had the same value
     */
    static boolean degenerate(Bins h) {
        return !(h.highs()[h.highs().length - 1] > h.lows()[0]);
    }

    /**
     * The bar heights as a density.
     *
     * @param h a histogram that is not degenerate
     * @return count / (n · width) per bin
     */
    static double[] bars(Bins h) {
        double n = Math.max(1, h.total());
        double[] density = new double[h.counts().length];
        for (int i = 0; i < density.length; i++) {
            double width = h.highs()[i] - h.lows()[i];
            density[i] = width > 0 ? h.counts()[i] / (n * width) : 0;
        }
        return density;
    }

    /**
     * The smoothed density at {@code points} equally spaced values from the first bin's low end
     * to the last bin's high end.
     *
     * @param h a histogram that is not degenerate
     * @param points how many points (at least 2)
     * @return {x values, density values}
     */
    static double[][] smooth(Bins h, int points) {
        double a = h.lows()[0];
        double b = h.highs()[h.highs().length - 1];
        double n = Math.max(1, h.total());
        double bandwidth = bandwidth(h);
        double[] x = new double[points];
        double[] y = new double[points];
        for (int p = 0; p < points; p++) {
            x[p] = a + (b - a) * p / (points - 1);
            double sum = 0;
            for (int j = 0; j < h.counts().length; j++) {
                if (h.counts()[j] == 0) {
                    continue;
                }
                double c = 0.5 * (h.lows()[j] + h.highs()[j]);
                sum += h.counts()[j] * (kernel((x[p] - c) / bandwidth)
                    + kernel((x[p] - (2 * a - c)) / bandwidth) + kernel((x[p] - (2 * b - c)) / bandwidth));
            }
            y[p] = sum / (n * bandwidth);
        }
        return new double[][] {x, y};
    }

    /**
     * Silverman's bandwidth over the bin centres, at least one bin width.
     *
     * @param h a histogram that is not degenerate
     * @return the kernel's standard deviation
     */
    static double bandwidth(Bins h) {
        double n = Math.max(1, h.total());
        double mean = 0;
        for (int j = 0; j < h.counts().length; j++) {
            mean += h.counts()[j] * 0.5 * (h.lows()[j] + h.highs()[j]) / n;
        }
        double variance = 0;
        for (int j = 0; j < h.counts().length; j++) {
            double d = 0.5 * (h.lows()[j] + h.highs()[j]) - mean;
            variance += h.counts()[j] * d * d / n;
        }
        double spread = Math.sqrt(variance);
        double iqr = (quantile(h, 0.75) - quantile(h, 0.25)) / 1.34;
        if (iqr > 0) {
            spread = Math.min(spread, iqr);
        }
        double binWidth = (h.highs()[h.highs().length - 1] - h.lows()[0]) / h.counts().length;
        return Math.max(binWidth, 0.9 * spread * Math.pow(n, -0.2));
    }

    /**
     * A quantile read from the histogram, linear within the bin where the cumulative count
     * crosses q · n.
     *
     * @param h the histogram
     * @param q the level in [0, 1]
     * @return the quantile
     */
    static double quantile(Bins h, double q) {
        double target = q * h.total();
        double cumulative = 0;
        for (int j = 0; j < h.counts().length; j++) {
            long count = h.counts()[j];
            if (count > 0 && cumulative + count >= target) {
                double within = (target - cumulative) / count;
                return h.lows()[j] + within * (h.highs()[j] - h.lows()[j]);
            }
            cumulative += count;
        }
        return h.highs()[h.highs().length - 1];
    }

    private static double kernel(double u) {
        return Math.exp(-0.5 * u * u) / SQRT_2PI;
    }
}
