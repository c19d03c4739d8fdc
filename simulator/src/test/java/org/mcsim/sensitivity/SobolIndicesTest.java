package org.mcsim.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mcsim.engine.Estimate;
import org.mcsim.stats.Intervals;

/**
 * The estimators against closed forms, on models evaluated directly (the engine-driven path is
 * checked in {@code SensitivityAnalysisTest}). Tolerances are five standard errors, the standard
 * error read from the bootstrap interval as its half-width / z(0.975).
 */
class SobolIndicesTest {
    private static final double CONFIDENCE = 0.95;

    /** Ishigami with a = 7, b = 0.1, inputs uniform on (−π, π). */
    private static double ishigami(double x1, double x2, double x3) {
        return Math.sin(x1) + 7 * Math.sin(x2) * Math.sin(x2) + 0.1 * Math.pow(x3, 4) * Math.sin(x1);
    }

    private interface Model {
        double apply(double[] x);
    }

    /** Runs the Saltelli design on a model of k inputs, each mapped from a uniform by {@code law}. */
    private static SobolIndices design(int k, int n, Model model, java.util.function.DoubleUnaryOperator law) {
        double[][] a = new double[k][n];
        double[][] b = new double[k][n];
        for (int i = 0; i < k; i++) {
            DesignUniforms.fill(DesignUniforms.key(7, 0, i), 0, a[i], n);
            DesignUniforms.fill(DesignUniforms.key(7, 1, i), 0, b[i], n);
        }
        double[] fA = new double[n];
        double[] fB = new double[n];
        double[][] fAB = new double[k][n];
        double[] x = new double[k];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < k; i++) {
                x[i] = law.applyAsDouble(a[i][j]);
            }
            fA[j] = model.apply(x);
            for (int i = 0; i < k; i++) {
                x[i] = law.applyAsDouble(b[i][j]);
            }
            fB[j] = model.apply(x);
            for (int c = 0; c < k; c++) {
                for (int i = 0; i < k; i++) {
                    x[i] = law.applyAsDouble(i == c ? b[i][j] : a[i][j]);
                }
                fAB[c][j] = model.apply(x);
            }
        }
        return SobolIndices.estimate(fA, fB, fAB, CONFIDENCE, 11);
    }

    private static void assertIndex(double expected, Estimate e, String what) {
        double se = (e.high() - e.low()) / (2 * Intervals.z(CONFIDENCE));
        assertTrue(se > 0 && se < 0.05, what + ": se " + se);
        assertEquals(expected, e.value(), 5 * se, what + " " + e);
    }

    /**
     * Ishigami, a = 7, b = 0.1: S = 0.3139, 0.4424, 0 and ST = 0.5576, 0.4424, 0.2437 (T. Ishigami
     * &amp; T. Homma, 1990; values as tabulated in Saltelli et al., <i>Global Sensitivity
     * Analysis. The Primer</i>, 2008, and in SALib's documentation).
     */
    @Test
    void ishigamiIndicesMatchTheClosedForms() {
        SobolIndices s = design(3, 20_000, x -> ishigami(x[0], x[1], x[2]), u -> Math.PI * (2 * u - 1));
        double[] first = {0.3139, 0.4424, 0};
        double[] total = {0.5576, 0.4424, 0.2437};
        for (int i = 0; i < 3; i++) {
            assertIndex(first[i], s.first(i), "S" + (i + 1));
            assertIndex(total[i], s.total(i), "ST" + (i + 1));
        }
    }

    /**
     * y = x1 + 2 x2 + 3 x1 x3 with x1, x2, x3 independent uniform on (0, 1), so Var x = 1/12 and
     * E x = 1/2. Write y = x1 (1 + 3 x3) + 2 x2.
     * <ul>
     *   <li>E[y | x1] = x1 (1 + 3/2) + 1: V1 = (5/2)² / 12 = 25/48.
     *   <li>E[y | x2] = 2 x2 + const: V2 = 4/12 = 16/48.
     *   <li>E[y | x3] = (1 + 3 x3)/2 + const: V3 = (9/4)/12 = 9/48.
     *   <li>Interaction: V13 = Var(3 (x1 − 1/2)(x3 − 1/2)) = 9 / 144 = 3/48.
     *   <li>V = 25/48 + 16/48 + 9/48 + 3/48 = 53/48.
     * </ul>
     * So S = 25/53, 16/53, 9/53 and ST = 28/53, 16/53, 12/53.
     */
    @Test
    void linearModelWithInteractionMatchesHandDerivedIndices() {
        SobolIndices s = design(3, 20_000, x -> x[0] + 2 * x[1] + 3 * x[0] * x[2], u -> u);
        double[] first = {25 / 53.0, 16 / 53.0, 9 / 53.0};
        double[] total = {28 / 53.0, 16 / 53.0, 12 / 53.0};
        for (int i = 0; i < 3; i++) {
            assertIndex(first[i], s.first(i), "S" + (i + 1));
            assertIndex(total[i], s.total(i), "ST" + (i + 1));
        }
    }

    @Test
    void anOutputFarFromZeroKeepsItsIndices() {
        SobolIndices near = design(2, 5_000, x -> x[0] + 2 * x[1], u -> u);
        SobolIndices far = design(2, 5_000, x -> 2e9 + x[0] + 2 * x[1], u -> u);
        for (int i = 0; i < 2; i++) {
            assertEquals(near.first(i).value(), far.first(i).value(), 1e-5);
            assertEquals(near.total(i).value(), far.total(i).value(), 1e-5);
        }
    }

    @Test
    void theIntervalsAreReproducible() {
        SobolIndices a = design(2, 2_000, x -> x[0] * x[1], u -> u);
        SobolIndices b = design(2, 2_000, x -> x[0] * x[1], u -> u);
        assertEquals(a.first(0), b.first(0));
        assertEquals(a.total(1), b.total(1));
    }
}
