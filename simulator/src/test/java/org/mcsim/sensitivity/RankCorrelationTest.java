package org.mcsim.sensitivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mcsim.engine.Estimate;

class RankCorrelationTest {

    @Test
    void tiesShareTheirMeanRank() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, org.mcsim.stats.Spearman.ranks(new double[] {1, 5, 5, 9}, 4));
    }

    @Test
    void aMonotoneRelationHasCorrelationOne() {
        double[] x = {0.1, 0.5, 0.2, 0.9, 0.4};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.exp(10 * x[i]);
        }
        assertEquals(1.0, RankCorrelation.of(x, y, 0.95).value(), 0);
        for (int i = 0; i < x.length; i++) {
            y[i] = -y[i];
        }
        assertEquals(-1.0, RankCorrelation.of(x, y, 0.95).value(), 0);
    }

    /** Worked example: ranks (1,2,3,4,5) against (2,1,4,3,5): 1 − 6·Σd²/(n(n²−1)) = 1 − 24/120 = 0.8. */
    @Test
    void matchesTheTextbookFormulaWithoutTies() {
        Estimate r = RankCorrelation.of(new double[] {1, 2, 3, 4, 5}, new double[] {20, 10, 40, 30, 50}, 0.95);
        assertEquals(0.8, r.value(), 1e-12);
        assertTrue(r.low() < 0.8 && r.high() > 0.8 && r.high() < 1);
    }

    @Test
    void aConstantSampleHasNoCorrelation() {
        double[] flat = {1, 1, 1, 1};
        assertTrue(Double.isNaN(RankCorrelation.of(flat, new double[] {1, 2, 3, 4}, 0.95).value()));
    }

    /**
     * For a bivariate normal with correlation ρ, Spearman's ρ_s = (6/π) asin(ρ/2) (Pearson 1907);
     * ρ = 0.6 gives 0.5824. The Fisher-z interval is wide enough: the estimate lies within it.
     */
    @Test
    void bivariateNormalMatchesPearsonsFormula() {
        int n = 20_000;
        double[] u1 = new double[n];
        double[] u2 = new double[n];
        DesignUniforms.fill(DesignUniforms.key(3, 0, 1), 0, u1, n);
        DesignUniforms.fill(DesignUniforms.key(3, 0, 2), 0, u2, n);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double r = Math.sqrt(-2 * Math.log(u1[i]));
            double z1 = r * Math.cos(2 * Math.PI * u2[i]);
            double z2 = r * Math.sin(2 * Math.PI * u2[i]);
            x[i] = z1;
            y[i] = 0.6 * z1 + 0.8 * z2;
        }
        Estimate e = RankCorrelation.of(x, y, 0.95);
        double truth = 6 / Math.PI * Math.asin(0.3);
        double se = (e.high() - e.low()) / (2 * 1.96);
        assertEquals(truth, e.value(), 5 * se);
    }
}
