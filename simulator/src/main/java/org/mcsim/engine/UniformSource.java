package org.mcsim.engine;

/**
 * Supplies the uniforms that drive the inputs, for designs built outside the engine (the
 * Saltelli matrices of a sensitivity analysis): each input's value is its quantile function
 * applied to the uniform. Implementations must be deterministic and safe to call from several
 * threads at once for different blocks.
 *
 * <p>Serializable, so that a run driven by a design can be computed on another machine (the
 * Spark engine): a lambda that captures only serializable values (numbers, arrays of keys) is
 * then serializable as it is.
 */
@FunctionalInterface
public interface UniformSource extends java.io.Serializable {

    /**
     * Writes the uniforms, each in the open interval (0, 1), of input {@code input} (its index in
     * the scenario's inputs) for samples {@code firstSample .. firstSample+n-1} into {@code u[0..n)}.
     */
    void fill(int input, long firstSample, double[] u, int n);
}
