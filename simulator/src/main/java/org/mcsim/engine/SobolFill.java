package org.mcsim.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mcsim.expr.Frame;

/**
 * Randomized quasi-Monte Carlo: Sobol points (Joe &amp; Kuo direction numbers) with a random
 * digital shift per (input, replicate) (Owen 2003, "Variance with alternative scramblings of
 * digital nets"): each replicate is an independent, unbiased estimate, and the spread of the
 * replicates gives the Monte Carlo interval. Dimensions are given to inputs in the order of
 * their names, so reordering inputs in the file changes nothing. Block b of replicate r covers
 * the points of that replicate's sequence from its position onwards. Correlations are imposed on
 * the shifted points by the Gaussian copula.
 */
final class SobolFill extends InputFill {
    private static final String SHIFT_STREAM = "#sobol-shift";

    private final SobolDirections directions;
    private final int[] dimension;
    private final long shiftKey;

    SobolFill(Plan plan, Layout layout, long seed) {
        super(plan, layout, seed);
        int k = plan.inputCount();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> plan.scenario().inputs().get(i).name()));
        dimension = new int[k];
        for (int d = 0; d < k; d++) {
            dimension[order.get(d)] = d;
        }
        directions = SobolDirections.of(Math.max(k, 1));
        shiftKey = Streams.key(SHIFT_STREAM);
    }

    /** The digital shift of input i in replicate r: 52 random bits. */
    private long shift(int input, int replicate) {
        return Streams.forBlock(seed ^ shiftKey, plan.key(input), replicate).nextLong() >>> 12;
    }

    @Override
    Worker newWorker() {
        int m = dependence == null ? 0 : dependence.members().length;
        double[][] u = new double[m][layout.blockSize()];
        double[] z = new double[m];
        return (block, frame, n) -> {
            int r = layout.replicate(block);
            long first = layout.positionInReplicate(block);
            for (int i = 0; i < plan.inputCount(); i++) {
                directions.fill(dimension[i], first, shift(i, r), frame.column(i), n);
            }
            if (m > 0) {
                int[] members = dependence.members();
                for (int k = 0; k < m; k++) {
                    System.arraycopy(frame.column(members[k]), 0, u[k], 0, n);
                }
                copulaThenInverse(u, z, frame, n);
            }
            for (int i = 0; i < plan.inputCount(); i++) {
                if (dependence == null || !dependence.isMember(i)) {
                    plan.sampler(i).inverse(frame.column(i), frame.column(i), n);
                }
            }
        };
    }
}
