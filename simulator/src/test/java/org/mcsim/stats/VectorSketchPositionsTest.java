package org.mcsim.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import jdk.incubator.vector.DoubleVector;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The vector positions of a sketch are its plain positions ({@link QuantileSketch#index} plus the
 * offset), integer for integer: for sketches from the finest accuracy to the coarsest, on values
 * spread over both sides of the centre, on values at and next to the edges of linear and
 * logarithmic buckets (where the exact floor of a rounded product decides), and on special values.
 * The kernel runs interpreted first and compiled later in each check, and again in child JVMs
 * whose vectors are 256 and 128 bits wide, as on CPUs without AVX-512.
 */
class VectorSketchPositionsTest {
    private static final VectorSketchPositions POSITIONS = new VectorSketchPositions();
    private static final double[] ACCURACIES = {QuantileSketch.MIN_ACCURACY, 3.3e-6, 1e-5, 2.9e-4, 1e-3, 0.037, 0.1};

    /** Checks every whole vector of x[from..from+n) against the plain positions; returns how many were compared. */
    private static int check(QuantileSketch sketch, double[] x, int from, int n) {
        long[] plain = new long[n];
        long[] vector = new long[n];
        sketch.plainPositions(x, from, n, plain, 0);
        int whole = POSITIONS.positions(sketch, x, from, n, vector);
        assertTrue(whole <= n && n - whole < DoubleVector.SPECIES_PREFERRED.length(), "whole " + whole + " of " + n);
        for (int i = 0; i < whole; i++) {
            if (plain[i] != vector[i]) {
                double v = x[from + i];
                fail(String.format(Locale.ROOT, "%s: x = %s (%x): plain %d, vector %d", describe(sketch), v,
                    Double.doubleToRawLongBits(v), plain[i], vector[i]));
            }
        }
        return whole;
    }

    private static String describe(QuantileSketch s) {
        return String.format(Locale.ROOT, "sketch(center %s, scale %s, alpha %s)", s.center, 1 / s.invScale,
            s.accuracy());
    }

    /** Values around the centre at several spreads, of both signs, from a fixed generator. */
    private static long spread(UniformRandomProvider rng) {
        long compared = 0;
        double[] x = new double[2048];
        for (double accuracy : ACCURACIES) {
            for (double[] cs : new double[][] {{0, 1}, {1.046, 0.32}, {4e9, 9e8}, {-250, 1e-3}, {1e300, 1e299}}) {
                QuantileSketch sketch = QuantileSketch.create(cs[0], cs[1], accuracy);
                for (int rep = 0; rep < 6; rep++) {
                    for (int i = 0; i < x.length; i++) {
                        double g = Math.sqrt(-2 * Math.log(rng.nextDouble() + 0x1.0p-60))
                            * Math.cos(2 * Math.PI * rng.nextDouble());
                        // a normal around the centre, or far out in either tail
                        double y = rep % 3 == 0 ? g : rep % 3 == 1 ? g * Math.exp(4 * rng.nextDouble()) : 1e3 * g;
                        x[i] = cs[0] + cs[1] * y;
                    }
                    int from = rng.nextInt(5);
                    compared += check(sketch, x, from, x.length - from - rng.nextInt(9));
                }
            }
        }
        return compared;
    }

    /**
     * Values at the edges of buckets and next to them: y = k·2α for linear buckets, and
     * y = ±2^e·(1 + j/M) for logarithmic ones, mapped back to x and nudged by a few ulps.
     */
    private static long edges(UniformRandomProvider rng) {
        long compared = 0;
        double[] x = new double[4096];
        for (double accuracy : ACCURACIES) {
            for (double[] cs : new double[][] {{0, 1}, {1.046, 0.32}, {4e9, 9e8}, {-7, 3}}) {
                QuantileSketch sketch = QuantileSketch.create(cs[0], cs[1], accuracy);
                int m = sketch.perOctave;
                for (int rep = 0; rep < 8; rep++) {
                    for (int i = 0; i < x.length; i++) {
                        double y;
                        if (rng.nextBoolean()) {
                            y = rng.nextInt(-sketch.linear - 2, sketch.linear + 3) * 2 * accuracy;
                        } else {
                            y = Math.scalb(1 + (double) rng.nextInt(m + 1) / m, rng.nextInt(-2, 60))
                                * (rng.nextBoolean() ? 1 : -1);
                        }
                        double v = cs[0] + cs[1] * y;
                        for (int nudge = rng.nextInt(-3, 4); nudge != 0; nudge -= Integer.signum(nudge)) {
                            v = nudge > 0 ? Math.nextUp(v) : Math.nextDown(v);
                        }
                        x[i] = v;
                    }
                    compared += check(sketch, x, 0, x.length);
                }
            }
        }
        return compared;
    }

    /** Zeros, the centre itself, the extremes of the doubles, subnormals, and y overflowing to ±∞. */
    private static long specials() {
        double[] values = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
            -Double.MAX_VALUE, 1, -1, 0.5, 1e-300, -1e-300, 1e300, -1e300};
        long compared = 0;
        for (double accuracy : ACCURACIES) {
            for (double[] cs : new double[][] {{0, 1}, {0, 1e-300}, {-0.0, 2}, {1, 1e-5}, {-1e300, 1e300}}) {
                QuantileSketch sketch = QuantileSketch.create(cs[0], cs[1], accuracy);
                double[] x = new double[values.length * 8];
                for (int i = 0; i < x.length; i++) {
                    x[i] = values[(i * 7 + i / values.length) % values.length];
                }
                x[3] = cs[0];
                compared += check(sketch, x, 0, x.length);
            }
        }
        return compared;
    }

    @Test
    void spreadValuesGetThePlainPositions() {
        assertTrue(spread(RandomSource.XO_RO_SHI_RO_128_PP.create(20261204L)) > 400_000);
    }

    @Test
    void bucketEdgesGetThePlainPositions() {
        assertTrue(edges(RandomSource.XO_RO_SHI_RO_128_PP.create(77L)) > 800_000);
    }

    @Test
    void specialValuesGetThePlainPositions() {
        assertTrue(specials() > 0);
    }

    /**
     * Once the warm-up has handed over, {@link QuantileSketch#add} places whole vectors with the
     * vector positions: the same counts as values added one at a time (which the plain positions place).
     */
    @Test
    void aWarmSketchCountsAsThePlainPositionsDo() throws InterruptedException {
        BlockSums.awaitVectorPass(60_000);
        assumeTrue(BlockSums.positionsReady(), "no warm vector positions in this JVM");
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        double[] x = new double[100_003];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1e9 * Math.exp(0.3 * Math.sqrt(-2 * Math.log(rng.nextDouble() + 0x1.0p-60))
                * Math.cos(2 * Math.PI * rng.nextDouble()));
        }
        QuantileSketch blocks = QuantileSketch.create(1.04e9, 3e8, 1e-5);
        QuantileSketch single = blocks.emptyCopy();
        blocks.add(x, x.length);
        for (int i = 0; i < x.length; i++) {
            single.add(x, i, 1);
        }
        long[] ranks = new long[1001];
        for (int k = 0; k < ranks.length; k++) {
            ranks[k] = Math.min(x.length - 1, k * 100L);
        }
        assertEquals(x.length, blocks.count());
        assertArrayEquals(single.values(ranks), blocks.values(ranks));
        int bins = 1000;
        assertArrayEquals(single.countBy(v -> Math.min(bins - 1, Math.max(0, (int) ((v - 5e8) / 2e6))), bins),
            blocks.countBy(v -> Math.min(bins - 1, Math.max(0, (int) ((v - 5e8) / 2e6))), bins));
    }

    @Test
    void with256BitVectorsThePositionsAreThePlainOnes() throws Exception {
        VectorChildJvm.at256Bits(VectorSketchPositionsTest.class);
    }

    @Test
    void with128BitVectorsThePositionsAreThePlainOnes() throws Exception {
        VectorChildJvm.at128Bits(VectorSketchPositionsTest.class);
    }


    /**
     * The checks, in a child JVM: {@code args[0]} is the number of lanes its vectors must hold.
     *
     * @param args the expected lanes
     */
    public static void main(String[] args) {
        int lanes = DoubleVector.SPECIES_PREFERRED.length();
        if (lanes != Integer.parseInt(args[0])) {
            System.out.println("vectors of " + lanes + " lanes, not " + args[0]);
            System.exit(2);
        }
        try {
            spread(RandomSource.XO_RO_SHI_RO_128_PP.create(5L));
            edges(RandomSource.XO_RO_SHI_RO_128_PP.create(6L));
            specials();
        } catch (AssertionError e) {
            System.out.println(e.getMessage());
            System.exit(1);
        }
        System.out.println("checked " + lanes + " lanes");
    }
}
