package org.mcsim.engine;

import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Direction numbers of the Sobol sequence (Joe &amp; Kuo 2008, "new-joe-kuo-6.21201", as shipped
 * with Commons Math), held as 52-bit integers so that points are generated in the hot loop by
 * one XOR per dimension and sample (Antonov &amp; Saleev's Gray-code order), without allocating.
 *
 * <p>The numbers are read from Commons Math's {@link SobolSequenceGenerator}: the point at index
 * 2^(j+1) − 1 has Gray code 2^j, so its coordinates are the j-th direction numbers. Points up to
 * index 2^31 − 1 are supported. Immutable and thread-safe.
 */
final class SobolDirections {
    static final int BITS = 52;
    private static final int INDEX_BITS = 31;
    private static final double SCALE = 0x1.0p52;

    private final long[][] directions;

    private SobolDirections(long[][] directions) {
        this.directions = directions;
    }

    /** Direction numbers for {@code dimensions} dimensions (at most 21201). */
    static SobolDirections of(int dimensions) {
        SobolSequenceGenerator g = new SobolSequenceGenerator(dimensions);
        long[][] v = new long[dimensions][INDEX_BITS];
        for (int j = 0; j < INDEX_BITS; j++) {
            double[] p = g.skipTo((int) ((1L << (j + 1)) - 1));
            for (int d = 0; d < dimensions; d++) {
                v[d][j] = (long) (p[d] * SCALE);
            }
        }
        return new SobolDirections(v);
    }

    /**
     * Writes the uniforms of points {@code first .. first+n-1} in dimension {@code d}, each
     * digitally shifted by {@code shift} (XOR of the 52-bit coordinates) and centred in its
     * cell, so that every value lies in the open interval (0, 1).
     */
    void fill(int d, long first, long shift, double[] u, int n) {
        if (first + n > (1L << INDEX_BITS)) {
            throw new IllegalArgumentException("Sobol points beyond index 2^31 are not supported");
        }
        long[] v = directions[d];
        long gray = first ^ (first >>> 1);
        long x = 0;
        for (int j = 0; gray != 0; j++, gray >>>= 1) {
            if ((gray & 1) != 0) {
                x ^= v[j];
            }
        }
        for (int i = 0; i < n; i++) {
            u[i] = ((x ^ shift) + 0.5) / SCALE;
            if (i + 1 < n) {
                x ^= v[Long.numberOfTrailingZeros(first + i + 1)];
            }
        }
    }
}
