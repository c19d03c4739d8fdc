package org.mcsim.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Ranks with ties averaged, checked against their definition; Spearman of known cases. */
class SpearmanTest {

    /** The definition: 1 + (number of smaller values) + (number of equal others) / 2. O(n²). */
    private static double[] ranksByDefinition(double[] x) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int less = 0;
            int equal = 0;
            for (double v : x) {
                if (v < x[i]) {
                    less++;
                } else if (v == x[i]) {
                    equal++;
                }
            }
            r[i] = less + (equal - 1) / 2.0 + 1;
        }
        return r;
    }

    @Test
    void ranksMatchTheDefinitionWithTiesSignsZerosAndExtremes() {
        SplittableRandom rng = new SplittableRandom(7);
        double[] x = new double[3000];
        for (int i = 0; i < x.length; i++) {
            int kind = rng.nextInt(6);
            x[i] = switch (kind) {
                case 0 -> rng.nextInt(20) - 10; // many ties
                case 1 -> -0.0;
                case 2 -> 0.0;
                case 3 -> rng.nextGaussian() * 1e300;
                case 4 -> rng.nextBoolean() ? Double.MIN_VALUE : -Double.MAX_VALUE;
                default -> rng.nextGaussian();
            };
        }
        assertArrayEquals(ranksByDefinition(x), Spearman.ranks(x, x.length));
    }

    @Test
    void onlyTheFirstNValuesAreRanked() {
        assertArrayEquals(new double[] {2, 1, 3}, Spearman.ranks(new double[] {5, 4, 9, -100}, 3));
    }

    @Test
    void spearmanOfAMonotoneTransformIsOneAndOfItsReverseMinusOne() {
        double[] x = {3, 1, 4, 1.5, 9, 2.6};
        double[] y = new double[x.length];
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.exp(x[i]);
            z[i] = -x[i] * x[i] * x[i];
        }
        assertEquals(1.0, Spearman.of(x, y, x.length));
        assertEquals(-1.0, Spearman.of(x, z, x.length));
    }
}
