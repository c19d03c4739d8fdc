package org.mcsim.engine;

import java.io.Serializable;
import org.mcsim.stats.QuantileSketch;

/**
 * What one wave of blocks keeps of the kept variables' samples, handed to the executor inside
 * the wave's {@link BlockJob}: every sample (written into a {@link Store} on this machine, or
 * returned with the range from another), or only sketches with given buckets, built where the
 * blocks are computed. The engine's phases choose it wave by wave: the exact phase keeps every
 * sample in the run's store, the pilot and a run under {@code --until} past the exact limit keep
 * a window of samples, the sketched phase keeps sketches.
 *
 * <p>Immutable. Serializable: the store stays on this machine (it is transient), the buckets
 * travel.
 */
final class Keep implements Serializable {
    private static final long serialVersionUID = 1L;

    private final transient Store store;
    private final QuantileSketch[] buckets;

    private Keep(Store store, QuantileSketch[] buckets) {
        this.store = store;
        this.buckets = buckets;
    }

    /** Every sample, written into {@code into} by a local executor (which has room for them). */
    static Keep samples(Store into) {
        return new Keep(into, null);
    }

    /** Only sketches with the buckets of {@code prototypes} (copied empty), one per kept variable. */
    static Keep sketches(QuantileSketch[] prototypes) {
        QuantileSketch[] empty = new QuantileSketch[prototypes.length];
        for (int o = 0; o < empty.length; o++) {
            empty[o] = prototypes[o].emptyCopy();
        }
        return new Keep(null, empty);
    }

    /** True when the wave keeps sketches instead of samples. */
    boolean sketched() {
        return buckets != null;
    }

    /** The store a local executor writes into; null when sketching or on another machine. */
    Store store() {
        return store;
    }

    /** Fresh empty sketches with the buckets, one per kept variable; null when keeping samples. */
    QuantileSketch[] emptySketches() {
        if (buckets == null) {
            return null;
        }
        QuantileSketch[] s = new QuantileSketch[buckets.length];
        for (int o = 0; o < s.length; o++) {
            s[o] = buckets[o].emptyCopy();
        }
        return s;
    }
}
