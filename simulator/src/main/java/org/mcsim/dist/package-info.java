/**
 * Distribution specs turned into samplers: {@link org.mcsim.dist.Samplers#of} validates an
 * {@link org.mcsim.model.Dist} and returns an {@link org.mcsim.dist.InputSampler} with two faces,
 * fast independent draws for plain Monte Carlo and the quantile function for Latin
 * hypercube, Sobol points, copulas and sweeps. The innermost loops are written here: the
 * generator ({@link org.mcsim.dist.BlockRandom}, xoshiro256++ with the state in local variables,
 * the same sequence as Commons RNG's) and the tabulated quantile function ({@code InverseTable})
 * through which beta, PERT, gamma, truncated laws and mixtures draw and invert; uniform, normal,
 * lognormal, exponential and triangular laws and the tabulated ones draw from 8-lane streams
 * through the kernels of {@link org.mcsim.lanes} ({@link org.mcsim.dist.LaneSampled}); the other
 * families use Commons RNG's samplers (alias tables, Poisson and binomial tables). Every sampler
 * is immutable and safe to share between threads.
 */
package org.mcsim.dist;
