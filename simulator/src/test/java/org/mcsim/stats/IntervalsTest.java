package org.mcsim.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class IntervalsTest {

    private static Moments of(double... x) {
        Moments m = Moments.create();
        m.accept(x, x.length);
        return m;
    }

    @Test
    void studentIntervalMatchesTableValue() {
        // 1..10: mean 5.5, s = sqrt(55/6); t(0.975, 9) = 2.262157 (standard t table).
        double[] ci = Intervals.mean(of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 0.95);
        double half = 2.262157 * Math.sqrt(55.0 / 6) / Math.sqrt(10);
        assertEquals(5.5 - half, ci[0], 1e-5);
        assertEquals(5.5 + half, ci[1], 1e-5);
    }

    @Test
    void meanIntervalDegenerateAndUndefinedCases() {
        assertNull(Intervals.mean(of(3), 0.95));
        assertArrayEquals(new double[] {2, 2}, Intervals.mean(of(2, 2, 2), 0.95));
    }

    @Test
    void wilsonMatchesPublishedValues() {
        // 8/10 at 95%: [0.4902, 0.9433] (Newcombe, Stat. Med. 17, 1998, method 3 tables).
        double[] ci = Intervals.wilson(8, 10, 0.95);
        assertEquals(0.4902, ci[0], 1e-4);
        assertEquals(0.9433, ci[1], 1e-4);
        // 0/10: [0, z²/(n+z²)] = [0, 0.2775].
        ci = Intervals.wilson(0, 10, 0.95);
        assertEquals(0.0, ci[0]);
        assertEquals(0.2775, ci[1], 1e-4);
        ci = Intervals.wilson(10, 10, 0.95);
        assertEquals(1.0, ci[1]);
        assertEquals(1 - 0.2775, ci[0], 1e-4);
        assertNull(Intervals.wilson(0, 0, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Intervals.wilson(11, 10, 0.95));
    }

    @Test
    void zIsTheNormalQuantile() {
        assertEquals(1.959964, Intervals.z(0.95), 1e-6);
        assertEquals(2.575829, Intervals.z(0.99), 1e-6);
    }

    @Test
    void sdIntervalFollowsTheDeltaFormula() {
        double[] x = {1, 2, 4, 8, 16};
        Moments m = of(x);
        double s = m.sd();
        double n = 5;
        double mean = 31 / n;
        double m4 = 0;
        for (double v : x) {
            m4 += Math.pow(v - mean, 4) / n;
        }
        double se = Math.sqrt((m4 - Math.pow(s, 4) * (n - 3) / (n - 1)) / n) / (2 * s);
        double[] ci = Intervals.sd(m, 0.9);
        assertEquals(Math.max(0, s - 1.644854 * se), ci[0], 1e-5);
        assertEquals(s + 1.644854 * se, ci[1], 1e-5);
    }

    @Test
    void sdIntervalForNormalDataHasTheNormalTheoryWidth() {
        // For normal data se(s) -> sigma/sqrt(2n); at n = 1e6 the kurtosis estimate is within
        // a few percent, so the half-width agrees with 1.96·2/sqrt(2e6) to 2%.
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] x = new double[1_000_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 3 + 2 * g.sample();
        }
        double[] ci = Intervals.sd(of(x), 0.95);
        double expectedHalf = 1.959964 * 2 / Math.sqrt(2e6);
        assertEquals(expectedHalf, (ci[1] - ci[0]) / 2, 0.02 * expectedHalf);
        assertEquals(2, (ci[0] + ci[1]) / 2, 5 * expectedHalf / 1.96);
    }

    @Test
    void sdIntervalUndefinedForConstantOrTinySamples() {
        assertNull(Intervals.sd(of(1, 1, 1, 1, 1), 0.95));
        assertNull(Intervals.sd(of(1, 2, 3), 0.95));
    }

    @Test
    void replicateIntervals() {
        // mean 3, sd sqrt(2.5), t(0.975, 4) = 2.776445 (standard t table).
        double[] ci = Intervals.meanFromReplicates(new double[] {1, 2, 3, 4, 5}, 0.95);
        double half = 2.776445 * Math.sqrt(2.5) / Math.sqrt(5);
        assertEquals(3 - half, ci[0], 1e-5);
        assertEquals(3 + half, ci[1], 1e-5);
        double[] p = Intervals.proportionFromReplicates(new double[] {0, 0.01, 0, 0.02}, 0.95);
        assertEquals(0.0, p[0]);
        assertNull(Intervals.meanFromReplicates(new double[] {1}, 0.95));
        assertArrayEquals(new double[] {0.5, 0.5}, Intervals.proportionFromReplicates(new double[] {0.5, 0.5}, 0.9));
    }

    @Test
    void rejectsConfidenceOutsideTheOpenUnitInterval() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Intervals.mean(of(1, 2), 1.0));
        assertEquals("confidence: must be in (0, 1), got 1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Intervals.wilson(1, 2, Double.NaN));
    }
}
