package org.mcsim.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A target Spearman rank correlation between two distinct inputs.
 *
 * <p>Targets are imposed on the normal scale, where a bivariate normal with linear correlation
 * r = 2 sin(πρ/6) has rank correlation ρ (K. Pearson, 1907; see also W. H. Kruskal, JASA 53,
 * 1958): {@link #normalScaleMatrix} is the matrix that the scenario check requires to be
 * positive definite and that the engine factors.
 *
 * @param a first input
 * @param b second input
 * @param rank target in [-1, 1]
 */
public record Correlation(String a, String b, double rank) {

    /** The linear correlation on the normal scale that gives this rank correlation: 2 sin(πρ/6). */
    public double normalScale() {
        return 2 * Math.sin(Math.PI * rank / 6);
    }

    /** The inputs that {@code cs} correlate, in order of first appearance. */
    public static List<String> inputs(List<Correlation> cs) {
        List<String> names = new ArrayList<>();
        for (Correlation c : cs) {
            for (String n : List.of(c.a(), c.b())) {
                if (!names.contains(n)) {
                    names.add(n);
                }
            }
        }
        return names;
    }

    /**
     * The symmetric matrix over {@link #inputs} with a unit diagonal and {@link #normalScale} at
     * each pair (zero for pairs not given).
     */
    public static double[][] normalScaleMatrix(List<Correlation> cs) {
        List<String> names = inputs(cs);
        int m = names.size();
        double[][] r = new double[m][m];
        for (int i = 0; i < m; i++) {
            r[i][i] = 1;
        }
        for (Correlation c : cs) {
            int a = names.indexOf(c.a());
            int b = names.indexOf(c.b());
            r[a][b] = r[b][a] = c.normalScale();
        }
        return r;
    }
}
