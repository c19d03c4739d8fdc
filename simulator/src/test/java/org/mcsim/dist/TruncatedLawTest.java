package org.mcsim.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mcsim.model.Dist;

/** Truncation far in a tail keeps full relative accuracy, and values stay inside the bounds. */
class TruncatedLawTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void farUpperTailKeepsFullRelativeAccuracy() {
        // Normal(0, 1) kept on [5.5, ∞): S(5.5) ≈ 1.9e-8, so 1 − F would keep only 8 digits.
        // Reference values: mpmath at 40 digits, solving (S(5.5) − S(x)) / S(5.5) = p with
        // S(x) = erfc(x/√2)/2; mean φ(5.5)/S(5.5). (Commons Statistics 1.2 TruncatedNormal
        // agrees to about 1e-10 only, so it is not the reference here.)
        InputSampler s = Samplers.of(new Dist.Truncated(new Dist.Normal(0, 1), 5.5, INF));
        double[][] pq = {
            {1e-9, 5.500000000176322986}, {1e-4, 5.500017633153601274}, {0.01, 5.5017718361610828465},
            {0.5, 5.620963290125457828}, {0.9, 5.8927628644123926458}, {0.999999, 7.5677337956343627561}};
        for (double[] row : pq) {
            assertEquals(row[1], s.quantile(row[0]), 1e-12 * row[1], "quantile at " + row[0]);
            assertEquals(row[0], s.cdf(row[1]), 1e-12, "cdf at " + row[1]);
        }
        assertEquals(5.6714103138973056227, s.mean(), 1e-13 * 5.67);
        assertEquals(1.8989562465887719384e-8, s.keptProbability(), 1e-14 * 1.9e-8);
    }

    @Test
    void farLowerTailOfLognormal() {
        // Lognormal(0, 1) kept on (0, 0.01]: P ≈ 2.1e-6, all in the lower tail.
        InputSampler s = Samplers.of(new Dist.Truncated(new Dist.LogNormal(0, 1), Double.NEGATIVE_INFINITY, 0.01));
        assertEquals(0.5, s.cdf(s.quantile(0.5)), 1e-12);
        assertTrue(s.mean() > 0 && s.mean() < 0.01);
    }

    @Test
    void valuesStayInsideTheBoundsAtTheExtremes() {
        InputSampler s = Samplers.of(new Dist.Truncated(new Dist.Gamma(3, 2), 1, 2));
        double[] u = {1e-300, 1e-17, 0.5, Math.nextDown(1.0)};
        double[] x = new double[u.length];
        s.inverse(u, x, u.length);
        for (double v : x) {
            assertTrue(v >= 1 && v <= 2, "inside [1, 2]: " + v);
        }
        assertEquals(1, s.quantile(0));
        assertEquals(2, s.quantile(1));
    }
}
