package org.mcsim.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuantileSketchTest {
    private static final int N = 100_000;

    private static double[] sample(String law) {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(11L);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = switch (law) {
                case "normal" -> 3 + 2 * z.sample();
                case "lognormal" -> Math.exp(10 + 1.5 * z.sample());
                case "offset" -> 2.788e6 + 3e4 * z.sample();
                case "negative" -> -Math.exp(z.sample());
                case "discrete" -> Math.floor(4 * rng.nextDouble());
                default -> throw new IllegalArgumentException(law);
            };
        }
        return x;
    }

    /** Centred and scaled the way the engine does it: by the first 2048 values. */
    private static QuantileSketch sketchOf(double[] x, double accuracy) {
        Moments m = Moments.create();
        m.accept(x, 2048);
        QuantileSketch s = QuantileSketch.create(m.mean(), m.sd() > 0 ? m.sd() : 1, accuracy);
        s.add(x, x.length);
        return s;
    }

    @ParameterizedTest
    @ValueSource(strings = {"normal", "lognormal", "offset", "negative", "discrete"})
    void everyRankIsWithinTheBoundOfTheExactOrderStatistic(String law) {
        double[] x = sample(law);
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        for (double accuracy : new double[] {1e-2, 1e-4, 1e-6}) {
            QuantileSketch s = sketchOf(x, accuracy);
            long[] ranks = {0, 1, 10, 999, 5000, N / 4, N / 2, 75_001, 95_000, 99_000, N - 2, N - 1};
            double[] got = s.values(ranks);
            for (int i = 0; i < ranks.length; i++) {
                double exact = sorted[(int) ranks[i]];
                double bound = accuracy * Math.max(s.scale(), Math.abs(exact - s.center()));
                assertEquals(exact, got[i], bound, law + " alpha=" + accuracy + " rank " + ranks[i]);
                assertTrue(bound <= s.errorBound(got[i]) * (1 + 1e-12), "bound read at the value covers it");
            }
        }
    }

    @Test
    void combiningInAnyOrderGivesTheSameCountsAsAddingEverything() {
        double[] x = sample("lognormal");
        QuantileSketch whole = sketchOf(x, 1e-5);
        QuantileSketch a = whole.emptyCopy();
        QuantileSketch b = whole.emptyCopy();
        a.add(Arrays.copyOfRange(x, 0, 30_000), 30_000);
        b.add(Arrays.copyOfRange(x, 30_000, N), N - 30_000);
        QuantileSketch ab = whole.emptyCopy();
        ab.combine(a);
        ab.combine(b);
        QuantileSketch ba = whole.emptyCopy();
        ba.combine(b);
        ba.combine(a);
        long[] ranks = {0, 17, N / 3, N / 2, N - 1};
        assertArrayEquals(whole.values(ranks), ab.values(ranks), 0.0);
        assertArrayEquals(whole.values(ranks), ba.values(ranks), 0.0);
        assertEquals(N, ab.count());
    }

    @Test
    void bucketIndexNeverDecreases() {
        QuantileSketch s = QuantileSketch.create(5, 2, 1e-3);
        double[] xs = {-Double.MAX_VALUE, -1e300, -1e6, -3, -2.999, -1, 2.9999, 3, 5, 6.9, 7, 7.001, 1e6, Double.MAX_VALUE};
        for (int i = 1; i < xs.length; i++) {
            assertTrue(s.index(xs[i - 1]) <= s.index(xs[i]), xs[i - 1] + " vs " + xs[i]);
        }
    }

    @Test
    void sketchedHistogramMatchesTheExactOneAwayFromEdges() {
        double[] x = sample("normal");
        QuantileSketch s = sketchOf(x, 1e-6);
        double lo = Arrays.stream(x).min().orElseThrow();
        double hi = Arrays.stream(x).max().orElseThrow();
        long[] exact = Histogram.count(x, N, lo, hi, 40);
        long[] sketched = Histogram.count(s, lo, hi, 40);
        assertEquals(N, Arrays.stream(sketched).sum());
        for (int b = 0; b < 40; b++) {
            // values within the error bound (about 1e-5 here) of an edge may move: a handful at most
            assertEquals(exact[b], sketched[b], 3, "bin " + b);
        }
    }

    @Test
    void parametersAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> QuantileSketch.create(0, 0, 1e-3));
        assertThrows(IllegalArgumentException.class, () -> QuantileSketch.create(0, 1, 1e-7));
        assertThrows(IllegalArgumentException.class, () -> QuantileSketch.create(Double.NaN, 1, 1e-3));
        QuantileSketch a = QuantileSketch.create(0, 1, 1e-3);
        assertThrows(IllegalArgumentException.class, () -> a.combine(QuantileSketch.create(0, 2, 1e-3)));
    }

    @Test
    void serializedFormKeepsEveryBucketAndIsSmall() throws Exception {
        QuantileSketch s = QuantileSketch.create(0, 1, 1e-6);
        java.io.ByteArrayOutputStream empty = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(empty)) {
            out.writeObject(s);
        }
        // the page table of this sketch has hundreds of thousands of slots; none is written
        assertTrue(empty.size() < 1000, "empty sketch serialized to " + empty.size() + " bytes");
        double[] x = sample("normal");
        s.add(x, x.length);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        QuantileSketch back;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            back = (QuantileSketch) in.readObject();
        }
        assertEquals(s.count(), back.count());
        long[] ranks = {0, 1, 500, 50_000, N - 2, N - 1};
        assertArrayEquals(s.values(ranks), back.values(ranks));
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        s.forEachBucket((v, c) -> a.append(v).append(':').append(c).append(' '));
        back.forEachBucket((v, c) -> b.append(v).append(':').append(c).append(' '));
        assertEquals(a.toString(), b.toString());
        back.combine(s);
        assertEquals(2L * N, back.count());
    }

    @Test
    void aCountPastItsSmallCounterCarries() {
        QuantileSketch s = QuantileSketch.create(0, 1, 1e-3);
        int many = 3 * 65_536 + 17;
        double[] same = new double[many];
        Arrays.fill(same, 0.25);
        s.add(same, 1000);
        s.add(same, many - 1000);
        double[] other = {-5, 7};
        s.add(other, 2);
        assertEquals(many + 2, s.count());
        long[] seen = new long[1];
        s.forEachBucket((value, c) -> seen[0] = Math.max(seen[0], c));
        assertEquals(many, seen[0], "the bucket of 0.25 holds every copy");
        assertArrayEquals(new double[] {-5, 0.25, 0.25, 7}, s.values(new long[] {0, 1, many, many + 1}), 1e-2);
        // adding after a read goes on counting from the settled counts
        s.add(same, 65_536);
        s.forEachBucket((value, c) -> seen[0] = Math.max(seen[0], c));
        assertEquals(many + 65_536, seen[0]);
    }

    @Test
    void octavesAndTheirBucketsMeetWithoutGapsOrOverlaps() {
        double alpha = 1e-3;
        QuantileSketch s = QuantileSketch.create(0, 1, alpha);
        int perOctave = (int) Math.ceil(1 / (2 * alpha));
        // the first buckets of the octaves 1, 2, 4, 1024 and both sides of the centre
        for (int e : new int[] {0, 1, 2, 10}) {
            double at = Math.scalb(1.0, e);
            int k = s.index(at);
            assertEquals(s.index(1) + e * perOctave, k, "2^" + e);
            assertEquals(k - 1, s.index(Math.nextDown(at)), "just below 2^" + e);
            assertEquals(-1 - k, s.index(-at), "mirror of 2^" + e);
            // the bucket's midpoint lies within alpha * value of every value of the bucket
            double mid = s.representative(k);
            assertEquals(at, mid, alpha * at);
            assertEquals(Math.nextDown(2 * at), s.representative(s.index(Math.nextDown(2 * at))), alpha * 2 * at);
        }
        assertEquals(s.index(Double.MAX_VALUE) + 1, s.index(Double.POSITIVE_INFINITY), "overflow of y has a bucket");
    }

    @ParameterizedTest
    @ValueSource(strings = {"normal", "lognormal", "offset", "negative", "discrete"})
    void countingByClassEqualsSummingEveryBucket(String law) {
        double[] x = sample(law);
        double lo = Arrays.stream(x).min().orElseThrow();
        double hi = Arrays.stream(x).max().orElseThrow();
        for (double accuracy : new double[] {1e-2, 1e-6}) {
            QuantileSketch s = sketchOf(x, accuracy);
            for (int classes : new int[] {1, 2, 7, 50, 1000}) {
                java.util.function.DoubleToIntFunction classOf = v -> Math.min(classes - 1,
                    (int) Math.floor((Math.min(hi, Math.max(lo, v)) - lo) * classes / (hi - lo)));
                long[] want = new long[classes];
                s.forEachBucket((value, c) -> want[classOf.applyAsInt(value)] += c);
                assertArrayEquals(want, s.countBy(classOf, classes), law + " alpha=" + accuracy + " classes=" + classes);
            }
            // every value in one class, and a class boundary beyond every bucket
            assertArrayEquals(new long[] {0, N, 0}, s.countBy(v -> 1, 3));
            assertArrayEquals(new long[] {N, 0}, s.countBy(v -> v > 1e300 ? 1 : 0, 2));
        }
        assertArrayEquals(new long[] {0, 0}, QuantileSketch.create(0, 1, 1e-3).countBy(v -> 0, 2), "empty sketch");
    }

    @Test
    void valuesReadBackNeverDecreaseAcrossTheEdgesOfTheLinearBuckets() {
        // 1/(2 alpha) just below an integer: the outermost linear buckets reach almost 2 alpha past ±1
        for (double alpha : new double[] {1 / (2 * 499.999), 1 / (2 * 500.0), 1 / (2 * 500.001), 1e-3, 3.7e-6}) {
            QuantileSketch s = QuantileSketch.create(0, 1, alpha);
            int up = s.index(1);
            int down = s.index(-1);
            for (int k : new int[] {up - 2, up - 1, up, down - 1, down, down + 1}) {
                assertTrue(s.representative(k) < s.representative(k + 1), "alpha=" + alpha + " bucket " + k);
            }
            double inner = s.representative(up - 1);
            double outer = s.representative(down + 1);
            assertTrue(inner < 1 && outer > -1, "the outermost linear buckets read back inside (-1, 1)");
            assertEquals(Math.nextDown(1.0), inner, alpha, "within alpha of the values it holds");
        }
    }
}
