package org.mcsim.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class FastExpTest {

    private static double ulps(double got, double want) {
        return Math.abs(got - want) / Math.ulp(want);
    }

    @Test
    void withinTwoUlpOfTheExactExponentialOverTheWholeRange() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(5L);
        double worst = 0;
        for (int i = 0; i < 2_000_000; i++) {
            // wide range and the range of lognormal samples
            double x = i % 2 == 0 ? -699.9 + 1399.8 * rng.nextDouble() : 10 + 3 * (rng.nextDouble() - 0.5);
            worst = Math.max(worst, ulps(FastExp.exp(x), StrictMath.exp(x)));
        }
        assertTrue(worst <= 2, "worst error " + worst + " ulp");
    }

    @Test
    void exactPointsAndEdgesFallBackToMathExp() {
        assertEquals(1.0, FastExp.exp(0), 0.0);
        assertEquals(2.0, FastExp.exp(Math.log(2)), Math.ulp(2.0));
        assertEquals(Math.exp(709.5), FastExp.exp(709.5), 0.0);
        assertEquals(Math.exp(-740), FastExp.exp(-740), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, FastExp.exp(1000), 0.0);
        assertEquals(0.0, FastExp.exp(Double.NEGATIVE_INFINITY), 0.0);
        assertTrue(Double.isNaN(FastExp.exp(Double.NaN)));
    }
}
