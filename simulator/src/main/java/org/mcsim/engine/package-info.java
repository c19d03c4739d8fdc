/**
 * The block engine: samples are split into fixed-size blocks whose random streams are derived from
 * (seed, input name, block index), so that any block can be computed anywhere and the merged
 * result does not depend on the thread count. A run goes through explicit phases ({@code Sampling}:
 * exact, pilot, sketched, windowed) over an immutable job that tells each wave what to keep. The
 * only package that starts threads.
 */
package org.mcsim.engine;
