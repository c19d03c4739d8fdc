package org.mcsim.lanes;

/**
 * Fills a block's column from its {@value Lanes#COUNT}-lane random stream, transformed to one
 * distribution: the sampling half of the hot loop. Two implementations give the same bits:
 * {@link PlainLaneFill} in plain Java and {@code VectorLaneFill} with the Vector API
 * ({@link LaneFills} picks one).
 *
 * <p><b>The stream.</b> {@code state} holds {@value Lanes#COUNT} xoshiro256++ generators (Blackman
 * and Vigna, ACM TOMS 47(4), 2021): word w of lane j at {@code state[w * 8 + j]}. Value i of the
 * column is the transform of the ((i / 8) + 1)-th number of lane i mod 8, converted to the open
 * uniform u = ((x &gt;&gt;&gt; 11) + 1/2) 2<sup>−53</sup> in (0, 1). After a call the state has advanced by
 * ⌈n / 8⌉ steps in every lane (numbers beyond n are drawn and dropped), so the first m values of a
 * column do not depend on n.
 *
 * <p><b>The transforms</b> are written once as plain arithmetic ({@link LaneTransforms},
 * {@link LaneMath}) and once lanewise with the same operations in the same order: uniform
 * min + u·width clamped to [min, max]; exponential −mean·log(u); triangular by its closed-form
 * quantile, both branches computed and blended; normal and lognormal by the Box–Muller transform
 * of pairs of uniforms. The normals pair value i with value i + 8 within each group of 16
 * (16m + h and 16m + 8 + h for h &lt; 8: the same lane, consecutive numbers): with
 * r = √(−2 log u<sub>16m+h</sub>) and u = u<sub>16m+8+h</sub>, value 16m + h is
 * location + scale·(r cos 2πu) and value 16m + 8 + h is location + scale·(r sin 2πu); the
 * lognormal takes exp(μ + σ·…) of the same. They fill whole groups: the column must hold n rounded
 * up to a multiple of 16, values from n on are overwritten with draws that are not part of the
 * result, and the state advances by 2⌈n/16⌉ steps. (Box–Muller rather than inversion: Φ⁻¹ costs
 * two rational functions, a logarithm and a square root for every value in vector form, where
 * every lane computes every branch; a pair costs one logarithm, one square root and two short
 * polynomials.)
 *
 * <p>Implementations are stateless and thread-safe; the state array belongs to the caller.
 */
public interface LaneFill {
    /** Words of a lane state array: 4 words per lane. */
    int STATE_LENGTH = 4 * Lanes.COUNT;

    /**
     * Open uniforms in (0, 1).
     *
     * @param state the 8 generators, advanced
     * @param out destination, at least {@code n} long
     * @param n number of values
     */
    void uniforms(long[] state, double[] out, int n);

    /**
     * Uniform on [min, max]: min(max(min + u·width, min), max).
     *
     * @param state the 8 generators, advanced
     * @param out destination
     * @param n number of values
     * @param min lower end
     * @param width max − min
     * @param max upper end
     */
    void uniform(long[] state, double[] out, int n, double min, double width, double max);

    /**
     * Normal: location + scale·z, z from Box–Muller pairs (see above).
     *
     * @param state the 8 generators, advanced
     * @param out destination, at least n rounded up to a multiple of 16 long
     * @param n number of values
     * @param location mean
     * @param scale standard deviation
     */
    void normal(long[] state, double[] out, int n, double location, double scale);

    /**
     * Lognormal: exp(μ + σ·z), z from Box–Muller pairs (see above).
     *
     * @param state the 8 generators, advanced
     * @param out destination, at least n rounded up to a multiple of 16 long
     * @param n number of values
     * @param mu location of the logarithm
     * @param sigma scale of the logarithm
     */
    void lognormal(long[] state, double[] out, int n, double mu, double sigma);

    /**
     * Exponential: −mean·log(u).
     *
     * @param state the 8 generators, advanced
     * @param out destination
     * @param n number of values
     * @param mean the mean
     */
    void exponential(long[] state, double[] out, int n, double mean);

    /**
     * Triangular on [min, max] with the given mode, by {@link LaneTransforms#triangular}.
     *
     * @param state the 8 generators, advanced
     * @param out destination
     * @param n number of values
     * @param t the law's constants
     */
    void triangular(long[] state, double[] out, int n, Triangle t);

    /**
     * The constants of a triangular law's quantile function.
     *
     * @param min lower end
     * @param mode the mode
     * @param max upper end
     * @param modeProbability (mode − min) / (max − min)
     * @param lowerScale (max − min)(mode − min)
     * @param upperScale (max − min)(max − mode)
     */
    record Triangle(double min, double mode, double max, double modeProbability, double lowerScale,
            double upperScale) {
        /**
         * The constants of triangular(min, mode, max).
         *
         * @param min lower end
         * @param mode the mode
         * @param max upper end
         * @return the constants
         */
        public static Triangle of(double min, double mode, double max) {
            return new Triangle(min, mode, max, (mode - min) / (max - min), (max - min) * (mode - min),
                (max - min) * (max - mode));
        }
    }
}
