package org.mcsim.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.mcsim.dist.Samplers;
import org.mcsim.expr.Frame;

/**
 * Latin hypercube sampling (McKay, Beckman &amp; Conover 1979), one independent hypercube per
 * block: for a block of n samples, input i takes u_j = (π(j) + V_j)/n with π a random
 * permutation and V_j uniform, both from the input's stream for the block, then its quantile
 * function. Correlations are imposed by Iman–Conover rearrangement within the block, which
 * keeps every column a Latin hypercube.
 */
final class LatinHypercubeFill extends InputFill {
    private static final String IMAN_CONOVER_STREAM = "#iman-conover";

    LatinHypercubeFill(Plan plan, Layout layout, long seed) {
        super(plan, layout, seed);
    }

    @Override
    Worker newWorker() {
        int[] perm = new int[layout.blockSize()];
        int m = dependence == null ? 0 : dependence.members().length;
        double[][] u = new double[m][layout.blockSize()];
        long icKey = Streams.key(IMAN_CONOVER_STREAM);
        return (block, frame, n) -> {
            for (int i = 0; i < plan.inputCount(); i++) {
                stratified(stream(i, block), perm, frame.column(i), n);
            }
            if (m > 0) {
                int[] members = dependence.members();
                for (int k = 0; k < m; k++) {
                    System.arraycopy(frame.column(members[k]), 0, u[k], 0, n);
                }
                dependence.imanConover(u, n, Streams.forBlock(seed, icKey, block));
                for (int k = 0; k < m; k++) {
                    System.arraycopy(u[k], 0, frame.column(members[k]), 0, n);
                }
            }
            for (int i = 0; i < plan.inputCount(); i++) {
                plan.sampler(i).inverse(frame.column(i), frame.column(i), n);
            }
        };
    }

    /** One stratified uniform column: a random permutation of the n strata, jittered within each. */
    private static void stratified(UniformRandomProvider rng, int[] perm, double[] u, int n) {
        for (int j = 0; j < n; j++) {
            perm[j] = j;
        }
        for (int j = n - 1; j > 0; j--) {
            int k = rng.nextInt(j + 1);
            int t = perm[k];
            perm[k] = perm[j];
            perm[j] = t;
        }
        for (int j = 0; j < n; j++) {
            u[j] = (perm[j] + Samplers.openUniform(rng)) / n;
        }
    }
}
