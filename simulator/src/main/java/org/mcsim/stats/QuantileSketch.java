package org.mcsim.stats;

/**
 * A mergeable quantile sketch with a guaranteed error: counts of values in fixed buckets, linear
 * near a centre and logarithmic away from it, in the spirit of DDSketch (C. Masson, J. E. Rim,
 * H. K. Lee, "DDSketch: a fast and fully-mergeable quantile sketch with relative-error
 * guarantees", PVLDB 12(12), 2019).
 *
 * <p>Values are standardised as y = (x − center) / scale. For |y| &lt; 1 the buckets are equal,
 * of width 2α; beyond, bucket k holds γ<sup>k−1</sup> &lt; |y| ≤ γ<sup>k</sup> with
 * γ = (1 + α)/(1 − α). A bucket is read back as its midpoint (linear) or as 2γ<sup>k</sup>/(γ+1)
 * (logarithmic), so every value read back is within
 *
 * <pre>    α · max(scale, |x − center|)</pre>
 *
 * of a value of its bucket: an error relative to the spread near the centre and relative to the
 * distance from the centre in the tails. Quantiles read from the sketch are therefore within that
 * bound of the exact order statistic of the same rank ({@link #value(long)}). Standardising makes
 * the bound independent of where the law sits: a pure relative-error sketch would be coarse for
 * a law far from zero with a small spread.
 *
 * <p>Counts are integers, so merging ({@link #combine}) is exact, associative and commutative:
 * the same values give the same sketch whatever the order in which blocks were added or sketches
 * combined. Buckets live in pages of {@value #PAGE} counts allocated when first touched, so memory
 * follows the occupied range of the values. Adding allocates nothing but new pages. Counts are
 * ints (a run has fewer than 2<sup>31</sup> samples), half the memory of longs: the buckets of a
 * fine sketch span megabytes, and every add is a random access among them.
 *
 * <p>Serializable, so that sketches built where blocks are computed (a Spark task) travel to where
 * the run is summarized; the serialized form holds the parameters and the non-empty pages only
 * (the page table of a fine sketch has tens of thousands of empty slots). Not thread-safe: one sketch per worker thread, combined at the end.
 */
public final class QuantileSketch implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Smallest accuracy accepted: keeps every bucket index in the int range. */
    public static final double MIN_ACCURACY = 1e-6;
    private static final int PAGE_BITS = 12;
    private static final int PAGE = 1 << PAGE_BITS;
    /** ln of the largest ratio of two finite positive doubles, bounding the logarithmic index. */
    private static final double LN_RANGE = 1500;

    private final double center;
    private final double scale;
    private final double accuracy;
    private final double invScale;
    private final double invWidth;
    private final double gamma;
    private final double invLnGamma;
    /** Linear buckets on each side of the centre. */
    private final int linear;
    /** Largest logarithmic index k. */
    private final int maxLog;
    /** Added to a bucket index to make it a non-negative position. */
    private final int offset;
    private final int[][] pages;
    private long count;

    private QuantileSketch(double center, double scale, double accuracy) {
        this.center = center;
        this.scale = scale;
        this.accuracy = accuracy;
        this.invScale = 1 / scale;
        this.invWidth = 1 / (2 * accuracy);
        this.gamma = (1 + accuracy) / (1 - accuracy);
        this.invLnGamma = 1 / Math.log(gamma);
        this.linear = (int) Math.ceil(invWidth);
        this.maxLog = (int) Math.ceil(LN_RANGE * invLnGamma);
        this.offset = linear + maxLog + 1;
        this.pages = new int[(2 * offset >>> PAGE_BITS) + 1][];
    }

    /** Replaces this sketch by its compact form when serialized. */
    private Object writeReplace() {
        return new Form(this);
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("a sketch is read through its serialized form");
    }

    /** The serialized form: the parameters, the count and the non-empty pages with their places. */
    private static final class Form implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final double center;
        private final double scale;
        private final double accuracy;
        private final long count;
        private final int[] places;
        private final int[][] counts;

        Form(QuantileSketch s) {
            center = s.center;
            scale = s.scale;
            accuracy = s.accuracy;
            count = s.count;
            int used = 0;
            for (int[] page : s.pages) {
                used += page == null ? 0 : 1;
            }
            places = new int[used];
            counts = new int[used][];
            for (int p = 0, k = 0; p < s.pages.length; p++) {
                if (s.pages[p] != null) {
                    places[k] = p;
                    counts[k++] = s.pages[p];
                }
            }
        }

        private Object readResolve() throws java.io.InvalidObjectException {
            QuantileSketch s;
            try {
                s = create(center, scale, accuracy);
            } catch (IllegalArgumentException e) {
                throw new java.io.InvalidObjectException(e.getMessage());
            }
            for (int k = 0; k < places.length; k++) {
                if (places[k] < 0 || places[k] >= s.pages.length || counts[k] == null || counts[k].length != PAGE) {
                    throw new java.io.InvalidObjectException("malformed sketch page " + k);
                }
                s.pages[places[k]] = counts[k];
            }
            s.count = count;
            return s;
        }
    }

    /**
     * Creates an empty sketch.
     *
     * @param center the centre of the linear buckets (typically a pilot mean), finite
     * @param scale the unit of the linear buckets (typically a pilot sd), finite and positive
     * @param accuracy α, in [{@value #MIN_ACCURACY}, 0.1]
     * @return an empty sketch
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public static QuantileSketch create(double center, double scale, double accuracy) {
        if (!Double.isFinite(center)) {
            throw new IllegalArgumentException("center: must be finite, got " + center);
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale: must be finite and positive, got " + scale);
        }
        if (!(accuracy >= MIN_ACCURACY && accuracy <= 0.1)) {
            throw new IllegalArgumentException("accuracy: must be in [" + MIN_ACCURACY + ", 0.1], got " + accuracy);
        }
        return new QuantileSketch(center, scale, accuracy);
    }

    /**
     * Creates an empty sketch with the same buckets as this one.
     *
     * @return an empty sketch that {@link #combine} accepts
     */
    public QuantileSketch emptyCopy() {
        return new QuantileSketch(center, scale, accuracy);
    }

    /**
     * Adds {@code x[0..n)}, finite values.
     *
     * @param x the values
     * @param n how many
     */
    public void add(double[] x, int n) {
        if (count + n > Integer.MAX_VALUE) {
            throw new IllegalStateException("a sketch holds at most " + Integer.MAX_VALUE + " values");
        }
        for (int i = 0; i < n; i++) {
            final int p = index(x[i]) + offset;
            int[] page = pages[p >>> PAGE_BITS];
            if (page == null) {
                page = new int[PAGE];
                pages[p >>> PAGE_BITS] = page;
            }
            page[p & (PAGE - 1)]++;
        }
        count += n;
    }

    /** The bucket index of x: non-decreasing in x. */
    int index(double x) {
        final double y = (x - center) * invScale;
        final double ay = Math.abs(y);
        if (ay < 1) {
            return (int) Math.floor(y * invWidth);
        }
        final int k = (int) Math.min(maxLog, Math.ceil(Math.log(ay) * invLnGamma));
        return y > 0 ? linear + k : -linear - 1 - k;
    }

    /** The value a bucket is read back as. */
    double representative(int index) {
        final double y;
        if (index >= linear) {
            y = 2 * Math.pow(gamma, index - linear) / (gamma + 1);
        } else if (index < -linear) {
            y = -2 * Math.pow(gamma, -linear - 1 - index) / (gamma + 1);
        } else {
            y = (index + 0.5) * 2 * accuracy;
        }
        return center + scale * y;
    }

    /**
     * Adds the counts of another sketch with the same buckets; {@code other} is unchanged.
     *
     * @param other a sketch made by {@link #emptyCopy} of this one or of the same parameters
     * @throws IllegalArgumentException if the buckets differ (checked before anything changes)
     */
    public void combine(QuantileSketch other) {
        if (other.center != center || other.scale != scale || other.accuracy != accuracy) {
            throw new IllegalArgumentException("sketches with different buckets cannot be combined");
        }
        if (count + other.count > Integer.MAX_VALUE) {
            throw new IllegalStateException("a sketch holds at most " + Integer.MAX_VALUE + " values");
        }
        for (int p = 0; p < pages.length; p++) {
            final int[] src = other.pages[p];
            if (src == null) {
                continue;
            }
            if (pages[p] == null) {
                pages[p] = src.clone();
            } else {
                for (int i = 0; i < PAGE; i++) {
                    pages[p][i] += src[i];
                }
            }
        }
        count += other.count;
    }

    /** @return the number of values added */
    public long count() {
        return count;
    }

    /** @return the centre of the linear buckets */
    public double center() {
        return center;
    }

    /** @return the unit of the linear buckets */
    public double scale() {
        return scale;
    }

    /** @return α, the accuracy */
    public double accuracy() {
        return accuracy;
    }

    /**
     * The guaranteed bound on the distance between the value read for a rank and the exact order
     * statistic x of that rank: α · max(scale, |x − center|), evaluated at a value read back
     * (the bound at the exact value differs from it by a factor of at most 1 + α).
     *
     * @param value a value read back by {@link #values}
     * @return the error bound at that value
     */
    public double errorBound(double value) {
        return accuracy * (1 + accuracy) * Math.max(scale, Math.abs(value - center));
    }

    /**
     * The values read back for 0-based ranks, in one walk over the buckets.
     *
     * @param ranks 0-based ranks in [0, count), in increasing order
     * @return for each rank, its bucket's representative value
     * @throws IllegalArgumentException if the ranks are not increasing or out of range
     */
    public double[] values(long[] ranks) {
        final double[] out = new double[ranks.length];
        long seen = 0;
        int r = 0;
        for (int p = 0; p < pages.length && r < ranks.length; p++) {
            final int[] page = pages[p];
            if (page == null) {
                continue;
            }
            for (int i = 0; i < PAGE && r < ranks.length; i++) {
                seen += page[i];
                while (r < ranks.length && ranks[r] < seen) {
                    if (r > 0 && ranks[r] < ranks[r - 1]) {
                        throw new IllegalArgumentException("ranks must be increasing");
                    }
                    out[r++] = representative((p << PAGE_BITS) + i - offset);
                }
            }
        }
        if (r < ranks.length) {
            throw new IllegalArgumentException("rank " + ranks[r] + " is not below the count " + count);
        }
        return out;
    }

    /**
     * Visits every non-empty bucket in increasing order of value.
     *
     * @param visitor receives each bucket's representative value and count
     */
    public void forEachBucket(BucketVisitor visitor) {
        for (int p = 0; p < pages.length; p++) {
            final int[] page = pages[p];
            if (page == null) {
                continue;
            }
            for (int i = 0; i < PAGE; i++) {
                if (page[i] != 0) {
                    visitor.accept(representative((p << PAGE_BITS) + i - offset), page[i]);
                }
            }
        }
    }

    /** Receives the buckets of a sketch. */
    @FunctionalInterface
    public interface BucketVisitor {
        /**
         * One bucket.
         *
         * @param value its representative value
         * @param count its number of values
         */
        void accept(double value, long count);
    }
}
