package org.mcsim.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mcsim.model.Dist;

/** The mixture quantile is the smallest double x with F(x) >= u, atoms included. */
class MixtureLawTest {

    @Test
    void quantileIsSmallestDoubleReachingTheProbability() {
        InputSampler smooth = Samplers.of(Cases.mixture(new Dist.Normal(0, 1), new Dist.LogNormal(3, 1), 2, 1));
        InputSampler atoms = Samplers.of(Cases.mixture(new Dist.Gamma(2, 1),
                new Dist.Discrete(new double[] {1, 2.5}, new double[] {1, 3}), 1, 1));
        for (InputSampler s : new InputSampler[] {smooth, atoms}) {
            for (int i = 1; i < 1000; i++) {
                double u = i / 1000.0 - 1e-4;
                double x = s.quantile(u);
                assertTrue(s.cdf(x) >= u, "F(x) >= u at u = " + u);
                assertTrue(s.cdf(Math.nextDown(x)) < u, "F(x⁻) < u at u = " + u);
            }
        }
    }

    @Test
    void quantileLandsExactlyOnAtoms() {
        // 0.5 Gamma(2,1) + 0.5 {1: 1/4, 2.5: 3/4}; F jumps by 1/8 at 1 and by 3/8 at 2.5.
        InputSampler s = Samplers.of(Cases.mixture(new Dist.Gamma(2, 1),
                new Dist.Discrete(new double[] {1, 2.5}, new double[] {1, 3}), 1, 1));
        double below = s.cdf(Math.nextDown(2.5));
        double at = s.cdf(2.5);
        assertEquals(0.375, at - below, 1e-15);
        for (int i = 1; i < 100; i++) {
            assertEquals(2.5, s.quantile(below + (at - below) * i / 100.0));
        }
        assertEquals(2.5, s.quantile(at));
    }

    @Test
    void meanIsWeightedComponentMeans() {
        InputSampler s = Samplers.of(Cases.mixture(new Dist.Exponential(2), new Dist.Uniform(0, 10), 1, 3));
        assertEquals(0.25 * 2 + 0.75 * 5, s.mean(), 1e-15);
    }

    @Test
    void ordinalMidpointSplitsTheDoublesBetween() {
        assertEquals(1.5, MixtureLaw.ordinalMidpoint(1, 2));
        assertEquals(0.0, MixtureLaw.ordinalMidpoint(-Double.MIN_VALUE, Double.MIN_VALUE), 0);
        double m = MixtureLaw.ordinalMidpoint(-1e300, 1e-300);
        assertTrue(m > -1e300 && m < 1e-300);
        assertEquals(Math.nextUp(1.0), MixtureLaw.ordinalMidpoint(1, Math.nextUp(Math.nextUp(1.0))));
    }

    @Test
    void aManyComponentMixtureFromItsTableIsStillTheSmallestDoubleReachingTheProbability() {
        // 40 components: the search is bracketed by the knot table (MixtureLaw.TABLE_FROM)
        double[] weights = new double[40];
        Law[] components = new Law[40];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int i = 0; i < components.length; i++) {
            weights[i] = 0.5 + rng.nextDouble();
            components[i] = (Law) Samplers.of(new Dist.Normal(rng.nextDouble() * 100, 1 + rng.nextDouble() * 4));
        }
        MixtureLaw m = new MixtureLaw(weights, components);
        for (int i = 1; i < 2000; i++) {
            double u = i / 2000.0 - 1e-5;
            double x = m.quantile(u);
            assertTrue(m.cdf(x) >= u && m.cdf(Math.nextDown(x)) < u, "lower side at u = " + u);
            double y = m.inverseSurvival(u);
            assertTrue(u - m.survival(y) >= 0 && u - m.survival(Math.nextDown(y)) < 0, "upper side at q = " + u);
        }
        assertEquals(Double.NEGATIVE_INFINITY, m.quantile(0), "p = 0 is the lowest component quantile, not the table");
    }

    @Test
    void skippingComponentsThatAreExactlyZeroOrOneChangesNoBit() {
        // far from a component its CDF and survival are exactly 0 or 1, and the mixture skips
        // evaluating them: the sums must be those of evaluating every component
        double[] weights = new double[300];
        Law[] components = new Law[300];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        for (int i = 0; i < components.length; i++) {
            weights[i] = 0.5 + rng.nextDouble();
            components[i] = (Law) Samplers.of(i % 3 == 0 ? new Dist.Uniform(i, i + 2)
                : i % 3 == 1 ? new Dist.Normal(i * 0.37, 1 + i % 5) : new Dist.LogNormal(1 + i % 4, 0.5));
        }
        MixtureLaw m = new MixtureLaw(weights, components);
        double largest = java.util.Arrays.stream(weights).max().orElseThrow();
        for (int j = -2000; j <= 4000; j++) {
            double x = j * 0.0731;
            double cdf = 0;
            double survival = 0;
            double sum = 0;
            for (int i = 0; i < components.length; i++) {
                cdf += weights[i] / largest * components[i].cdf(x);
                survival += weights[i] / largest * components[i].survival(x);
                sum += weights[i] / largest;
            }
            assertEquals(Double.doubleToLongBits(cdf / sum), Double.doubleToLongBits(m.cdf(x)), "F at " + x);
            assertEquals(Double.doubleToLongBits(survival / sum), Double.doubleToLongBits(m.survival(x)), "S at " + x);
        }
    }

    @Test
    void lastWhereFindsTheEdgeOfADownSetOfDoubles() {
        assertEquals(2.5, MixtureLaw.lastWhere(x -> x <= 2.5));
        assertEquals(Math.nextDown(0.0), MixtureLaw.lastWhere(x -> x < 0), 0.0);
        assertEquals(Double.NEGATIVE_INFINITY, MixtureLaw.lastWhere(x -> false));
        assertEquals(Double.POSITIVE_INFINITY, MixtureLaw.lastWhere(x -> true));
    }
}
