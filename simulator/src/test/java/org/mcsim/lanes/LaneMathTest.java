package org.mcsim.lanes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * Accuracy and special values of {@link LaneMath}: against {@link StrictMath} (fdlibm, itself
 * within 1 ulp), against exact values computed with {@link BigDecimal}, and against Commons
 * Statistics for the normal quantile.
 */
class LaneMathTest {
    private static final MathContext MC = new MathContext(60, RoundingMode.HALF_EVEN);
    private static final BigDecimal LN2 = ln2();

    /** Distance in units in the last place between two doubles (0 when both are NaN). */
    static long ulps(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b) ? 0 : Long.MAX_VALUE;
        }
        long x = Double.doubleToRawLongBits(a);
        long y = Double.doubleToRawLongBits(b);
        x = x < 0 ? Long.MIN_VALUE - x : x;
        y = y < 0 ? Long.MIN_VALUE - y : y;
        return Math.abs(x - y);
    }

    /** Largest ulp distance from StrictMath over the points; fails naming the first point beyond 1 ulp. */
    private static long maxUlps(double[] xs, DoubleUnaryOperator f, DoubleUnaryOperator ref) {
        long max = 0;
        for (double x : xs) {
            long u = ulps(f.applyAsDouble(x), ref.applyAsDouble(x));
            assertTrue(u <= 1, () -> "x = " + x + " (" + Double.toHexString(x) + "): " + f.applyAsDouble(x)
                    + " vs " + ref.applyAsDouble(x));
            max = Math.max(max, u);
        }
        return max;
    }

    static double[] expPoints() {
        SplittableRandom rnd = new SplittableRandom(20261204L);
        int n = 1_000_000;
        double[] xs = new double[n + 300_000];
        for (int i = 0; i < n; i++) {
            xs[i] = -745.0 + 1455.0 * rnd.nextDouble();
        }
        int j = n;
        // dense near 0: all scales down to 2^-80, both signs
        for (int i = 0; i < 100_000; i++) {
            xs[j++] = (rnd.nextDouble() - 0.5) * Math.scalb(1.0, -rnd.nextInt(80));
        }
        // consecutive doubles at the ends: overflow, the subnormal range, underflow to 0
        double[] anchors = {709.782712893384, -708.3964185322641, -745.1332191019412, -744.44};
        for (double a : anchors) {
            double up = a;
            double down = a;
            for (int i = 0; i < 25_000; i++) {
                xs[j++] = up;
                xs[j++] = down;
                up = Math.nextUp(up);
                down = Math.nextDown(down);
            }
        }
        return xs;
    }

    @Test
    void expIsWithinOneUlpOfStrictMath() {
        long max = maxUlps(expPoints(), LaneMath::exp, StrictMath::exp);
        assertTrue(max <= 1);
    }

    @Test
    void expErrorAgainstTheExactValueIsBelowOneUlp() {
        SplittableRandom rnd = new SplittableRandom(11L);
        double worst = 0;
        for (int i = 0; i < 20_000; i++) {
            double x = i % 2 == 0 ? -708.0 + 1417.0 * rnd.nextDouble() : (rnd.nextDouble() - 0.5) * 1.4;
            worst = Math.max(worst, expErrorUlps(x));
        }
        assertTrue(worst < 0.7, "max error " + worst + " ulp");
    }

    /** |LaneMath.exp(x) - e^x| in ulps of the result, for results in the normal range. */
    private static double expErrorUlps(double x) {
        BigDecimal bx = new BigDecimal(x);
        int k = (int) Math.rint(x / Math.log(2));
        BigDecimal r = bx.subtract(LN2.multiply(BigDecimal.valueOf(k), MC), MC);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int n = 1; n < 60; n++) {
            term = term.multiply(r, MC).divide(BigDecimal.valueOf(n), MC);
            sum = sum.add(term, MC);
        }
        double scaled = Math.scalb(LaneMath.exp(x), -k);
        return new BigDecimal(scaled).subtract(sum).abs().divide(new BigDecimal(Math.ulp(sum.doubleValue())), MC)
                .doubleValue();
    }

    @Test
    void expSpecialValuesAndThresholds() {
        assertTrue(Double.isNaN(LaneMath.exp(Double.NaN)));
        assertEquals(Double.POSITIVE_INFINITY, LaneMath.exp(Double.POSITIVE_INFINITY));
        assertEquals(0.0, LaneMath.exp(Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, LaneMath.exp(710.0));
        assertEquals(Double.POSITIVE_INFINITY, LaneMath.exp(Double.MAX_VALUE));
        assertEquals(Double.POSITIVE_INFINITY, LaneMath.exp(709.7827128933841));
        assertEquals(StrictMath.exp(709.782712893384), LaneMath.exp(709.782712893384));
        assertEquals(1.0, LaneMath.exp(0.0));
        assertEquals(1.0, LaneMath.exp(-0.0));
        assertEquals(Double.MIN_VALUE, LaneMath.exp(-745.0));
        assertEquals(StrictMath.exp(-745.1332191019411), LaneMath.exp(-745.1332191019411));
        assertEquals(StrictMath.exp(-745.1332191019412), LaneMath.exp(-745.1332191019412));
        assertEquals(0.0, LaneMath.exp(-745.14));
        assertEquals(0.0, LaneMath.exp(-746.0));
        assertEquals(0.0, LaneMath.exp(-Double.MAX_VALUE));
        assertEquals(Math.E, LaneMath.exp(1.0));
        for (int k = -1074; k <= 1023; k++) {
            double x = k * Math.log(2);
            assertTrue(ulps(LaneMath.exp(x), StrictMath.exp(x)) <= 1, "2^" + k);
        }
    }

    @Test
    void expsGivesTheBitsOfExpValueByValue() {
        double[] points = expPoints();
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 710.0,
            Math.nextDown(710.0), -746.0, Math.nextUp(-746.0), -Double.MAX_VALUE, Double.MAX_VALUE, 0.0, -0.0,
            Double.MIN_VALUE, -1e-300};
        double[] xs = new double[points.length + specials.length];
        System.arraycopy(specials, 0, xs, 0, specials.length);
        System.arraycopy(points, 0, xs, specials.length, points.length);
        // Columns of every length from 1 to 37 (the loops' tails), then the rest in long columns.
        double[] scratch = new double[4096];
        int from = 0;
        for (int len = 1; from < xs.length; len = len < 37 ? len + 1 : 4096) {
            int n = Math.min(len, xs.length - from);
            double[] column = java.util.Arrays.copyOfRange(xs, from, from + n);
            LaneMath.exps(column, n, scratch);
            for (int i = 0; i < n; i++) {
                double x = xs[from + i];
                assertEquals(Double.doubleToRawLongBits(LaneMath.exp(x)), Double.doubleToRawLongBits(column[i]),
                    () -> "x = " + x);
            }
            from += n;
        }
    }

    static double[] logPoints() {
        SplittableRandom rnd = new SplittableRandom(4242L);
        int n = 1_200_000;
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = switch (i % 4) {
                // every positive finite bit pattern, subnormals included
                case 0 -> Double.longBitsToDouble(rnd.nextLong(0x7ff0000000000000L));
                case 1 -> 1.0 + (rnd.nextDouble() - 0.5) * Math.scalb(1.0, -rnd.nextInt(60));
                case 2 -> 0.5 + 1.5 * rnd.nextDouble();
                default -> rnd.nextDouble() < 0.5 ? Double.MIN_VALUE * (1 + rnd.nextInt(1 << 30))
                        : Double.MAX_VALUE * (1 - rnd.nextDouble() * 1e-3);
            };
        }
        return xs;
    }

    @Test
    void logIsWithinOneUlpOfStrictMath() {
        long max = maxUlps(logPoints(), LaneMath::log, StrictMath::log);
        assertTrue(max <= 1);
    }

    @Test
    void logErrorAgainstTheExactValueIsBelowOneUlp() {
        SplittableRandom rnd = new SplittableRandom(12L);
        double worst = 0;
        for (int i = 0; i < 10_000; i++) {
            double x = switch (i % 3) {
                case 0 -> Double.longBitsToDouble(rnd.nextLong(0x7ff0000000000000L));
                case 1 -> 1.0 + (rnd.nextDouble() - 0.5) * Math.scalb(1.0, -rnd.nextInt(40));
                default -> 0.7 + 0.72 * rnd.nextDouble();
            };
            worst = Math.max(worst, logErrorUlps(x));
        }
        assertTrue(worst < 0.85, "max error " + worst + " ulp");
    }

    /** |LaneMath.log(x) - ln x| in ulps of the result. */
    private static double logErrorUlps(double x) {
        int e = Math.getExponent(x) == Double.MIN_EXPONENT - 1
                ? Math.getExponent(x * 0x1p60) - 60 : Math.getExponent(x);
        BigDecimal m = new BigDecimal(Math.scalb(x, -e));
        BigDecimal s = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), MC);
        BigDecimal exact = LN2.multiply(BigDecimal.valueOf(e)).add(atanh2(s), MC);
        double y = LaneMath.log(x);
        if (exact.signum() == 0) {
            return y == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return new BigDecimal(y).subtract(exact).abs().divide(new BigDecimal(Math.ulp(exact.doubleValue())), MC)
                .doubleValue();
    }

    /** 2 atanh(s) = ln((1 + s)/(1 - s)) for |s| &lt;= 1/3. */
    private static BigDecimal atanh2(BigDecimal s) {
        BigDecimal s2 = s.multiply(s, MC);
        BigDecimal power = s;
        BigDecimal sum = BigDecimal.ZERO;
        for (int n = 0; n < 130 && power.signum() != 0; n++) {
            sum = sum.add(power.divide(BigDecimal.valueOf(2 * n + 1), MC), MC);
            power = power.multiply(s2, MC);
        }
        return sum.multiply(BigDecimal.valueOf(2), MC);
    }

    private static BigDecimal ln2() {
        return atanh2(BigDecimal.ONE.divide(BigDecimal.valueOf(3), MC));
    }

    @Test
    void logSpecialValues() {
        assertTrue(Double.isNaN(LaneMath.log(Double.NaN)));
        assertTrue(Double.isNaN(LaneMath.log(-1.0)));
        assertTrue(Double.isNaN(LaneMath.log(-Double.MIN_VALUE)));
        assertTrue(Double.isNaN(LaneMath.log(Double.NEGATIVE_INFINITY)));
        assertEquals(Double.NEGATIVE_INFINITY, LaneMath.log(0.0));
        assertEquals(Double.NEGATIVE_INFINITY, LaneMath.log(-0.0));
        assertEquals(Double.POSITIVE_INFINITY, LaneMath.log(Double.POSITIVE_INFINITY));
        assertEquals(0L, Double.doubleToRawLongBits(LaneMath.log(1.0)));
        assertEquals(StrictMath.log(Double.MIN_VALUE), LaneMath.log(Double.MIN_VALUE));
        assertEquals(StrictMath.log(Double.MAX_VALUE), LaneMath.log(Double.MAX_VALUE));
        for (int k = -1074; k <= 1023; k++) {
            double x = Math.scalb(1.0, k);
            assertTrue(ulps(LaneMath.log(x), StrictMath.log(x)) <= 1, "2^" + k);
        }
    }

    @Test
    void normalQuantileMatchesCommonsStatistics() {
        NormalDistribution normal = NormalDistribution.of(0, 1);
        SplittableRandom rnd = new SplittableRandom(77L);
        double central = 0;
        double tails = 0;
        for (int i = 0; i < 1_100_000; i++) {
            double p = switch (i % 4) {
                case 0, 1 -> rnd.nextDouble();
                case 2 -> Math.scalb(1.0 + rnd.nextDouble(), -1 - rnd.nextInt(1074));
                default -> 1.0 - Math.scalb(1.0 + rnd.nextDouble(), -2 - rnd.nextInt(52));
            };
            if (p <= 0 || p >= 1 || p == 0.5) {
                continue;
            }
            double z = LaneMath.normalQuantile(p);
            double ref = normal.inverseCumulativeProbability(p);
            double rel = Math.abs(z - ref) / Math.abs(ref);
            if (Math.abs(p - 0.5) <= 0.425) {
                central = Math.max(central, rel);
            } else {
                tails = Math.max(tails, rel);
            }
        }
        double[] extremes = {0x1p-54, 0x1p-1074, 0x1p-1022, 1e-300, 1.0 - 0x1p-53, 1.0 - 0x1p-52, 0.5 + 0x1p-53};
        for (double p : extremes) {
            double ref = normal.inverseCumulativeProbability(p);
            tails = Math.max(tails, Math.abs(LaneMath.normalQuantile(p) - ref) / Math.abs(ref));
        }
        assertTrue(central <= 1e-15, "central relative error " + central);
        assertTrue(tails <= 2e-15, "tail relative error " + tails);
    }

    @Test
    void normalQuantileSpecialValues() {
        assertEquals(Double.NEGATIVE_INFINITY, LaneMath.normalQuantile(0.0));
        assertEquals(Double.NEGATIVE_INFINITY, LaneMath.normalQuantile(-0.0));
        assertEquals(Double.POSITIVE_INFINITY, LaneMath.normalQuantile(1.0));
        assertEquals(0.0, LaneMath.normalQuantile(0.5));
        assertTrue(Double.isNaN(LaneMath.normalQuantile(Double.NaN)));
        assertTrue(Double.isNaN(LaneMath.normalQuantile(-Double.MIN_VALUE)));
        assertTrue(Double.isNaN(LaneMath.normalQuantile(Math.nextUp(1.0))));
        assertTrue(Double.isNaN(LaneMath.normalQuantile(Double.POSITIVE_INFINITY)));
        assertTrue(Double.isNaN(LaneMath.normalQuantile(Double.NEGATIVE_INFINITY)));
        assertEquals(-LaneMath.normalQuantile(0.25), LaneMath.normalQuantile(0.75));
        assertEquals(-LaneMath.normalQuantile(0x1p-30), LaneMath.normalQuantile(1 - 0x1p-30));
        assertTrue(LaneMath.normalQuantile(Double.MIN_VALUE) < -38.4);
    }

    @Test
    void normalQuantileIncreasesOnGridsOverTheWholeRange() {
        // geometric into the lower tail (down to 2^-1074), uniform over (0, 1), geometric to 1 - 2^-53
        int n = 1074 * 16 - 16 + (1 << 21) - (1 << 15) + 53 * 16 - 16;
        double[] ps = new double[n];
        int j = 0;
        for (int k = 1074 * 16; k > 16; k--) {
            ps[j++] = Math.pow(2, -k / 16.0);
        }
        for (int i = 1 << 15; i < 1 << 21; i++) {
            ps[j++] = i * 0x1p-22;
        }
        for (int k = 17; k <= 53 * 16; k++) {
            ps[j++] = 1.0 - Math.pow(2, -k / 16.0);
        }
        for (int i = 1; i < n; i++) {
            if (ps[i] > ps[i - 1]) {
                double p = ps[i];
                assertTrue(LaneMath.normalQuantile(p) > LaneMath.normalQuantile(ps[i - 1]), () -> "at " + p);
            }
        }
    }

    /**
     * Between consecutive doubles the quantile may step back by a few ulps: AS 241 is accurate to
     * about 1e-16 but not correctly rounded, and where z moves by less than an ulp per step of p,
     * rounding noise decides. The region switches add no larger step: the two formulas agree there
     * to 1-2 ulp. This bounds the step back around each switch and in both tails.
     */
    @Test
    void normalQuantileStepsBackAtMostFourUlpsBetweenConsecutiveDoubles() {
        double far = StrictMath.exp(-25.0);
        double[] centres = {0.075, 0.925, far, 1.0 - far, 0.3, 0.99, 1e-100, 1e-310};
        for (double c : centres) {
            double p = c;
            for (int i = 0; i < 60_000; i++) {
                p = Math.nextDown(p);
            }
            double prev = LaneMath.normalQuantile(p);
            for (int i = 0; i < 120_000; i++) {
                p = Math.nextUp(p);
                double z = LaneMath.normalQuantile(p);
                double previous = prev;
                double at = p;
                assertTrue(z >= previous - 4 * Math.ulp(previous),
                        () -> "steps back at p = " + at + ": " + previous + " then " + z);
                prev = z;
            }
        }
    }
}
