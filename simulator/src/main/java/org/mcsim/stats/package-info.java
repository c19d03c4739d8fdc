/**
 * Statistics of Monte Carlo samples: mergeable moment accumulators ({@link org.mcsim.stats.Moments},
 * whose per-block pass {@link org.mcsim.stats.BlockSums} is written for the JIT to vectorize),
 * exact quantiles read by selection ({@link org.mcsim.stats.Quantiles}), histograms
 * ({@link org.mcsim.stats.Histogram}) and the Monte Carlo error intervals of every reported
 * estimate ({@link org.mcsim.stats.Intervals}). The code here runs once per block or once per
 * run, never per sample through an allocation.
 */
package org.mcsim.stats;
