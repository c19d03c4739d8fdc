package org.mcsim.stats;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
        Interval ci = Intervals.mean(of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 0.95);
        double half = 2.262157 * Math.sqrt(55.0 / 6) / Math.sqrt(10);
        assertEquals(5.5 - half, ci.low(), 1e-5);
        assertEquals(5.5 + half, ci.high(), 1e-5);
    }

    @Test
    void meanIntervalDegenerateAndUndefinedCases() {
        assertEquals(Interval.UNDEFINED, Intervals.mean(of(3), 0.95));
        assertEquals(new Interval(2, 2), Intervals.mean(of(2, 2, 2), 0.95));
    }

    @Test
    void wilsonMatchesPublishedValues() {
        // 8/10 at 95%: [0.4902, 0.9433] (Newcombe, Stat. Med. 17, 1998, method 3 tables).
        Interval ci = Intervals.wilson(8, 10, 0.95);
        assertEquals(0.4902, ci.low(), 1e-4);
        assertEquals(0.9433, ci.high(), 1e-4);
        // 0/10: [0, z²/(n+z²)] = [0, 0.2775].
        ci = Intervals.wilson(0, 10, 0.95);
        assertEquals(0.0, ci.low());
        assertEquals(0.2775, ci.high(), 1e-4);
        ci = Intervals.wilson(10, 10, 0.95);
        assertEquals(1.0, ci.high());
        assertEquals(1 - 0.2775, ci.low(), 1e-4);
        assertEquals(Interval.UNDEFINED, Intervals.wilson(0, 0, 0.95));
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
        Interval ci = Intervals.sd(m, 0.9);
        assertEquals(Math.max(0, s - 1.644854 * se), ci.low(), 1e-5);
        assertEquals(s + 1.644854 * se, ci.high(), 1e-5);
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
        Interval ci = Intervals.sd(of(x), 0.95);
        double expectedHalf = 1.959964 * 2 / Math.sqrt(2e6);
        assertEquals(expectedHalf, (ci.high() - ci.low()) / 2, 0.02 * expectedHalf);
        assertEquals(2, (ci.low() + ci.high()) / 2, 5 * expectedHalf / 1.96);
    }

    @Test
    void sdIntervalUndefinedForConstantOrTinySamples() {
        assertEquals(Interval.UNDEFINED, Intervals.sd(of(1, 1, 1, 1, 1), 0.95));
        assertEquals(Interval.UNDEFINED, Intervals.sd(of(1, 2, 3), 0.95));
    }

    @Test
    void replicateIntervalsAreStudentOverTheReplicatesAroundThePooledEstimate() {
        // replicates' mean 3, sd sqrt(2.5), t(0.975, 4) = 2.776445 (standard t table); centred on
        // the pooled estimate, not on the replicates' mean
        Interval ci = Intervals.fromReplicates(3.5, new double[] {1, 2, 3, 4, 5}, 0, 0.95);
        double half = 2.776445 * Math.sqrt(2.5) / Math.sqrt(5);
        assertEquals(3.5 - half, ci.low(), 1e-5);
        assertEquals(3.5 + half, ci.high(), 1e-5);
        assertEquals(Interval.UNDEFINED, Intervals.fromReplicates(1, new double[] {1}, 0, 0.95));
        // a floor on the replicates' variance: identical replicates still get its width
        Interval floored = Intervals.fromReplicates(0.5, new double[] {0.5, 0.5}, 0.01, 0.95);
        assertEquals(12.706205 * 0.1 / Math.sqrt(2), floored.halfWidth(), 1e-5);
        // and without one, the rounding slack of 1e-12 of the estimate, never a zero width
        Interval agreed = Intervals.fromReplicates(2, new double[] {2, 2, 2}, 0, 0.95);
        assertEquals(2e-12, agreed.halfWidth(), 1e-15);
        assertTrue(agreed.contains(2));
    }

    @Test
    void anIntervalRefusesEndsOutOfOrder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Interval(2, 1));
        assertEquals("interval: low 2.0 is above high 1.0", e.getMessage());
        assertFalse(Interval.UNDEFINED.defined());
        assertFalse(Interval.UNDEFINED.contains(0));
    }

    @Test
    void rejectsConfidenceOutsideTheOpenUnitInterval() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Intervals.mean(of(1, 2), 1.0));
        assertEquals("confidence: must be in (0, 1), got 1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Intervals.wilson(1, 2, Double.NaN));
    }
}
