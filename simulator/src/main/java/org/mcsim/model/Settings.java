package org.mcsim.model;

import java.util.List;

/**
 * The {@code settings:} block with defaults applied.
 *
 * @param samples number of samples (at least 1)
 * @param seed any signed 64-bit seed
 * @param method sampling method
 * @param confidence level of the Monte Carlo error intervals, in (0, 1)
 * @param quantiles quantile levels in ascending order, without duplicates
 * @param histogramBins number of histogram bins (at least 1)
 */
public record Settings(long samples, long seed, Method method, double confidence,
                       List<QuantileLevel> quantiles, int histogramBins) {

    /** Default quantile levels of scenario-format.md. */
    public static final List<String> DEFAULT_QUANTILES =
        List.of("0.01", "0.05", "0.1", "0.25", "0.5", "0.75", "0.9", "0.95", "0.99");

    public Settings {
        quantiles = List.copyOf(quantiles);
    }

    /** The defaults of scenario-format.md. */
    public static Settings defaults() {
        return new Settings(100_000, 1, Method.RANDOM, 0.95,
            DEFAULT_QUANTILES.stream().map(QuantileLevel::parse).toList(), 100);
    }

    public Settings withSamples(long n) {
        return new Settings(n, seed, method, confidence, quantiles, histogramBins);
    }

    public Settings withSeed(long s) {
        return new Settings(samples, s, method, confidence, quantiles, histogramBins);
    }

    public Settings withMethod(Method m) {
        return new Settings(samples, seed, m, confidence, quantiles, histogramBins);
    }
}
