/**
 * Lane-structured kernels: the random streams, quantile transforms, tabulated quantile functions
 * ({@link org.mcsim.lanes.TableLookup}) and block sums of the hot loop,
 * each defined over {@value org.mcsim.lanes.Lanes#COUNT} logical lanes and written twice, as plain
 * Java and with the incubating Vector API ({@code jdk.incubator.vector}), with the same operations
 * in the same order, so that both give the same bits on any CPU. Transcendental functions are
 * built only from correctly rounded operations (add, multiply, fused multiply-add, divide, square
 * root, exact bit manipulation); no result depends on how a JVM or CPU implements
 * {@code Math.exp} or the Vector API's lanewise {@code EXP}. Which implementation runs is a
 * matter of speed only ({@link org.mcsim.lanes.Lanes}).
 */
package org.mcsim.lanes;
