package org.mcsim.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.mcsim.lanes.LaneFill;
import org.mcsim.lanes.LaneFills;
import org.mcsim.lanes.Lanes;

/**
 * A law whose plain Monte Carlo draws are a lane transform ({@link LaneFill}): uniform, normal,
 * lognormal, exponential and triangular, and the tabulated laws (beta, PERT, gamma, truncated
 * laws, mixtures: the lanes' open uniforms through {@code InverseTable}). The engine seeds a block's
 * {@value org.mcsim.lanes.Lanes#COUNT}-lane state and lets the law pick its transform; the
 * values are the law's quantile function of the lanes' open uniforms.
 */
public interface LaneSampled {
    /**
     * Fills {@code out[0..n)} with draws from the lane state, advancing it.
     *
     * @param fill the implementation (plain or vector; same bits)
     * @param state the block's lane state
     * @param out destination
     * @param n number of draws
     */
    void sampleLanes(LaneFill fill, long[] state, double[] out, int n);

    /**
     * How many values beyond {@code n} {@link #sampleLanes} may overwrite: 15 for the normals,
     * which fill whole groups of 16 (the default, safe for every law), 0 for the tabulated laws.
     *
     * @return the slack {@code out} needs past {@code n}
     */
    default int columnSlack() {
        return 15;
    }

    /**
     * The draws of {@link #sampleLanes} from a lane state seeded with 32 numbers of {@code rng}:
     * how {@link InputSampler#sample} draws for these laws outside the engine.
     *
     * @param law the law
     * @param rng the generator
     * @param out destination
     * @param n number of draws
     */
    static void fromGenerator(LaneSampled law, UniformRandomProvider rng, double[] out,
            int n) {
        long[] state = new long[LaneFill.STATE_LENGTH];
        for (int i = 0; i < state.length; i++) {
            state[i] = rng.nextLong();
        }
        for (int j = 0; j < Lanes.COUNT; j++) {
            if ((state[j] | state[8 + j] | state[16 + j] | state[24 + j]) == 0) {
                state[j] = 1;
            }
        }
        // Normal and lognormal fill whole groups of 16 values.
        LaneFills.anticipate(n);
        int need = law.columnSlack() == 0 ? n : (n + 15) / 16 * 16;
        double[] column = out.length >= need ? out : new double[need];
        law.sampleLanes(LaneFills.current(), state, column, n);
        if (column != out) {
            System.arraycopy(column, 0, out, 0, n);
        }
    }
}
