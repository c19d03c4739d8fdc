package org.mcsim.stats;

import org.mcsim.lanes.Lanes;

/**
 * A mergeable quantile sketch with a guaranteed error: counts of values in fixed buckets, linear
 * near a centre and log-linear away from it, in the spirit of DDSketch (C. Masson, J. E. Rim,
 * H. K. Lee, "DDSketch: a fast and fully-mergeable quantile sketch with relative-error
 * guarantees", PVLDB 12(12), 2019) and of HdrHistogram's bucket layout.
 *
 * <p>Values are standardised as y = (x − center) / scale. For |y| &lt; 1 the buckets are equal,
 * of width 2α (the outermost ones cut at ±1); beyond, every octave 2<sup>e</sup> ≤ |y| &lt;
 * 2<sup>e+1</sup> is cut into M = ⌈1/(2α)⌉ equal buckets of width 2<sup>e</sup>/M ≤ 2α|y|
 * (log-linear buckets). A bucket is read back as the midpoint of the values it can hold, so
 * every value read back is within
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
 * follows the occupied range of the values. Adding allocates nothing but new pages. The buckets
 * of a fine sketch span megabytes and every add is a random access among them, so adding counts
 * in 8 bits (a byte, a quarter of the memory of an int): a count that wraps past 255 carries 256
 * into a page of int counts, and every reader first settles the 8-bit counts into the int pages
 * (a run has fewer than 2<sup>31</sup> samples). The buckets are fine enough that few of them
 * reach 256 (the busiest bucket of a 10⁸-sample run holds a few hundred values), so carries are
 * rare; against 16-bit counts a 10⁸-sample run is 7–10 % faster (it spends about a third of
 * its time here).
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
    /** Octaves 2^0 .. 2^1024 of |y| ≥ 1: every finite |y|, and the overflow of (x − center)/scale to ∞. */
    private static final int OCTAVES = 1025;
    /** Values placed per round of {@link #add}. */
    private static final int POSITIONS = 2048;
    private static final long MANTISSA = (1L << 52) - 1;
    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);

    final double center;
    private final double scale;
    private final double accuracy;
    final double invScale;
    final double invWidth;
    /**
     * Buckets per octave of the logarithmic part, M: as many as the linear buckets on each side,
     * so that the buckets on both sides of |y| = 1 have about the same width, 2α.
     */
    final int perOctave;
    /** Linear buckets on each side of the centre. */
    final int linear;
    /** Largest logarithmic index k. */
    private final int maxLog;
    /** Added to a bucket index to make it a non-negative position. */
    final int offset;
    /** Settled counts, by page. */
    private final int[][] pages;
    /** Counts added since the last {@link #settle}, modulo 256, by page; null when settled. */
    private transient byte[][] recent;
    /** Each page's total count, or null when stale (after an add or a combine). */
    private transient int[] totals;
    /** Scratch: the positions of the values being added. */
    private final transient long[] positions = new long[POSITIONS];
    private long count;

    private QuantileSketch(double center, double scale, double accuracy) {
        this.center = center;
        this.scale = scale;
        this.accuracy = accuracy;
        this.invScale = 1 / scale;
        this.invWidth = 1 / (2 * accuracy);
        this.perOctave = (int) Math.ceil(invWidth);
        this.linear = (int) Math.ceil(invWidth);
        this.maxLog = OCTAVES * perOctave - 1;
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
            s.settle();
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
        add(x, 0, n);
    }

    /**
     * Adds {@code x[from..from+n)}, finite values.
     *
     * @param x the values
     * @param from the first
     * @param n how many
     */
    public void add(double[] x, int from, int n) {
        if (count + n > Integer.MAX_VALUE) {
            throw new IllegalStateException("a sketch holds at most " + Integer.MAX_VALUE + " values");
        }
        java.util.Objects.checkFromIndexSize(from, n, x.length);
        totals = null;
        final long[] at = positions;
        final boolean vector = BlockSums.positionsReady();
        for (int done = 0; done < n; done += at.length) {
            final int len = Math.min(at.length, n - done);
            final int base = from + done;
            final int whole = vector ? VECTOR_POSITIONS.positions(this, x, base, len, at) : 0;
            plainPositions(x, base + whole, len - whole, at, whole);
            // The counts span megabytes: nearly every increment misses the caches. Alone in a
            // loop of a few instructions each, many of those misses are in flight at once.
            final byte[][] pending = recent();
            for (int i = 0; i < len; i++) {
                final int p = (int) at[i];
                byte[] page = pending[p >>> PAGE_BITS];
                if (page == null) {
                    page = new byte[PAGE];
                    pending[p >>> PAGE_BITS] = page;
                }
                final byte c = (byte) (page[p & (PAGE - 1)] + 1);
                page[p & (PAGE - 1)] = c;
                if (c == 0) {
                    carry(p);
                }
            }
        }
        count += n;
    }

    private byte[][] recent() {
        if (recent == null) {
            recent = new byte[pages.length][];
        }
        return recent;
    }

    /** Carries 256 into the settled count of position p, whose 8-bit count has just wrapped to 0. */
    private void carry(int p) {
        int[] page = pages[p >>> PAGE_BITS];
        if (page == null) {
            page = new int[PAGE];
            pages[p >>> PAGE_BITS] = page;
        }
        page[p & (PAGE - 1)] += 1 << 8;
    }

    /** Moves the 8-bit counts into the int pages. */
    private void settle() {
        if (recent == null) {
            return;
        }
        for (int p = 0; p < recent.length; p++) {
            final byte[] src = recent[p];
            if (src == null) {
                continue;
            }
            if (pages[p] == null) {
                pages[p] = new int[PAGE];
            }
            final int[] dst = pages[p];
            for (int i = 0; i < PAGE; i++) {
                dst[i] += src[i] & 0xFF;
            }
        }
        recent = null;
    }

    /**
     * {@code at[to + i] = index(x[from + i]) + offset} for i in [0, n): the positions of values in
     * the counts, by {@link #index}, one value at a time. The definition of the positions.
     */
    void plainPositions(double[] x, int from, int n, long[] at, int to) {
        for (int i = 0; i < n; i++) {
            at[to + i] = index(x[from + i]) + offset;
        }
    }

    /** The positions of {@link #plainPositions} computed with the Vector API, loaded by name. */
    interface Positions {
        /**
         * Sets {@code at[i]} to the position of {@code x[from + i]} for the values of the whole
         * vectors that fit in {@code n}, exactly as {@link #plainPositions} would.
         *
         * @return how many values it placed (n rounded down to whole vectors); the caller places the rest
         */
        int positions(QuantileSketch sketch, double[] x, int from, int n, long[] at);
    }

    /**
     * The vector positions ({@link VectorSketchPositions}) where {@link Lanes#vectorEnabled()}
     * holds, else null; {@link #add} uses them once {@link BlockSums#positionsReady()} says that
     * the warm-up has seen them compiled and giving the plain positions.
     */
    static final Positions VECTOR_POSITIONS = Lanes.vectorEnabled()
        ? Lanes.load("org.mcsim.stats.VectorSketchPositions", Positions.class) : null;

    /**
     * The bucket index of x: non-decreasing in x. For |y| ≥ 1, k = e·M + ⌊f·M⌋ with
     * |y| = 2<sup>e</sup>(1 + f), e and f read from the bits of |y| (⌊f·M⌋ = ⌊m·M/2<sup>52</sup>⌋,
     * m the 52 mantissa bits, in exact integer arithmetic); the index is linear + k above the
     * centre and −linear − 1 − k = ~(linear + k) below it. Written without branches: which side
     * of the centre and whether |y| &lt; 1 are unpredictable for the values of a sample, and a
     * mispredicted branch costs more than computing both indices.
     */
    int index(double x) {
        final double y = (x - center) * invScale;
        final long yBits = Double.doubleToRawLongBits(y);
        final long bits = yBits & Long.MAX_VALUE;
        final int e = (int) (bits >>> 52) - 1023;
        final int k = e * perOctave + (int) Math.multiplyHigh((bits & MANTISSA) << 11, 2L * perOctave);
        final int log = (linear + k) ^ (int) (yBits >> 63);
        final int lin = (int) Math.floor(y * invWidth);
        final int inner = (int) ((bits - ONE_BITS) >> 63);
        return (lin & inner) | (log & ~inner);
    }

    /**
     * The value a bucket is read back as: the midpoint of the values it can hold. The outermost
     * linear buckets hold values up to ±1 only (beyond, the octaves begin), so their midpoints
     * stay inside (−1, 1), below the first octave's: read-back values never decrease with the
     * index, which {@link #countBy} relies on.
     */
    double representative(int index) {
        final double y;
        if (index >= linear) {
            y = octaveMidpoint(index - linear);
        } else if (index < -linear) {
            y = -octaveMidpoint(-linear - 1 - index);
        } else {
            final double low = index * 2 * accuracy;
            final double high = (index + 1) * 2 * accuracy;
            y = low < -1 || high > 1 ? (Math.max(-1, low) + Math.min(1, high)) / 2 : (index + 0.5) * 2 * accuracy;
        }
        return center + scale * y;
    }

    /** The midpoint of logarithmic bucket k: 2^e · (1 + (j + ½)/M) with k = e·M + j. */
    private double octaveMidpoint(int k) {
        return Math.scalb(1 + (k % perOctave + 0.5) / perOctave, k / perOctave);
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
        settle();
        other.settle();
        totals = null;
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
        final int[] t = totals();
        for (int p = 0; p < pages.length && r < ranks.length; p++) {
            final int[] page = pages[p];
            if (page == null) {
                continue;
            }
            if (ranks[r] >= seen + t[p]) {
                seen += t[p];
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
     * Counts the values by class, each bucket's count going to the class of its value read back:
     * the counts that {@link #forEachBucket} summed by {@code classOf(value)} would give, found
     * by a binary search over the buckets for each boundary between classes and the pages'
     * totals, not by a walk over every bucket (a fine sketch has millions).
     *
     * @param classOf the class of a value, in [0, classes), non-decreasing in the value
     * @param classes the number of classes, at least 1
     * @return the number of values in each class
     */
    public long[] countBy(java.util.function.DoubleToIntFunction classOf, int classes) {
        final int[] t = totals();
        final long[] out = new long[classes];
        int first = -1;
        int last = -1;
        for (int p = 0; p < t.length; p++) {
            if (t[p] != 0) {
                first = first < 0 ? p : first;
                last = p;
            }
        }
        if (first < 0) {
            return out;
        }
        // Positions [from, end) hold every value; cum(q) is the number of values below position q.
        final int end = (last + 1) << PAGE_BITS;
        int from = first << PAGE_BITS;
        int page = first;
        long beforePage = 0;
        long below = 0;
        for (int c = 0; c + 1 < classes; c++) {
            int a = from;
            int b = end;
            while (a < b) {
                final int mid = (a + b) >>> 1;
                if (classOf.applyAsInt(representative(mid - offset)) > c) {
                    b = mid;
                } else {
                    a = mid + 1;
                }
            }
            while (page < a >>> PAGE_BITS) {
                beforePage += t[page++];
            }
            long cum = beforePage;
            if ((a & (PAGE - 1)) != 0 && pages[page] != null) {
                final int[] counts = pages[page];
                for (int i = 0; i < (a & (PAGE - 1)); i++) {
                    cum += counts[i];
                }
            }
            out[c] = cum - below;
            below = cum;
            from = a;
        }
        out[classes - 1] = count - below;
        return out;
    }

    /** The pages' totals, computed when stale, from the settled counts. */
    private int[] totals() {
        settle();
        if (totals == null) {
            final int[] t = new int[pages.length];
            for (int p = 0; p < pages.length; p++) {
                final int[] page = pages[p];
                if (page != null) {
                    int sum = 0;
                    for (int i = 0; i < PAGE; i++) {
                        sum += page[i];
                    }
                    t[p] = sum;
                }
            }
            totals = t;
        }
        return totals;
    }

    /**
     * Visits every non-empty bucket in increasing order of value.
     *
     * @param visitor receives each bucket's representative value and count
     */
    public void forEachBucket(BucketVisitor visitor) {
        settle();
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
