package org.mcsim.dist;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The sampling faces of one input's distribution.
 *
 * <p>{@link #sample} fills a column with independent draws for plain Monte Carlo: for uniform,
 * triangular, normal, lognormal and exponential laws the quantile transforms of
 * {@link org.mcsim.lanes.LaneFill} on 8-lane streams, for beta, PERT, gamma, truncated laws and
 * mixtures the tabulated quantile function of the same streams' open uniforms
 * ({@link LaneSampled}; the engine seeds the lanes per block, and {@code sample} seeds them from
 * the generator it is given), for the other families the fastest exact sampler of Commons RNG,
 * or inversion of open uniforms where no such sampler exists. {@link #inverse} maps given uniforms through the quantile function, so
 * Latin hypercube, Sobol points, copulas and sweeps keep the distribution of every input. Beta,
 * PERT, gamma, truncated laws and mixtures invert through a tabulated quantile function
 * ({@code InverseTable}: monotone, within 1e-8 · min(u, 1 − u) in probability) rather than the
 * exact one, which costs tens of ns to ms a value.
 *
 * <p>Implementations are immutable and thread-safe: all state of a draw lives in the generator
 * passed to {@link #sample}, and per-call sampler objects are cheap copies of prototypes built
 * once (alias tables are shared).
 */
public interface InputSampler {

    /**
     * Fills {@code out[0..n)} with independent draws. The values are a deterministic function of
     * the generator state, and the first {@code m} values of a call with {@code n >= m} equal
     * those of a call with {@code n = m} (no look-ahead that depends on {@code n}).
     *
     * @param rng the generator consumed by the draws (not shared with other threads)
     * @param out destination column
     * @param n number of draws, {@code 0 <= n <= out.length}
     */
    void sample(UniformRandomProvider rng, double[] out, int n);

    /**
     * Maps uniforms through the quantile function: {@code out[i] = F⁻¹(u[i])} for {@code i < n},
     * where F⁻¹(u) is the smallest x with F(x) &gt;= u, or for the tabulated families an x with
     * |F(x) − u| &lt;= 1e-8 · min(u, 1 − u). Non-decreasing in u. {@code u} and
     * {@code out} may be the same array.
     *
     * @param u uniforms, each in (0, 1)
     * @param out destination column
     * @param n number of values
     */
    void inverse(double[] u, double[] out, int n);

    /**
     * The quantile function F⁻¹(p), the smallest x with F(x) &gt;= p; at {@code p = 0} the lower
     * end of the support and at {@code p = 1} its upper end (either may be infinite).
     *
     * @param p probability in [0, 1]
     * @return the quantile
     */
    double quantile(double p);

    /**
     * The cumulative distribution function P(X &lt;= x).
     *
     * @param x any value
     * @return the probability in [0, 1]
     */
    double cdf(double x);

    /**
     * The exact expectation: a closed form where one exists, the weighted component means of a
     * mixture, and for a truncated law a closed form (normal, lognormal, uniform, exponential)
     * or the tanh-sinh integral of the quantile function over (0, 1).
     *
     * @return the mean
     */
    double mean();

    /**
     * For a truncated law the probability F(hi) − F(lo) that the base law keeps; 1 otherwise.
     *
     * @return the kept probability in (0, 1]
     */
    double keptProbability();
}
