package org.mcsim.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mcsim.lanes.LaneFill;
import org.mcsim.lanes.LaneFills;

/** The branch-free quantile loop gives the bits of the branching quantile function. */
class TriangularLawTest {

    @Test
    void loopEqualsQuantileBitForBit() {
        double[][] shapes = {{1, 2, 6}, {0, 0, 1}, {0, 1, 1}, {-5, -1, 3}, {8000, 10000, 12000}, {-1e150, 0, 1e150},
            {1e-300, 2e-300, 3e-300}};
        for (double[] t : shapes) {
            TriangularLaw law = new TriangularLaw(t[0], t[1], t[2]);
            double f = (t[1] - t[0]) / (t[2] - t[0]);
            double[] u = {1e-300, 0x1.0p-53, 1e-9, 0.1, 0.25, 0.5, 0.75, 0.9, 1 - 0x1.0p-53, f, Math.nextDown(f),
                Math.nextUp(f), Math.nextDown(1.0), Double.MIN_VALUE};
            double[] out = new double[u.length];
            law.inverse(u, out, u.length);
            for (int i = 0; i < u.length; i++) {
                assertEquals(law.quantile(u[i]), out[i], 0, "triangular" + java.util.Arrays.toString(t) + " at " + u[i]);
            }
        }
    }

    @Test
    void sampleIsTheQuantileOfTheGeneratorsUniforms() {
        TriangularLaw law = new TriangularLaw(8000, 10000, 12000);
        double[] x = new double[5000];
        law.sample(new BlockRandom(1, 2, 3, 4), x, x.length);
        // The draws are the quantiles of the lanes' open uniforms, the lanes seeded with the
        // generator's first 32 numbers.
        BlockRandom rng = new BlockRandom(1, 2, 3, 4);
        long[] state = new long[LaneFill.STATE_LENGTH];
        for (int i = 0; i < state.length; i++) {
            state[i] = rng.nextLong();
        }
        double[] u = new double[x.length];
        LaneFills.plain().uniforms(state, u, u.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(law.quantile(u[i]), x[i], 0, "draw " + i);
        }
    }
}
