package org.mcsim.scenario;

import java.util.ArrayList;
import java.util.List;
import org.mcsim.model.Correlation;

/**
 * Whether target rank correlations can hold together: the matrix of r = 2 sin(πρ/6) over the
 * inputs in order of first appearance must be positive definite.
 *
 * <p>Cholesky factorization row by row (G. H. Golub, C. F. Van Loan, <i>Matrix
 * Computations</i>, 4th ed., 2013, algorithm 4.2.1); row k's pivot is the Schur complement of
 * the leading k×k block, so the first pivot at or below {@value #MIN_PIVOT} (the positivity
 * threshold of commons-math3's {@code CholeskyDecomposition}) marks the smallest leading block
 * that is not positive definite, whose pairs are named. O(k³) for k inputs. Stateless.
 */
final class Definiteness {

    static final double MIN_PIVOT = 1e-10;

    private Definiteness() {
    }

    /** Null when positive definite, else the pairs involved ({@code [a, b] 0.9, ...}). */
    static String check(List<Correlation> cs) {
        List<String> names = CorrelationCheck.order(cs);
        int k = names.size();
        double[][] r = new double[k][k];
        for (int i = 0; i < k; i++) {
            r[i][i] = 1;
        }
        for (Correlation c : cs) {
            int a = names.indexOf(c.a());
            int b = names.indexOf(c.b());
            r[a][b] = r[b][a] = 2 * Math.sin(Math.PI * c.rank() / 6);
        }
        double[][] l = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double s = r[i][j];
                for (int m = 0; m < j; m++) {
                    s -= l[i][m] * l[j][m];
                }
                if (j < i) {
                    l[i][j] = s / l[j][j];
                } else if (s <= MIN_PIVOT) {
                    return involved(cs, names.subList(0, i + 1));
                } else {
                    l[i][i] = Math.sqrt(s);
                }
            }
        }
        return null;
    }

    private static String involved(List<Correlation> cs, List<String> block) {
        List<String> out = new ArrayList<>();
        for (Correlation c : cs) {
            if (c.rank() != 0 && block.contains(c.a()) && block.contains(c.b())) {
                out.add("[" + c.a() + ", " + c.b() + "] " + Problems.num(c.rank()));
            }
        }
        return String.join(", ", out);
    }
}
