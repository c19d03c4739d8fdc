package org.mcsim.scenario;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.mcsim.model.Correlation;

/**
 * Whether target rank correlations can hold together: {@link Correlation#normalScaleMatrix} over
 * the inputs in order of first appearance must be positive definite.
 *
 * <p>Commons Math's {@link CholeskyDecomposition} with its default positivity threshold: its
 * pivot k is the Schur complement of the leading k×k block (G. H. Golub, C. F. Van Loan,
 * <i>Matrix Computations</i>, 4th ed., 2013, 4.2), so the row it fails at marks the smallest
 * leading block that is not positive definite, whose pairs are named. O(k³) for k inputs.
 * Stateless.
 */
final class Definiteness {

    private Definiteness() {
    }

    /** Null when positive definite, else the pairs involved ({@code [a, b] 0.9, ...}). */
    static String check(List<Correlation> cs) {
        try {
            new CholeskyDecomposition(new Array2DRowRealMatrix(Correlation.normalScaleMatrix(cs), false),
                CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD,
                CholeskyDecomposition.DEFAULT_ABSOLUTE_POSITIVITY_THRESHOLD);
            return null;
        } catch (NonPositiveDefiniteMatrixException e) {
            return involved(cs, Correlation.inputs(cs).subList(0, e.getRow() + 1));
        }
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
