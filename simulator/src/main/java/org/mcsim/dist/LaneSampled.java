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
     * The draws of {@link #sampleLanes} from a lane state seeded with {@link LaneFill#STATE_LENGTH}
     * numbers of {@code rng}: how {@link InputSampler#sample} draws for these laws outside the
     * engine.
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
        Lanes.avoidZeroState(state);
        LaneFills.anticipate(n);
        law.sampleLanes(LaneFills.current(), state, out, n);
    }
}
