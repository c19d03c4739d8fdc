package org.mcsim.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mcsim.lanes.LaneFills;
import org.mcsim.lanes.Lanes;
import org.mcsim.lanes.PlainTableLookup;
import org.mcsim.lanes.TableLookup;
import org.mcsim.model.Dist;

/**
 * The column evaluations of {@link InverseTable} ({@link TableLookup}): the plain one and the
 * Vector API one give the bits of the scalar {@link InverseTable#value} for every uniform, over a
 * million per law, both tails down to 2^−54 and up to 1 − 2^−53, 1/2 exactly, the knots and the
 * doubles beside them, whatever the column length and also in place (u and out the same array).
 */
class TableLookupTest {
    static Stream<Dist> laws() {
        return Stream.of(
            new Dist.Pert(1, 3, 10, 4),
            new Dist.Beta(2, 5, 0, 1),
            new Dist.Beta(0.5, 0.5, -1, 1),
            new Dist.Truncated(new Dist.Normal(0, 1), -1, 2),
            new Dist.Mixture(List.of(new Dist.Component(1, new Dist.Normal(0, 1)),
                new Dist.Component(2, new Dist.Normal(5, 2)))),
            new Dist.Gamma(2.5, 3),
            new Dist.Gamma(0.4, 3),
            // a spike beside a lognormal: intervals split in sub-intervals and inverted exactly
            new Dist.Mixture(List.of(new Dist.Component(1, new Dist.Normal(0, 1e-3)),
                new Dist.Component(1, new Dist.LogNormal(3, 1)))));
    }

    /** Over a million uniforms: open uniforms, every binade's tails on both sides, knots and their neighbours. */
    static double[] uniforms() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 1 << 20;
        double[] u = new double[n + 4 * InverseTable.INTERVALS_PER_SIDE * 3 + 8];
        int m = 0;
        for (int i = 0; i < n; i++) {
            double p = ((r.nextLong() >>> 12) + 0.5) * 0x1.0p-52;
            switch (i % 4) {
                case 0 -> u[m++] = p;
                case 1 -> u[m++] = Math.scalb(p, -r.nextInt(60));
                case 2 -> u[m++] = 1 - Math.scalb(p, -r.nextInt(60));
                default -> u[m++] = r.nextBoolean() ? 0.5 : Math.scalb(1, -r.nextInt(34, 56));
            }
        }
        for (int k = 0; k <= InverseTable.INTERVALS_PER_SIDE; k++) {
            double v = InverseTable.knot(k);
            for (double w : new double[] {Math.nextDown(v), v, Math.nextUp(v)}) {
                if (m + 2 <= u.length && w <= 0.5) {
                    u[m++] = w;
                    u[m++] = 1 - w;
                }
            }
        }
        u[m++] = 0x1.0p-54;
        u[m++] = 1 - 0x1.0p-53;
        u[m++] = 0.5;
        u[m++] = Math.nextDown(0.5);
        u[m++] = Math.nextUp(0.5);
        u[m++] = 0x1.0p-32;
        u[m++] = Math.nextDown(0x1.0p-32);
        return java.util.Arrays.copyOf(u, m);
    }

    @ParameterizedTest
    @MethodSource("laws")
    void plainAndVectorColumnsHaveTheScalarBits(Dist dist) {
        InverseTable table = Samplers.law(dist).table();
        double[] u = uniforms();
        double[] scalar = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            scalar[i] = table.value(u[i]);
        }
        check(table, PlainTableLookup.INSTANCE, u, scalar, dist + " plain");
        TableLookup vector = LaneFills.vectorTables();
        assumeTrue(vector != null, "vector kernels unavailable here: " + Lanes.describe());
        check(table, vector, u, scalar, dist + " vector");
    }

    /**
     * Plain draws of a tabulated law are its table at the lanes' open uniforms: the values common
     * random numbers get from the same lanes by inversion, with either fill and either evaluation,
     * and the first values do not depend on the column length.
     */
    @ParameterizedTest
    @MethodSource("laws")
    void laneDrawsAreTheTableAtTheLanesUniforms(Dist dist) {
        Law law = Samplers.law(dist);
        LaneSampled lanes = (LaneSampled) law;
        long[] seed = new long[org.mcsim.lanes.LaneFill.STATE_LENGTH];
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < seed.length; i++) {
            seed[i] = r.nextLong();
        }
        int n = 1000;
        double[] u = new double[n];
        LaneFills.plain().uniforms(seed.clone(), u, n);
        double[] inverted = new double[n];
        law.inverse(u, inverted, n);
        double[] drawn = new double[n];
        lanes.sampleLanes(LaneFills.plain(), seed.clone(), drawn, n);
        assertBits(inverted, drawn, u, 0, n, dist + " plain fill");
        double[] shorter = new double[37];
        lanes.sampleLanes(LaneFills.plain(), seed.clone(), shorter, 37);
        assertBits(inverted, shorter, u, 0, 37, dist + " 37 values");
        assumeTrue(LaneFills.vector() != null, "vector kernels unavailable here: " + Lanes.describe());
        double[] vector = new double[n];
        lanes.sampleLanes(LaneFills.vector(), seed.clone(), vector, n);
        assertBits(inverted, vector, u, 0, n, dist + " vector fill");
    }

    private static void check(InverseTable table, TableLookup lookup, double[] u, double[] scalar, String what) {
        double[] out = new double[u.length];
        table.map(lookup, u, out, u.length);
        assertBits(scalar, out, u, 0, u.length, what);
        double[] inPlace = u.clone();
        table.map(lookup, inPlace, inPlace, u.length);
        assertBits(scalar, inPlace, u, 0, u.length, what + " in place");
        // short columns: every tail length of the vector loop, from an offset
        for (int n = 0; n <= 19; n++) {
            double[] shortOut = new double[n];
            double[] shortU = java.util.Arrays.copyOfRange(u, 1000 + n, 1000 + 2 * n);
            table.map(lookup, shortU, shortOut, n);
            for (int i = 0; i < n; i++) {
                assertEquals(Double.doubleToRawLongBits(scalar[1000 + n + i]),
                    Double.doubleToRawLongBits(shortOut[i]), what + " n = " + n + " at u = " + shortU[i]);
            }
        }
    }

    private static void assertBits(double[] expected, double[] actual, double[] u, int from, int to, String what) {
        for (int i = from; i < to; i++) {
            if (Double.doubleToRawLongBits(expected[i]) != Double.doubleToRawLongBits(actual[i])) {
                assertEquals(expected[i], actual[i], what + " at u = " + u[i] + " (index " + i + ")");
                assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    what + " sign of zero at u = " + u[i]);
            }
        }
    }
}
