package org.mcsim.stats;

/**
 * Equal-width histograms over [min, max], as written to {@code histogram.csv}: B bins, the value
 * x falling in bin {@code min(B−1, ⌊(x−min)·B/(max−min)⌋)}, so that the maximum lands in the last
 * bin; a sample with min = max has one bin.
 *
 * <p>When max − min overflows to infinity, the same formula is evaluated on halved values, which
 * gives the same bins without the overflow. Stateless and thread-safe.
 */
public final class Histogram {
    private Histogram() {
    }

    /**
     * Counts {@code data[0..n)} into {@code bins} equal bins from {@code min} to {@code max}.
     *
     * @param data the values, each in [min, max]
     * @param n the number of values to count
     * @param min the lower end, normally the sample minimum
     * @param max the upper end, normally the sample maximum
     * @param bins the number of bins B, at least 1; ignored (one bin) when min == max
     * @return the counts, of length B, or 1 when min == max
     * @throws IllegalArgumentException if bins &lt; 1, min &gt; max, or a value lies outside [min, max]
     */
    public static long[] count(double[] data, int n, double min, double max, int bins) {
        Binning binning = new Binning(min, max, bins);
        if (n < 0 || n > data.length) {
            throw new IllegalArgumentException("n: must be in [0, " + data.length + "], got " + n);
        }
        final long[] counts = new long[binning.bins()];
        for (int i = 0; i < n; i++) {
            counts[binning.bin(data[i])]++;
        }
        return counts;
    }

    /**
     * The bins of {@link #count} as a value: {@link #bin} places one value, so that a pass that
     * reads the data for another purpose can count the histogram on the way
     * ({@link Quantiles#exactWithHistogram}).
     */
    static final class Binning {
        private final double min;
        private final double max;
        private final int bins;
        private final boolean overflow;
        private final double lo;
        private final double width;

        /**
         * @param min the lower end
         * @param max the upper end
         * @param bins the number of bins B, at least 1; one bin when min == max
         * @throws IllegalArgumentException if bins &lt; 1 or the range is not finite and ordered
         */
        Binning(double min, double max, int bins) {
            check(min, max, bins);
            this.min = min;
            this.max = max;
            this.bins = min == max ? 1 : bins;
            this.overflow = Double.isInfinite(max - min);
            this.lo = overflow ? min / 2 : min;
            this.width = overflow ? max / 2 - min / 2 : max - min;
        }

        double min() {
            return min;
        }

        double max() {
            return max;
        }

        /** @return whether max − min overflows, so that {@link #bin} works on halved values */
        boolean overflows() {
            return overflow;
        }

        /** @return max − min, or their halves' difference when that overflows */
        double width() {
            return width;
        }

        /** @return the number of bins: B, or 1 when min == max */
        int bins() {
            return bins;
        }

        /**
         * The bin of x.
         *
         * @throws IllegalArgumentException if x lies outside [min, max]
         */
        int bin(double x) {
            checkInside(x, min, max);
            if (bins == 1) {
                return 0;
            }
            final double v = overflow ? x / 2 : x;
            return Math.min(bins - 1, (int) Math.floor((v - lo) * bins / width));
        }
    }

    /**
     * Counts the values of a sketch into the bins of {@link #count}: each bucket's count goes to
     * the bin of its value read back, clamped to [min, max]. A value within the sketch's error
     * of a bin edge may be counted in the neighbouring bin; the counts add up to the sketch's.
     *
     * @param sketch the sketch of the sample
     * @param min the sample's minimum
     * @param max the sample's maximum
     * @param bins the number of bins B, at least 1; ignored (one bin) when min == max
     * @return the counts, of length B, or 1 when min == max
     * @throws IllegalArgumentException if bins &lt; 1 or min &gt; max
     */
    public static long[] count(QuantileSketch sketch, double min, double max, int bins) {
        check(min, max, bins);
        if (min == max) {
            return new long[] {sketch.count()};
        }
        final Binning binning = new Binning(min, max, bins);
        return sketch.countBy(value -> binning.bin(Math.min(max, Math.max(min, value))), bins);
    }

    /**
     * The bin edges: {@code edges[i]} and {@code edges[i+1]} are bin i's {@code bin_low} and
     * {@code bin_high}; {@code edges[i] = min + (max−min)·i/B}, the last edge exactly {@code max}.
     *
     * @param min the lower end
     * @param max the upper end
     * @param bins the number of bins B, at least 1; when min == max there is one bin
     * @return B + 1 edges ({@code {min, max}} when min == max)
     */
    public static double[] edges(double min, double max, int bins) {
        check(min, max, bins);
        if (min == max) {
            return new double[] {min, max};
        }
        final double[] edges = new double[bins + 1];
        final boolean overflow = Double.isInfinite(max - min);
        final double width = overflow ? max / 2 - min / 2 : max - min;
        for (int i = 0; i < bins; i++) {
            edges[i] = overflow ? 2 * (min / 2 + width * i / bins) : min + width * i / bins;
        }
        edges[bins] = max;
        return edges;
    }

    private static void check(double min, double max, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins: must be at least 1, got " + bins);
        }
        if (!(min <= max) || Double.isInfinite(min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("range: need finite min <= max, got [" + min + ", " + max + "]");
        }
    }

    private static void checkInside(double x, double min, double max) {
        if (!(x >= min && x <= max)) {
            throw new IllegalArgumentException("value " + x + " outside [" + min + ", " + max + "]");
        }
    }
}
