package org.mcsim.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The {@code settings:} block with defaults applied. The constructor checks every field, so that
 * a {@code Settings} built anywhere (the scenario reader, a command's overrides, a solver adding
 * its target's level) holds what the engine relies on; the scenario reader reports bad values at
 * their position before it gets here.
 *
 * @param samples number of samples (at least 1)
 * @param seed any signed 64-bit seed
 * @param method sampling method
 * @param confidence level of the Monte Carlo error intervals, in (0, 1)
 * @param quantiles quantile levels in ascending order, without duplicates, each in (0, 1); copied
 * @param histogramBins number of histogram bins (at least 1)
 */
public record Settings(long samples, long seed, Method method, double confidence,
                       List<QuantileLevel> quantiles, int histogramBins) {

    /** Default quantile levels of scenario-format.md. */
    public static final List<String> DEFAULT_QUANTILES =
        List.of("0.01", "0.05", "0.1", "0.25", "0.5", "0.75", "0.9", "0.95", "0.99");

    /** Checks every field; IllegalArgumentException naming the first one out of its range. */
    public Settings {
        if (samples < 1) {
            throw new IllegalArgumentException("samples: must be at least 1, got " + samples);
        }
        Objects.requireNonNull(method, "method");
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence: must be in (0, 1), got " + confidence);
        }
        quantiles = List.copyOf(quantiles);
        for (int i = 0; i < quantiles.size(); i++) {
            double q = quantiles.get(i).q();
            if (!(q > 0 && q < 1)) {
                throw new IllegalArgumentException("quantiles[" + i + "]: must be in (0, 1), got " + q);
            }
            if (i > 0 && !(quantiles.get(i - 1).q() < q)) {
                throw new IllegalArgumentException("quantiles: must be ascending without duplicates, got "
                    + quantiles.get(i - 1).label() + " before " + quantiles.get(i).label());
            }
        }
        if (histogramBins < 1) {
            throw new IllegalArgumentException("histogramBins: must be at least 1, got " + histogramBins);
        }
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

    /**
     * These settings with {@code level} among the quantiles, in its place in ascending order; the
     * same settings when a level of the same label is listed already. A command adds the level
     * its target needs ({@code --until p95(x)+-1}, {@code solve --target p90(x)=5}) so that it is
     * computed even if the scenario does not list it.
     */
    public Settings withQuantile(QuantileLevel level) {
        if (quantiles.stream().anyMatch(q -> q.label().equals(level.label()))) {
            return this;
        }
        List<QuantileLevel> levels = new ArrayList<>(quantiles);
        levels.add(level);
        levels.sort(Comparator.comparingDouble(QuantileLevel::q));
        return new Settings(samples, seed, method, confidence, levels, histogramBins);
    }
}
