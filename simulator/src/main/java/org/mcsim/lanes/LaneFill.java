package org.mcsim.lanes;

/**
 * Fills a block's column from its {@value Lanes#COUNT}-lane random stream, transformed to one
 * distribution: the sampling half of the hot loop. Two implementations give the same bits:
 * {@link PlainLaneFill} in plain Java and {@code VectorLaneFill} with the Vector API
 * ({@link LaneFills} picks one).
 *
 * <p><b>The stream.</b> {@code state} holds {@value Lanes#COUNT} xoshiro256++ generators (Blackman
 * and Vigna, ACM TOMS 47(4), 2021): word w of lane j at {@code state[w * 8 + j]}; then, in words
 * 32–35, a ninth generator, the <em>spill</em>, which only the normals' rejection steps read.
 * Value i of the column is the transform of the ((i / 8) + 1)-th number of lane i mod 8,
 * converted to the open uniform u = ((x &gt;&gt;&gt; 11) + 1/2) 2<sup>−53</sup> in (0, 1). After a
 * call the state has advanced by ⌈n / 8⌉ steps in every lane (numbers beyond n are drawn and
 * dropped), so the first m values of a column do not depend on n.
 *
 * <p><b>The transforms</b> are written once as plain arithmetic ({@link LaneTransforms},
 * {@link LaneMath}) and once lanewise with the same operations in the same order: uniform
 * min + u·width clamped to [min, max]; exponential −mean·log(u); triangular by its closed-form
 * quantile, both branches computed and blended. Normal and lognormal draw by the ziggurat
 * ({@link Ziggurat}), which accepts 98.5 % of values with one multiplication and takes the rest to
 * rejection steps fed by the spill generator in value order (the plain code inside its generator
 * loop, the vector code lanewise after it; the rejections by the same scalar code in both); the
 * lognormal then takes exp(μ + σ·z). (The ziggurat
 * rather than Box–Muller or inversion: the plain code is what most runs use, since a run starts
 * before the vector code is compiled, and in plain Java Box–Muller's logarithm, sine and cosine
 * made the reference model cost 145 ns a sample against 93 with the ziggurat; vectorized, the
 * ziggurat's table lookup is a scalar gather between lanewise passes, which costs the vector
 * code about 5 ns a sample more than Box–Muller did.)
 *
 * <p>Implementations are stateless and thread-safe; the state array belongs to the caller.
 */
public interface LaneFill {
    /** Words of a lane state array: 4 words per lane, then the spill generator's 4. */
    int STATE_LENGTH = 4 * Lanes.COUNT + 4;

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
     * Normal: location + scale·z, z by the ziggurat (see above).
     *
     * @param state the 8 generators and the spill generator, advanced
     * @param out destination, at least n long
     * @param n number of values
     * @param location mean
     * @param scale standard deviation
     */
    void normal(long[] state, double[] out, int n, double location, double scale);

    /**
     * Lognormal: exp(μ + σ·z), z by the ziggurat (see above).
     *
     * @param state the 8 generators and the spill generator, advanced
     * @param out destination, at least n long
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
