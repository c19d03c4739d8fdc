package org.mcsim.engine;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.mcsim.model.Correlation;
import org.mcsim.model.Scenario;

/**
 * The rank correlations between inputs (scenario-format.md, Correlations), imposed on uniforms.
 *
 * <p>Targets ρ are converted to the normal scale by r = 2 sin(πρ/6) (Pearson 1907; Kruskal
 * 1958), whose matrix R = L Lᵀ the scenario check has found positive definite. Two ways:
 * <ul>
 *   <li>{@link #gaussian}: the Gaussian copula: z = Φ⁻¹(u), z' = L z, u' = Φ(z'), per sample;</li>
 *   <li>{@link #imanConover}: Iman &amp; Conover (1982), "A distribution-free approach to inducing
 *   rank correlation among input variables": the block's values are rearranged, not changed, so
 *   that their ranks follow van der Waerden scores correlated by R. Used under LHS, where it
 *   keeps every column a Latin hypercube.</li>
 * </ul>
 * Immutable and thread-safe.
 */
final class Dependence {
    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    private final int[] members;
    private final double[][] lower;
    private final Array2DRowRealMatrix lowerMatrix;

    private Dependence(int[] members, double[][] lower) {
        this.members = members;
        this.lower = lower;
        this.lowerMatrix = new Array2DRowRealMatrix(lower, false);
    }

    /** The dependence of a scenario's inputs, or null when it has no correlations. */
    static Dependence of(Scenario s) {
        if (s.correlations().isEmpty()) {
            return null;
        }
        List<String> names = Correlation.inputs(s.correlations());
        double[][] r = Correlation.normalScaleMatrix(s.correlations());
        double[][] l = new CholeskyDecomposition(new Array2DRowRealMatrix(r), 1e-12, 1e-12).getL().getData();
        List<String> inputs = s.inputs().stream().map(in -> in.name()).toList();
        return new Dependence(names.stream().mapToInt(inputs::indexOf).toArray(), l);
    }

    /** Input indices of the correlated inputs, in order of first appearance in the file. */
    int[] members() {
        return members.clone();
    }

    boolean isMember(int input) {
        for (int m : members) {
            if (m == input) {
                return true;
            }
        }
        return false;
    }

    /** The Gaussian copula, in place: {@code u[k]} is the uniform column of member k. */
    void gaussian(double[][] u, double[] z, int n) {
        int m = members.length;
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < m; k++) {
                z[k] = STANDARD.inverseCumulativeProbability(u[k][j]);
            }
            for (int k = m - 1; k >= 0; k--) {
                double s = 0;
                for (int l = 0; l <= k; l++) {
                    s += lower[k][l] * z[l];
                }
                u[k][j] = phi(s);
            }
        }
    }

    /** Φ(z), kept inside the open interval (0, 1). */
    private static double phi(double z) {
        double p = z > 0 ? 1 - STANDARD.cumulativeProbability(-z) : STANDARD.cumulativeProbability(z);
        return Math.min(Math.max(p, Double.MIN_VALUE), Math.nextDown(1.0));
    }

    /**
     * Iman–Conover, in place: rearranges each member's column {@code u[k][0..n)} so that the
     * ranks follow correlated scores. Blocks too small to estimate the scores' correlation are
     * left as they are.
     */
    void imanConover(double[][] u, int n, UniformRandomProvider rng) {
        int m = members.length;
        if (n < m + 2) {
            return;
        }
        double[] scores = new double[n];
        for (int j = 0; j < n; j++) {
            scores[j] = STANDARD.inverseCumulativeProbability((j + 1.0) / (n + 1.0));
        }
        double[][] s = new double[n][m];
        for (int k = 0; k < m; k++) {
            double[] col = scores.clone();
            for (int j = n - 1; j > 0; j--) {
                int i = rng.nextInt(j + 1);
                double t = col[i];
                col[i] = col[j];
                col[j] = t;
            }
            for (int j = 0; j < n; j++) {
                s[j][k] = col[j];
            }
        }
        Array2DRowRealMatrix sm = new Array2DRowRealMatrix(s, false);
        double ss = 0;
        for (double a : scores) {
            ss += a * a;
        }
        Array2DRowRealMatrix t = (Array2DRowRealMatrix) sm.transpose().multiply(sm).scalarMultiply(1 / ss);
        Array2DRowRealMatrix q;
        try {
            q = (Array2DRowRealMatrix) new CholeskyDecomposition(t, 1e-12, 1e-12).getL();
        } catch (NonPositiveDefiniteMatrixException e) {
            return;
        }
        double[][] target = sm.multiply(lowerMatrix.multiply(
            new org.apache.commons.math3.linear.LUDecomposition(q).getSolver().getInverse()).transpose()).getData();
        for (int k = 0; k < m; k++) {
            rearrange(u[k], target, k, n);
        }
    }

    /** Gives column {@code x} the ranks of column {@code k} of {@code target}. */
    private static void rearrange(double[] x, double[][] target, int k, int n) {
        double[] sorted = Arrays.copyOf(x, n);
        Arrays.sort(sorted);
        double[] keys = new double[n];
        for (int j = 0; j < n; j++) {
            keys[j] = target[j][k];
        }
        double[] order = keys.clone();
        Arrays.sort(order);
        for (int j = 0; j < n; j++) {
            x[j] = sorted[Arrays.binarySearch(order, keys[j])];
        }
    }
}
