/**
 * Distribution specs turned into samplers: {@link org.mcsim.dist.Samplers#of} validates an
 * {@link org.mcsim.model.Dist} and returns an {@link org.mcsim.dist.InputSampler} with two faces,
 * fast independent draws for plain Monte Carlo and the exact quantile function for Latin
 * hypercube, Sobol points, copulas and sweeps. The innermost loops are written here: the
 * generator ({@link org.mcsim.dist.BlockRandom}, xoshiro256++ with the state in local variables,
 * the same sequence as Commons RNG's), the normal ziggurat and the branch-free quantile loops of
 * the uniform and triangular laws; the other families use Commons RNG's samplers
 * (Marsaglia-Tsang gamma, Cheng beta, alias tables, McFarland's exponential ziggurat). Every
 * sampler is immutable and safe to share between threads.
 */
package org.mcsim.dist;
