package org.mcsim.lanes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorMath} gives, lane by lane, the bits of {@link LaneMath}, for vectors of 2, 4 and
 * the preferred number of lanes, over random doubles of the whole range, random bit patterns and
 * edge cases mixed among them (so that vectors hold special and ordinary lanes together).
 */
class VectorMathTest {
    private static final int RANDOM = 1 << 20;
    /** Below this p (and above 1 - FAR) AS 241 uses its far-tail function. */
    private static final double FAR = StrictMath.exp(-25.0);
    private static final List<VectorSpecies<Double>> SPECIES =
            List.of(DoubleVector.SPECIES_PREFERRED, DoubleVector.SPECIES_256, DoubleVector.SPECIES_128);

    /** Applies a kernel to whole vectors of one species. */
    private interface Loop {
        void run(VectorSpecies<Double> species, double[] xs, double[] out);
    }

    /**
     * Compares every value for the preferred species, all but the bulk for 256- and 128-bit
     * vectors: the test methods compile VectorMath for three species, which C2 then cannot keep
     * inlined, and the fallback code is slow.
     */
    private static void assertSameBits(String name, Values values, DoubleUnaryOperator scalar, Loop vector) {
        for (VectorSpecies<Double> species : SPECIES) {
            double[] xs = values.xs();
            if (species != DoubleVector.SPECIES_PREFERRED) {
                double[] bulk = Arrays.copyOfRange(xs, values.bulkFrom(), values.bulkTo());
                xs = new double[xs.length - bulk.length];
                System.arraycopy(values.xs(), 0, xs, 0, values.bulkFrom());
                System.arraycopy(values.xs(), values.bulkTo(), xs, values.bulkFrom(), xs.length - values.bulkFrom());
            }
            double[] out = new double[xs.length];
            vector.run(species, xs, out);
            int mismatches = 0;
            StringBuilder first = new StringBuilder();
            for (int i = 0; i < xs.length; i++) {
                double expected = scalar.applyAsDouble(xs[i]);
                boolean same = Double.doubleToRawLongBits(expected) == Double.doubleToRawLongBits(out[i])
                        || Double.isNaN(expected) && Double.isNaN(out[i]);
                if (!same && mismatches++ < 5) {
                    first.append(String.format(java.util.Locale.ROOT, "%n  x = %s (%s): scalar %s, vector %s",
                            xs[i], Double.toHexString(xs[i]), expected, out[i]));
                }
            }
            if (mismatches > 0) {
                fail(name + " on " + species + ": " + mismatches + " of " + xs.length + " lanes differ" + first);
            }
        }
    }

    // One loop per species, each naming its species as a constant: only then does C2 compile the
    // Vector API calls to vector instructions instead of the slow generic fallback.

    private static void exp(VectorSpecies<Double> species, double[] xs, double[] out) {
        if (species == DoubleVector.SPECIES_128) {
            for (int i = 0; i < xs.length; i += 2) {
                VectorMath.exp(DoubleVector.fromArray(DoubleVector.SPECIES_128, xs, i)).intoArray(out, i);
            }
        } else if (species == DoubleVector.SPECIES_256) {
            for (int i = 0; i < xs.length; i += 4) {
                VectorMath.exp(DoubleVector.fromArray(DoubleVector.SPECIES_256, xs, i)).intoArray(out, i);
            }
        } else {
            for (int i = 0; i < xs.length; i += DoubleVector.SPECIES_PREFERRED.length()) {
                VectorMath.exp(DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, xs, i)).intoArray(out, i);
            }
        }
    }

    private static void log(VectorSpecies<Double> species, double[] xs, double[] out) {
        if (species == DoubleVector.SPECIES_128) {
            for (int i = 0; i < xs.length; i += 2) {
                VectorMath.log(DoubleVector.fromArray(DoubleVector.SPECIES_128, xs, i)).intoArray(out, i);
            }
        } else if (species == DoubleVector.SPECIES_256) {
            for (int i = 0; i < xs.length; i += 4) {
                VectorMath.log(DoubleVector.fromArray(DoubleVector.SPECIES_256, xs, i)).intoArray(out, i);
            }
        } else {
            for (int i = 0; i < xs.length; i += DoubleVector.SPECIES_PREFERRED.length()) {
                VectorMath.log(DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, xs, i)).intoArray(out, i);
            }
        }
    }

    private static void normalQuantile(VectorSpecies<Double> species, double[] xs, double[] out) {
        if (species == DoubleVector.SPECIES_128) {
            for (int i = 0; i < xs.length; i += 2) {
                VectorMath.normalQuantile(DoubleVector.fromArray(DoubleVector.SPECIES_128, xs, i)).intoArray(out, i);
            }
        } else if (species == DoubleVector.SPECIES_256) {
            for (int i = 0; i < xs.length; i += 4) {
                VectorMath.normalQuantile(DoubleVector.fromArray(DoubleVector.SPECIES_256, xs, i)).intoArray(out, i);
            }
        } else {
            int step = DoubleVector.SPECIES_PREFERRED.length();
            for (int i = 0; i < xs.length; i += step) {
                VectorMath.normalQuantile(DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, xs, i))
                        .intoArray(out, i);
            }
        }
    }

    /**
     * Values to compare: the edge cases of the common path shuffled with 2^16 random values of
     * it, 2^20 more random values (the bulk, {@code bulkFrom} to {@code bulkTo}), then (so that
     * the common path is tested on whole vectors) the other edge cases and random bit patterns
     * (any sign, exponent, NaN payload) shuffled with as many common values. A length that is a
     * multiple of every vector length.
     */
    private record Values(double[] xs, int bulkFrom, int bulkTo) {
    }

    private static Values mixed(long seed, ToDoubleFunction<SplittableRandom> random, List<Double> edges,
            DoublePredicate common) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Double> head = new ArrayList<>();
        List<Double> bulk = new ArrayList<>();
        List<Double> rest = new ArrayList<>();
        for (int i = 0; i < 1 << 16; i++) {
            head.add(random.applyAsDouble(rnd));
        }
        for (double e : edges) {
            (common.test(e) ? head : rest).add(e);
        }
        while (head.size() % 64 != 0) {
            head.add(random.applyAsDouble(rnd));
        }
        for (int i = 0; i < RANDOM; i++) {
            bulk.add(random.applyAsDouble(rnd));
        }
        int rare = rest.size();
        for (int i = 0; i < rare; i++) {
            rest.add(Double.longBitsToDouble(rnd.nextLong()));
            rest.add(random.applyAsDouble(rnd));
        }
        while (rest.size() % 64 != 0) {
            rest.add(random.applyAsDouble(rnd));
        }
        double[] xs = new double[head.size() + bulk.size() + rest.size()];
        int at = 0;
        for (List<Double> part : List.of(head, bulk, rest)) {
            double[] a = shuffled(part, rnd);
            System.arraycopy(a, 0, xs, at, a.length);
            at += a.length;
        }
        return new Values(xs, head.size(), head.size() + bulk.size());
    }

    private static double[] shuffled(List<Double> list, SplittableRandom rnd) {
        double[] xs = list.stream().mapToDouble(Double::doubleValue).toArray();
        for (int i = xs.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            double t = xs[i];
            xs[i] = xs[j];
            xs[j] = t;
        }
        return xs;
    }

    /** Zeros, infinities, NaNs, extremes and every power of two, with both signs. */
    private static List<Double> commonEdges() {
        List<Double> e = new ArrayList<>(List.of(0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.NaN, Double.longBitsToDouble(0x7ff0000000000001L), Double.longBitsToDouble(0xfff8000000000123L),
                Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, 1.0,
                Math.nextUp(1.0), Math.nextDown(1.0), 0.5));
        for (int k = -1074; k <= 1023; k++) {
            e.add(Math.scalb(1.0, k));
            e.add(-Math.scalb(1.0, k));
        }
        int size = e.size();
        for (int i = 0; i < size; i++) {
            e.add(-e.get(i));
        }
        return e;
    }

    /** Runs of consecutive doubles on both sides of each point. */
    private static void around(List<Double> edges, int run, double... points) {
        for (double c : points) {
            double up = c;
            double down = c;
            for (int i = 0; i < run; i++) {
                edges.add(up);
                edges.add(down);
                up = Math.nextUp(up);
                down = Math.nextDown(down);
            }
        }
    }

    @Test
    void expHasTheBitsOfLaneMath() {
        List<Double> edges = commonEdges();
        around(edges, 2000, LaneMath.EXP_MIN, LaneMath.EXP_MAX, 709.782712893384, -708.3964185322641,
                -745.1332191019412, -744.44, 0.0, 0.34657359027997264, -0.34657359027997264, 1.0);
        for (int k = -1080; k <= 1030; k++) {
            edges.add(k * 0.6931471805599453);
            edges.add((k + 0.5) * 0.6931471805599453);
        }
        Values xs = mixed(1L, r -> -746.0 + 1456.0 * r.nextDouble(), edges,
                x -> x >= LaneMath.EXP_MIN && x <= LaneMath.EXP_MAX);
        assertSameBits("exp", xs, LaneMath::exp, VectorMathTest::exp);
        assertBlocks(xs.xs(), LaneMath::exp, VectorMath::exp);
    }

    @Test
    void logHasTheBitsOfLaneMath() {
        List<Double> edges = commonEdges();
        around(edges, 2000, Double.MIN_NORMAL, Double.MIN_VALUE, 1.0, Math.sqrt(0.5), Math.sqrt(2.0),
                Double.MAX_VALUE);
        Values xs = mixed(2L, r -> r.nextInt(4) == 0 ? r.nextDouble()
                : Double.longBitsToDouble(r.nextLong(0x0010000000000000L, 0x7ff0000000000000L)), edges,
                x -> x >= Double.MIN_NORMAL && x < Double.POSITIVE_INFINITY);
        assertSameBits("log", xs, LaneMath::log, VectorMathTest::log);
        assertBlocks(xs.xs(), LaneMath::log, VectorMath::log);
    }

    /** Mostly uniforms; a quarter in the tails down to 2^-35, beyond which AS 241 is in its far region. */
    private static double probability(SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> Math.scalb(1.0 + r.nextDouble(), -3 - r.nextInt(33));
            case 1 -> 1.0 - Math.scalb(1.0 + r.nextDouble(), -3 - r.nextInt(33));
            default -> r.nextDouble();
        };
    }

    private static Values probabilities() {
        List<Double> edges = commonEdges();
        around(edges, 2000, 0.075, 0.925, 0.5 - 0.425, 0.5 + 0.425, FAR, 1.0 - FAR, 0.5, 1.0, 0.0,
                Math.nextDown(1.0), Double.MIN_VALUE);
        return mixed(3L, VectorMathTest::probability, edges, p -> p >= 2 * FAR && p <= 1 - 2 * FAR);
    }

    @Test
    void normalQuantileHasTheBitsOfLaneMath() {
        assertSameBits("normalQuantile", probabilities(), LaneMath::normalQuantile, VectorMathTest::normalQuantile);
    }

    /** A kernel over the first {@code length} values of an array. */
    private interface Block {
        void apply(double[] x, double[] y, int length);
    }

    @Test
    void normalQuantileOfABlockHasTheBitsOfLaneMath() {
        // the blocks of the last part include the far tail and invalid probabilities, which send
        // their block through LaneMath
        assertBlocks(probabilities().xs(), LaneMath::normalQuantile, VectorMath::normalQuantile);
    }

    /**
     * The block form over 2048-value blocks of the values, then over random lengths that leave a
     * remainder, with a rare value at the end and a NaN at the start.
     */
    private static void assertBlocks(double[] values, DoubleUnaryOperator scalar, Block block) {
        for (int from = 0; from < values.length; from += 2048) {
            double[] x = Arrays.copyOfRange(values, from, Math.min(values.length, from + 2048));
            assertBlock(x, x.length, scalar, block);
        }
        SplittableRandom rnd = new SplittableRandom(9L);
        for (int length : new int[] {0, 1, 7, 9, 2047, 2049}) {
            double[] x = new double[length];
            for (int i = 0; i < length; i++) {
                x[i] = values[rnd.nextInt(RANDOM)];
            }
            assertBlock(x, length, scalar, block);
            if (length > 0) {
                x[length - 1] = 1e-300;
                assertBlock(x, length, scalar, block);
                x[0] = Double.NaN;
                assertBlock(x, length, scalar, block);
            }
        }
    }

    private static void assertBlock(double[] x, int length, DoubleUnaryOperator scalar, Block block) {
        double[] y = new double[length + 1];
        y[length] = 42.0;
        block.apply(x, y, length);
        for (int i = 0; i < length; i++) {
            double expected = scalar.applyAsDouble(x[i]);
            if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(y[i])
                    && !(Double.isNaN(expected) && Double.isNaN(y[i]))) {
                fail("x = " + x[i] + " at " + i + " of " + length + ": " + expected + " vs " + y[i]);
            }
        }
        assertEquals(42.0, y[length], "writes only [0, length)");
    }
}
