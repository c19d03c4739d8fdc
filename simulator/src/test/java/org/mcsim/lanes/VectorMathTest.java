package org.mcsim.lanes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
    private static final List<VectorSpecies<Double>> SPECIES =
            List.of(DoubleVector.SPECIES_PREFERRED, DoubleVector.SPECIES_256, DoubleVector.SPECIES_128);

    /** Applies a kernel to whole vectors of one species. */
    private interface Loop {
        void run(VectorSpecies<Double> species, double[] xs, double[] out);
    }

    private static void assertSameBits(String name, double[] xs, DoubleUnaryOperator scalar, Loop vector) {
        for (VectorSpecies<Double> species : SPECIES) {
            double[] out = new double[xs.length];
            int n = species.loopBound(xs.length);
            vector.run(species, xs, out);
            int mismatches = 0;
            StringBuilder first = new StringBuilder();
            for (int i = 0; i < n; i++) {
                double expected = scalar.applyAsDouble(xs[i]);
                boolean same = Double.doubleToRawLongBits(expected) == Double.doubleToRawLongBits(out[i])
                        || Double.isNaN(expected) && Double.isNaN(out[i]);
                if (!same && mismatches++ < 5) {
                    first.append(String.format(java.util.Locale.ROOT, "%n  x = %s (%s): scalar %s, vector %s",
                            xs[i], Double.toHexString(xs[i]), expected, out[i]));
                }
            }
            if (mismatches > 0) {
                fail(name + " on " + species + ": " + mismatches + " of " + n + " lanes differ" + first);
            }
            assertEquals(n, xs.length, "the arrays are a multiple of every vector length");
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

    /** The values, then the edge cases each repeated, shuffled together. */
    private static double[] mixed(long seed, ToDoubleFunction<SplittableRandom> random, double[] edges) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Double> all = new ArrayList<>();
        for (int i = 0; i < RANDOM; i++) {
            // one value in four is a random bit pattern: any sign, exponent, NaN payload
            all.add(i % 4 == 3 ? Double.longBitsToDouble(rnd.nextLong()) : random.applyAsDouble(rnd));
        }
        for (int copy = 0; copy < 4; copy++) {
            for (double e : edges) {
                all.add(e);
            }
        }
        while (all.size() % 64 != 0) {
            all.add(0.5);
        }
        double[] xs = all.stream().mapToDouble(Double::doubleValue).toArray();
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

    private static double[] array(List<Double> list) {
        return list.stream().mapToDouble(Double::doubleValue).toArray();
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
        double[] xs = mixed(1L, r -> -760.0 + 1480.0 * r.nextDouble(), array(edges));
        assertSameBits("exp", xs, LaneMath::exp, VectorMathTest::exp);
    }

    @Test
    void logHasTheBitsOfLaneMath() {
        List<Double> edges = commonEdges();
        around(edges, 2000, Double.MIN_NORMAL, Double.MIN_VALUE, 1.0, Math.sqrt(0.5), Math.sqrt(2.0),
                Double.MAX_VALUE);
        double[] xs = mixed(2L, r -> Math.scalb(r.nextDouble(), r.nextInt(-1080, 1030)), array(edges));
        assertSameBits("log", xs, LaneMath::log, VectorMathTest::log);
    }

    @Test
    void normalQuantileHasTheBitsOfLaneMath() {
        List<Double> edges = commonEdges();
        double far = StrictMath.exp(-25.0);
        around(edges, 2000, 0.075, 0.925, 0.5 - 0.425, 0.5 + 0.425, far, 1.0 - far, 0.5, 1.0, 0.0,
                Math.nextDown(1.0), Double.MIN_VALUE);
        double[] xs = mixed(3L, r -> switch (r.nextInt(4)) {
            case 0 -> Math.scalb(r.nextDouble(), -r.nextInt(1080));
            case 1 -> 1.0 - Math.scalb(r.nextDouble(), -r.nextInt(60));
            default -> r.nextDouble();
        }, array(edges));
        assertSameBits("normalQuantile", xs, LaneMath::normalQuantile, VectorMathTest::normalQuantile);
    }
}
