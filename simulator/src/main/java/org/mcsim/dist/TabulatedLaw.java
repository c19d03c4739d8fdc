package org.mcsim.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.mcsim.lanes.LaneFill;

/**
 * A law drawn and inverted through its {@link InverseTable} (beta, PERT, gamma, truncated laws,
 * mixtures): plain draws are the table's values at the open uniforms of the block's lanes
 * ({@link LaneSampled}), so they come from the same 8-lane streams as the closed-form families
 * and cost the vector generator plus a vector table evaluation; {@link #inverse} maps given
 * uniforms through the same table. A draw is therefore the same function of its uniform as under
 * common random numbers, Latin hypercube or a copula. Subclasses are immutable and thread-safe.
 */
abstract class TabulatedLaw extends Law implements LaneSampled {

    @Override
    public final void sample(UniformRandomProvider rng, double[] out, int n) {
        LaneSampled.fromGenerator(this, rng, out, n);
    }

    @Override
    public final void sampleLanes(LaneFill fill, long[] state, double[] out, int n) {
        fill.uniforms(state, out, n);
        table().map(out, out, n);
    }

    @Override
    public final void inverse(double[] u, double[] out, int n) {
        table().map(u, out, n);
    }
}
