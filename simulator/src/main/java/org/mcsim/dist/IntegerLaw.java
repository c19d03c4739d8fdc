package org.mcsim.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.apache.commons.statistics.distribution.DiscreteDistribution;

/**
 * An integer-valued law (poisson, binomial): draws from a Commons RNG sampler (Marsaglia, Tsang
 * and Wang 2004 table lookup, or the Poisson samplers of Commons RNG for large means), quantile
 * and CDF from a Commons Statistics distribution: F⁻¹(u) is the smallest integer k with
 * F(k) &gt;= u. When no table sampler can be built (a binomial whose P(0) underflows), draws
 * invert open uniforms. Inversion ({@link #inverse}: Latin hypercube, Sobol points, copulas,
 * common random numbers) looks F⁻¹ up in a table of F over the support between the quantiles
 * 2^−40 and 1 − 2^−40 with a guide table (Chen and Asau 1974), built on first use from the same
 * Commons Statistics CDF: the same smallest k as the exact quantile, in a few ns instead of
 * hundreds. Immutable and thread-safe.
 */
final class IntegerLaw extends Law {
    private final String name;
    private final DiscreteDistribution law;
    /** Null when draws invert uniforms. */
    private final SharedStateDiscreteSampler prototype;

    /** Most support points tabulated; a wider law (a Poisson mean above about 10⁸) inverts exactly. */
    static final int MAX_TABLE = 1 << 20;
    private static final double TAIL = 0x1.0p-40;

    /** F at support points from; see {@link #cdfTable()}; null until first used. */
    private volatile CdfTable table;

    IntegerLaw(String name, DiscreteDistribution law, SharedStateDiscreteSampler prototype) {
        this.name = name;
        this.law = law;
        this.prototype = prototype;
    }

    @Override
    public void sample(UniformRandomProvider rng, double[] out, int n) {
        if (prototype == null) {
            super.sample(rng, out, n);
            return;
        }
        SharedStateDiscreteSampler s = prototype.withUniformRandomProvider(rng);
        for (int i = 0; i < n; i++) {
            out[i] = s.sample();
        }
    }

    @Override
    public void inverse(double[] u, double[] out, int n) {
        CdfTable t = cdfTable();
        if (t.cdf.length == 0) {
            super.inverse(u, out, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = t.quantile(u[i], this);
        }
    }

    /** Built on first use; a race builds identical tables. */
    private CdfTable cdfTable() {
        CdfTable t = table;
        if (t == null) {
            t = CdfTable.of(law);
            table = t;
        }
        return t;
    }

    /**
     * F(from + i) for i &lt; cdf.length (empty when the support is too wide), and guide[g], the
     * smallest i with cdf[i] &gt;= g / guide.length.
     */
    private record CdfTable(int from, double[] cdf, int[] guide) {
        static CdfTable of(DiscreteDistribution law) {
            long lo = law.inverseCumulativeProbability(TAIL);
            long hi = law.inverseSurvivalProbability(TAIL);
            if (hi - lo + 1 > MAX_TABLE) {
                return new CdfTable(0, new double[0], new int[0]);
            }
            int from = (int) lo;
            double[] cdf = new double[(int) (hi - lo + 1)];
            for (int i = 0; i < cdf.length; i++) {
                cdf[i] = law.cumulativeProbability(from + i);
            }
            int[] guide = new int[cdf.length];
            int i = 0;
            for (int g = 0; g < guide.length; g++) {
                double level = (double) g / guide.length;
                while (i < cdf.length - 1 && cdf[i] < level) {
                    i++;
                }
                guide[g] = i;
            }
            return new CdfTable(from, cdf, guide);
        }

        /** The smallest k with F(k) &gt;= u: from the table inside it, else the exact quantile. */
        double quantile(double u, IntegerLaw law) {
            if (!(u > cdf[0] && u <= cdf[cdf.length - 1])) {
                return law.quantile(u);
            }
            // guide[g] <= the answer since g / length <= u; the answer is at most the last index
            int i = guide[Math.min((int) (u * guide.length), guide.length - 1)];
            while (cdf[i] < u) {
                i++;
            }
            return from + i;
        }
    }

    @Override
    public double quantile(double p) {
        return law.inverseCumulativeProbability(p);
    }

    @Override
    double inverseSurvival(double q) {
        return law.inverseSurvivalProbability(q);
    }

    @Override
    public double cdf(double x) {
        if (x < 0) {
            return 0;
        }
        return x >= Integer.MAX_VALUE ? 1 : law.cumulativeProbability((int) Math.floor(x));
    }

    @Override
    double survival(double x) {
        if (x < 0) {
            return 1;
        }
        return x >= Integer.MAX_VALUE ? 0 : law.survivalProbability((int) Math.floor(x));
    }

    @Override
    public double mean() {
        return law.getMean();
    }

    @Override
    public String toString() {
        return name;
    }
}
