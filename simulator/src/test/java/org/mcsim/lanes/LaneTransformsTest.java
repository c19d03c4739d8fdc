package org.mcsim.lanes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link LaneTransforms#triangular} and {@link LaneTransforms#uniform}, written for fast scalar
 * code, give the bits of the clamped forms they replaced (the weight from the difference scaled
 * by 2<sup>2000</sup> and clamped to [0, 1], the value clamped to its side's range by
 * {@code Math.min}/{@code max}), which the vector fill still computes lanewise.
 */
class LaneTransformsTest {
    /** The clamped form, as written before. */
    private static double clamped(double p, LaneFill.Triangle t) {
        final double upper = Math.max(0.0, Math.min(1.0, (p - t.modeProbability()) * 0x1.0p1000 * 0x1.0p1000));
        final double lower = 1 - upper;
        final double root = Math.sqrt(upper * ((1 - p) * t.upperScale()) + lower * (p * t.lowerScale()));
        final double value = upper * (t.max() - root) + lower * (t.min() + root);
        return Math.min(Math.max(value, upper * t.mode() + lower * t.min()), upper * t.max() + lower * t.mode());
    }

    @Test
    void triangularGivesTheBitsOfTheClampedForm() {
        final double[][] triangles = {{8000, 10000, 12000}, {20000, 30000, 40000}, {0, 0, 1}, {0, 1, 1},
            {-0.0, -0.0, 1}, {-1, -0.0, -0.0}, {-1, 0.0, -0.0}, {-5, -2, -1}, {0, 0.5, 1}, {1e-300, 2e-300, 5e-300},
            {-1e300, 0, 1e300}, {3, 3.0000000000000004, 3.000000000000001}, {0.1, 0.2, 0.3}};
        final SplittableRandom rnd = new SplittableRandom(20261204L);
        long checked = 0;
        for (double[] abc : triangles) {
            final LaneFill.Triangle t = LaneFill.Triangle.of(abc[0], abc[1], abc[2]);
            final double mp = t.modeProbability();
            final double[] edges = {0.0, -0.0, 1.0, Math.nextDown(1.0), Double.MIN_VALUE, 0x1.0p-53, mp,
                Math.nextUp(mp), Math.nextDown(mp), 0.5};
            for (int i = 0; i < 200_000 + edges.length; i++) {
                final double p = i < edges.length ? edges[i] : i % 3 == 0 ? rnd.nextDouble()
                    : mp + (rnd.nextDouble() - 0.5) * Math.scalb(1.0, -rnd.nextInt(60));
                if (!(p >= 0 && p <= 1)) {
                    continue;
                }
                final double expected = clamped(p, t);
                final double got = LaneTransforms.triangular(p, t);
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(got),
                    () -> "triangle " + t + ", p = " + p + ": " + expected + " vs " + got);
                checked++;
            }
        }
        assertTrue(checked > 2_000_000, "points checked: " + checked);
    }

    @Test
    void uniformGivesTheBitsOfTheClampedForm() {
        final double[][] ranges = {{8000, 12000}, {1.3, 1.8}, {-0.0, 1}, {0.0, 1}, {-1, -0.0}, {-1, 0.0}, {5, 5},
            {-1e300, 1e300}, {0.1, 0.3}, {1e-310, 3e-310}};
        final SplittableRandom rnd = new SplittableRandom(4L);
        long checked = 0;
        for (double[] r : ranges) {
            final double min = r[0];
            final double max = r[1];
            final double width = max - min;
            final double[] edges = {0.0, -0.0, 1.0, Math.nextDown(1.0), Double.MIN_VALUE, 0x1.0p-53, 0.5};
            for (int i = 0; i < 100_000 + edges.length; i++) {
                final double u = i < edges.length ? edges[i] : rnd.nextDouble();
                final double expected = Math.min(Math.max(min + u * width, min), max);
                final double got = LaneTransforms.uniform(u, min, width, max);
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(got),
                    () -> "[" + min + ", " + max + "], u = " + u + ": " + expected + " vs " + got);
                checked++;
            }
        }
        assertTrue(checked > 1_000_000, "points checked: " + checked);
    }
}
