package org.mcsim.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DistTest {

    @Test
    void aDiscreteLawCopiesItsArraysInAndOut() {
        double[] values = {1, 2, 3};
        double[] weights = {1, 1, 2};
        Dist.Discrete d = new Dist.Discrete(values, weights);
        values[0] = 99;
        weights[0] = 99;
        d.values()[1] = 99;
        d.weights()[1] = 99;
        assertArrayEquals(new double[] {1, 2, 3}, d.values());
        assertArrayEquals(new double[] {1, 1, 2}, d.weights());
        assertNull(new Dist.Discrete(values, null).weights());
    }

    @Test
    void discreteLawsCompareByContent() {
        Dist a = new Dist.Discrete(new double[] {1, 2}, new double[] {1, 3});
        assertEquals(a, new Dist.Discrete(new double[] {1, 2}, new double[] {1, 3}));
        assertEquals(a.hashCode(), new Dist.Discrete(new double[] {1, 2}, new double[] {1, 3}).hashCode());
        assertNotEquals(a, new Dist.Discrete(new double[] {1, 2}, new double[] {1, 4}));
        assertNotEquals(a, new Dist.Discrete(new double[] {1, 2}, null));
        assertEquals(new Dist.Discrete(new double[] {1, 2}, null), new Dist.Discrete(new double[] {1, 2}, null));
        assertEquals("Discrete[values=[1.0, 2.0], weights=[1.0, 3.0]]", a.toString());
    }

    @Test
    void anEmpiricalLawCopiesItsColumnAndComparesByContent() {
        double[] column = {1, 2, 2, 5};
        Dist.Empirical e = new Dist.Empirical(column, "f.csv", "x");
        column[0] = -1;
        e.sorted()[0] = -2;
        assertArrayEquals(new double[] {1, 2, 2, 5}, e.sorted());
        assertEquals(4, e.size());
        assertEquals(e, new Dist.Empirical(new double[] {1, 2, 2, 5}, "f.csv", "x"));
        assertEquals(e.hashCode(), new Dist.Empirical(new double[] {1, 2, 2, 5}, "f.csv", "x").hashCode());
        assertNotEquals(e, new Dist.Empirical(new double[] {1, 2, 2, 5}, "f.csv", "y"));
        assertNotEquals(e, new Dist.Empirical(new double[] {1, 2, 3, 5}, "f.csv", "x"));
        assertEquals("Empirical[4 values, file=f.csv, column=x]", e.toString());
    }
}
