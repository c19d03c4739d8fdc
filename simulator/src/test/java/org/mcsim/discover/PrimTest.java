package org.mcsim.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Peeling and pasting on samples whose answer is known exactly. */
class PrimTest {

    /** Columns of uniforms on [0, 1), {@code x[input][sample]}. */
    private static double[][] uniforms(int k, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[k][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                x[j][i] = r.nextDouble();
            }
        }
        return x;
    }

    private static boolean[] corner(double[][] x) {
        boolean[] y = new boolean[x[0].length];
        for (int i = 0; i < y.length; i++) {
            y[i] = x[0][i] > 0.7 && x[1][i] < 0.3;
        }
        return y;
    }

    @Test
    void peelingRaisesTheDensityAtEveryStepAndKeepsTheMassMin() {
        double[][] x = uniforms(4, 5000, 1);
        Prim prim = new Prim(x, corner(x), 0.05, 0.05);
        List<Prim.Step> steps = prim.peel();
        assertEquals(5000, steps.get(0).count());
        assertEquals(0, steps.get(0).box().restricted());
        for (int s = 1; s < steps.size(); s++) {
            Prim.Step a = steps.get(s - 1);
            Prim.Step b = steps.get(s);
            assertTrue((double) b.hits() / b.count() > (double) a.hits() / a.count(), "density rises at step " + s);
            assertTrue(b.count() < a.count() && b.count() >= 0.05 * 5000, "mass at step " + s);
        }
        Prim.Step last = steps.get(steps.size() - 1);
        assertEquals(last.hits(), last.count(), "the last box is pure");
        // the counts kept step by step are those of the box recounted from scratch
        for (Prim.Step s : steps) {
            Prim.Step recount = prim.evaluate(s.box());
            assertEquals(s.count(), recount.count());
            assertEquals(s.hits(), recount.hits());
        }
    }

    /**
     * Peeling overshoots a sharp edge by up to α of the box; pasting widens the pure box back to
     * the samples nearest the edge, so that it holds every claim-true sample and no other.
     */
    @Test
    void pastingRecoversTheEdgeThatPeelingOvershot() {
        double[][] x = uniforms(3, 8000, 2);
        boolean[] y = corner(x);
        Prim prim = new Prim(x, y, 0.05, 0.05);
        List<Prim.Step> steps = prim.peel();
        Prim.Step last = steps.get(steps.size() - 1);
        assertTrue(last.hits() < prim.totalHits(), "peeling alone loses claim-true samples: " + last);
        Prim.Step pasted = prim.paste(last.box());
        assertEquals(prim.totalHits(), pasted.hits(), "pasted coverage is 1");
        assertEquals(pasted.hits(), pasted.count(), "pasted density is 1");
        assertFalse(pasted.box().restricted(2), "the irrelevant input stays open");
        // the edges lie between the last false and the first true sample along each restricted side
        assertEquals(0.7, pasted.box().low(0), 2e-3);
        assertEquals(0.3, pasted.box().high(1), 2e-3);
    }

    @Test
    void tiedValuesArePeeledTogetherAndCutBetweenDistinctValues() {
        int n = 4000;
        SplittableRandom r = new SplittableRandom(3);
        double[][] x = new double[2][n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = r.nextInt(10);
            x[1][i] = r.nextDouble();
            y[i] = x[0][i] >= 7;
        }
        Prim prim = new Prim(x, y, 0.05, 0.05);
        Prim.Step box = prim.paste(prim.peel().get(prim.peel().size() - 1).box());
        assertEquals(6.5, box.box().low(0), "cut midway between 6 and 7");
        assertEquals(prim.totalHits(), box.hits());
        assertEquals(box.hits(), box.count());
        assertFalse(box.box().restricted(1));
    }

    @Test
    void aConstantColumnIsNeverPeeled() {
        double[][] x = uniforms(2, 2000, 4);
        java.util.Arrays.fill(x[1], 3.0);
        boolean[] y = new boolean[2000];
        for (int i = 0; i < y.length; i++) {
            y[i] = x[0][i] > 0.5;
        }
        Prim prim = new Prim(x, y, 0.1, 0.05);
        for (Prim.Step s : prim.peel()) {
            assertFalse(s.box().restricted(1), s.box().toString());
        }
    }
}
