package org.mcsim.sensitivity;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.mcsim.engine.Estimate;
import org.mcsim.stats.Quantile;
import org.mcsim.stats.Quantiles;

/**
 * First-order and total Sobol indices from the model's values on the Saltelli design, with
 * bootstrap intervals.
 *
 * <p>With f(A), f(B) and f(A_B^i) (matrix A with column i taken from B) on N rows, and V the
 * variance of the 2N values of f(A) and f(B) (A. Saltelli et al., "Variance based sensitivity
 * analysis of model output. Design and estimator for the total sensitivity index", Computer
 * Physics Communications 181, 2010, Table 2):
 * <ul>
 *   <li>first order (Saltelli 2010, eq. (b)): {@code S_i = (1/N) Σ f(B)_j (f(A_B^i)_j − f(A)_j) / V};
 *   <li>total (Jansen 1999, eq. (f)): {@code ST_i = (1/2N) Σ (f(A)_j − f(A_B^i)_j)² / V}.
 * </ul>
 * f(B) enters the first-order estimator centred on the mean of f(A) and f(B): the shift adds a
 * term of expectation zero, and removes the cancellation that would otherwise ruin the
 * estimate of an output far from zero (a cost of 2e9 that varies by 1e8).
 *
 * <p>Intervals are bootstrap percentile intervals over the N rows (B. Efron &amp;
 * R. Tibshirani, <i>An Introduction to the Bootstrap</i>, 1993, ch. 13): {@value #RESAMPLES}
 * resamples drawn from a generator seeded by the caller, so they are reproducible. Rows are
 * resampled jointly for every input, as the design couples them.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class SobolIndices {
    /** Bootstrap resamples. */
    public static final int RESAMPLES = 300;

    private final Estimate[] first;
    private final Estimate[] total;

    private SobolIndices(Estimate[] first, Estimate[] total) {
        this.first = first;
        this.total = total;
    }

    /**
     * Estimates the indices of k inputs.
     *
     * @param fA the model on matrix A (N values)
     * @param fB the model on matrix B (N values)
     * @param fAB for each input i, the model on A_B^i (N values each)
     * @param confidence the two-sided level of the intervals
     * @param seed seeds the bootstrap's generator
     * @return the indices; NaN estimates when f(A) and f(B) have no variance
     */
    public static SobolIndices estimate(double[] fA, double[] fB, double[][] fAB, double confidence,
                                        long seed) {
        int n = fA.length;
        int k = fAB.length;
        int[] ones = new int[n];
        Arrays.fill(ones, 1);
        double[][] point = sums(fA, fB, fAB, ones);
        double[][] first = new double[k][RESAMPLES];
        double[][] total = new double[k][RESAMPLES];
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(seed);
        int[] weights = new int[n];
        for (int b = 0; b < RESAMPLES; b++) {
            Arrays.fill(weights, 0);
            for (int j = 0; j < n; j++) {
                weights[rng.nextInt(n)]++;
            }
            double[][] s = sums(fA, fB, fAB, weights);
            for (int i = 0; i < k; i++) {
                first[i][b] = s[0][i];
                total[i][b] = s[1][i];
            }
        }
        Estimate[] fe = new Estimate[k];
        Estimate[] te = new Estimate[k];
        for (int i = 0; i < k; i++) {
            fe[i] = percentile(point[0][i], first[i], confidence);
            te[i] = percentile(point[1][i], total[i], confidence);
        }
        return new SobolIndices(fe, te);
    }

    /** First-order index of input i with its interval. */
    public Estimate first(int i) {
        return first[i];
    }

    /** Total index of input i with its interval. */
    public Estimate total(int i) {
        return total[i];
    }

    /** Number of inputs. */
    public int size() {
        return first.length;
    }

    /**
     * {@code {first-order indices, total indices}} over the rows, row j counted {@code weight[j]}
     * times (all ones for the estimate, multinomial counts for a bootstrap resample: the same
     * sums as over the resampled rows, read in order rather than at random).
     */
    static double[][] sums(double[] fA, double[] fB, double[][] fAB, int[] weight) {
        int n = weight.length;
        int k = fAB.length;
        double centre = 0;
        for (int j = 0; j < n; j++) {
            centre += weight[j] * (fA[j] + fB[j]);
        }
        centre /= 2.0 * n;
        double var = 0;
        for (int j = 0; j < n; j++) {
            double a = fA[j] - centre;
            double b = fB[j] - centre;
            var += weight[j] * (a * a + b * b);
        }
        var /= 2.0 * n - 1;
        double[][] out = new double[2][k];
        for (int i = 0; i < k; i++) {
            double[] ab = fAB[i];
            double sf = 0;
            double st = 0;
            for (int j = 0; j < n; j++) {
                double d = fA[j] - ab[j];
                double w = weight[j];
                sf -= w * (fB[j] - centre) * d;
                st += w * d * d;
            }
            out[0][i] = var > 0 ? sf / n / var : Double.NaN;
            out[1][i] = var > 0 ? st / (2.0 * n) / var : Double.NaN;
        }
        return out;
    }

    private static Estimate percentile(double estimate, double[] replicates, double confidence) {
        if (Double.isNaN(estimate)) {
            return Estimate.of(Double.NaN);
        }
        double[] q = {(1 - confidence) / 2, (1 + confidence) / 2};
        Quantile[] r = Quantiles.exact(replicates.clone(), replicates.length, q, 0.5);
        return new Estimate(estimate, r[0].value(), r[1].value());
    }
}
