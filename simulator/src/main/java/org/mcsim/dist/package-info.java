/**
 * Distribution specs turned into samplers: {@link org.mcsim.dist.Samplers#of} validates an
 * {@link org.mcsim.model.Dist} and returns an {@link org.mcsim.dist.InputSampler} with two faces,
 * fast independent draws for plain Monte Carlo (ziggurat, Marsaglia-Tsang, alias tables from
 * Commons RNG) and the exact quantile function for Latin hypercube, Sobol points, copulas and
 * sweeps. Every sampler is immutable and safe to share between threads.
 */
package org.mcsim.dist;
