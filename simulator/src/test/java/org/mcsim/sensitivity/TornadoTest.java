package org.mcsim.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mcsim.engine.Estimate;

class TornadoTest {

    /**
     * x = 0..999, y = 2x: the lowest tenth (x ≤ 99.9, i.e. 0..99) has mean 99, the highest
     * (x ≥ 899.1: 900..999) 1899.
     */
    @Test
    void endsAreTheMeansOfTheTails() {
        int n = 1000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[(i * 7) % n] = i;
            y[(i * 7) % n] = 2.0 * i;
        }
        Estimate[] e = Tornado.ends(x, y, 0.95);
        assertEquals(99.0, e[0].value(), 1e-9);
        assertEquals(1899.0, e[1].value(), 1e-9);
        assertTrue(e[0].low() < 99 && e[0].high() > 99);
    }

    @Test
    void tiesAtTheCutAreIncluded() {
        double[] x = {0, 0, 0, 0, 1, 2, 3, 4, 5, 5};
        double[] y = {1, 1, 1, 1, 9, 9, 9, 9, 3, 5};
        Estimate[] e = Tornado.ends(x, y, 0.95);
        assertEquals(1.0, e[0].value(), 0);
        assertEquals(4.0, e[1].value(), 0);
    }
}
