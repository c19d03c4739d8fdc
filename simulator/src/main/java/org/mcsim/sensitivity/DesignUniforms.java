package org.mcsim.sensitivity;

/**
 * The uniforms of the Saltelli design's two base matrices, A and B, as a counter-based
 * generator: the uniform of (matrix, input, sample) is the SplitMix64 finalizer (Steele, Lea
 * &amp; Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014) of a key mixed
 * from the seed, the matrix, the input's name key and the sample index. Any range of samples
 * can be filled on any thread in any chunking and gives the same numbers, and an input's column
 * depends on its name, not its position in the file.
 *
 * <p>Stateless and thread-safe.
 */
final class DesignUniforms {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double TWO_POW_MINUS_52 = 0x1.0p-52;

    private DesignUniforms() {
    }

    /** The stream key of one matrix (0 for A, 1 for B) and one input. */
    static long key(long seed, int matrix, long inputKey) {
        return mix(mix(seed ^ 0x5A17E111L) + mix(matrix + 1L) * GOLDEN ^ inputKey);
    }

    /**
     * Fills {@code u[0..n)} with the uniforms of samples {@code first .. first+n−1} of a stream,
     * each in the open interval (0, 1): {@code (top 52 bits + 0.5) · 2⁻⁵²}, exactly a double
     * (with 53 bits, the largest would round to 1).
     */
    static void fill(long streamKey, long first, double[] u, int n) {
        for (int i = 0; i < n; i++) {
            long bits = mix(streamKey + (first + i) * GOLDEN);
            u[i] = ((bits >>> 12) + 0.5) * TWO_POW_MINUS_52;
        }
    }

    /** The SplitMix64 finalizer (Stafford's variant 13). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
