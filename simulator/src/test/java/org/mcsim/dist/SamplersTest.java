package org.mcsim.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every family, through both faces, against a reference law computed independently (see
 * {@link Cases}). Monte Carlo checks use 200,000 draws from fixed seeds and allow 5 standard
 * errors: 5 sd/√n for the mean, 5 se(s²) for the variance (se from the sample fourth moment,
 * sqrt((m4 − s⁴)/n)), and 5 sqrt(F(1 − F)/n) for the empirical CDF at the true 5%, 50% and 95%
 * quantiles (both P(X &lt;= q) and P(X &lt; q), so atoms are checked too).
 */
class SamplersTest {
    private static final int N = 200_000;
    private static final long SEED = 20240617L;
    private static final double[] LEVELS = {0.05, 0.5, 0.95};

    static List<Cases.Case> cases() {
        return Cases.all();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sampleMatchesReferenceLaw(Cases.Case c) {
        double[] x = new double[N];
        Samplers.of(c.dist()).sample(RandomSource.XO_SHI_RO_256_PP.create(SEED), x, N);
        checkLaw(c.reference(), x);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void inverseOfOpenUniformsMatchesReferenceLaw(Cases.Case c) {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(SEED + 1);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = Samplers.openUniform(rng);
        }
        Samplers.of(c.dist()).inverse(x, x, N);
        checkLaw(c.reference(), x);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void meanQuantileAndCdfAreExact(Cases.Case c) {
        InputSampler s = Samplers.of(c.dist());
        Reference r = c.reference();
        assertEquals(r.mean(), s.mean(), 1e-10 * Math.max(1, Math.abs(r.mean())), "mean");
        for (double p : new double[] {1e-6, 0.01, 0.05, 0.3, 0.5, 0.95, 0.99, 1 - 1e-6}) {
            double q = r.quantile(p);
            assertEquals(q, s.quantile(p), 1e-9 * Math.max(1, Math.abs(q)), "quantile at " + p);
            assertEquals(r.cdf(q), s.cdf(q), 1e-12, "cdf at quantile " + p);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void inverseIsMonotoneUpToTheExtremes(Cases.Case c) {
        double[] u = new double[4000];
        for (int i = 0; i < u.length; i++) {
            u[i] = (i + 0.5) / u.length;
        }
        u[0] = 1e-300;
        u[1] = 1e-17;
        u[u.length - 2] = 1 - 0x1.0p-52;
        u[u.length - 1] = Math.nextDown(1.0);
        double[] x = new double[u.length];
        Samplers.of(c.dist()).inverse(u, x, u.length);
        for (int i = 1; i < x.length; i++) {
            int at = i;
            assertTrue(x[at - 1] <= x[at], () -> "not monotone at u = " + u[at] + ": " + x[at - 1] + " then " + x[at]);
        }
        assertTrue(Double.isFinite(x[0]) && Double.isFinite(x[x.length - 1]), "finite at the extremes");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void shortDrawIsPrefixOfLongDraw(Cases.Case c) {
        InputSampler s = Samplers.of(c.dist());
        double[] longDraw = new double[5000];
        double[] shortDraw = new double[1234];
        s.sample(RandomSource.XO_SHI_RO_256_PP.create(SEED + 2), longDraw, longDraw.length);
        s.sample(RandomSource.XO_SHI_RO_256_PP.create(SEED + 2), shortDraw, shortDraw.length);
        double[] prefix = Arrays.copyOf(longDraw, shortDraw.length);
        assertArrayEquals(prefix, shortDraw);
    }

    private static void checkLaw(Reference r, double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= N;
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = (v - mean) * (v - mean);
            m2 += d;
            m4 += d * d;
        }
        m2 /= N;
        m4 /= N;
        double sd = Math.sqrt(r.variance());
        assertEquals(r.mean(), mean, 5 * sd / Math.sqrt(N) + 1e-12 * Math.abs(r.mean()), "sample mean");
        assertEquals(r.variance(), m2, 5 * Math.sqrt((m4 - m2 * m2) / N) + 1e-12, "sample variance");
        for (double p : LEVELS) {
            double q = r.quantile(p);
            long atOrBelow = 0;
            long below = 0;
            for (double v : x) {
                atOrBelow += v <= q ? 1 : 0;
                below += v < q ? 1 : 0;
            }
            checkFraction(r.cdf(q), atOrBelow, "P(X <= q" + p + ")");
            checkFraction(r.cdfBelow(q), below, "P(X < q" + p + ")");
        }
    }

    private static void checkFraction(double f, long count, String what) {
        double tolerance = 5 * Math.sqrt(f * (1 - f) / N) + 1e-12;
        assertEquals(f, (double) count / N, tolerance, what);
    }
}
