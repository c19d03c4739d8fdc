package org.mcsim.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.mcsim.dist.BlockRandom;
import org.mcsim.dist.InputSampler;
import org.mcsim.dist.Samplers;
import org.mcsim.model.Dist;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Nanoseconds per sample of each sampler filling one block, through the fast path
 * ({@code sample}) and the inversion path ({@code inverse} on a sorted grid, {@code randomInverse}
 * on fresh uniforms), beside a baseline that only draws
 * uniforms from the same generator (the engine's {@link BlockRandom}, as in a run).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
@OperationsPerInvocation(SamplerBenchmark.BLOCK)
public class SamplerBenchmark {
    static final int BLOCK = 2048;

    @Param({"uniform", "normal", "lognormal", "triangular", "pert", "beta", "gamma", "exponential",
        "poisson", "binomial", "discrete", "mixture", "mixture-1000", "truncated-normal",
        "truncated-lognormal"})
    public String family;

    private InputSampler sampler;
    private BlockRandom rng;
    private double[] out;
    private double[] u;

    @Setup
    public void setUp() {
        sampler = Samplers.of(dist(family));
        rng = new BlockRandom(42L, 43L, 44L, 45L);
        out = new double[BLOCK];
        u = new double[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            u[i] = (i + 0.5) / BLOCK;
        }
    }

    static Dist dist(String family) {
        return switch (family) {
            case "uniform" -> new Dist.Uniform(1.3, 1.8);
            case "normal" -> new Dist.Normal(1000, 100);
            case "lognormal" -> new Dist.LogNormal(10.2, 0.21);
            case "triangular" -> new Dist.Triangular(8000, 10000, 12000);
            case "pert" -> new Dist.Pert(1, 3, 10, 4);
            case "beta" -> new Dist.Beta(2, 5, 0, 1);
            case "gamma" -> new Dist.Gamma(2.5, 3);
            case "exponential" -> new Dist.Exponential(4);
            case "poisson" -> new Dist.Poisson(12);
            case "binomial" -> new Dist.Binomial(40, 0.3);
            case "discrete" -> new Dist.Discrete(new double[] {1, 2, 5, 10}, new double[] {1, 2, 3, 4});
            case "mixture" -> new Dist.Mixture(List.of(new Dist.Component(1, new Dist.Normal(0, 1)),
                new Dist.Component(2, new Dist.Normal(5, 2))));
            case "mixture-1000" -> new Dist.Mixture(IntStream.range(0, 1000)
                .mapToObj(i -> new Dist.Component(1 + i % 7, new Dist.Normal(i * 0.37, 1 + i % 5)))
                .toList());
            case "truncated-normal" -> new Dist.Truncated(new Dist.Normal(0, 1), -1, 2);
            case "truncated-lognormal" -> new Dist.Truncated(new Dist.LogNormal(10.2, 0.21), 20000, 40000);
            default -> throw new IllegalArgumentException(family);
        };
    }

    /** The floor: drawing the block's uniforms and nothing else. */
    @Benchmark
    public double[] baselineUniforms() {
        rng.openUniforms(out, BLOCK);
        return out;
    }

    @Benchmark
    public double[] sample() {
        sampler.sample(rng, out, BLOCK);
        return out;
    }

    @Benchmark
    public double[] inverse() {
        sampler.inverse(u, out, BLOCK);
        return out;
    }

    /**
     * Open uniforms in random order mapped through the quantile function: what Latin hypercube,
     * Sobol points, the copula and common random numbers cost per value (their uniforms come in
     * no sorted order, so table look-ups and branches are not favoured as in {@link #inverse}).
     */
    @Benchmark
    public double[] randomInverse() {
        rng.openUniforms(out, BLOCK);
        sampler.inverse(out, out, BLOCK);
        return out;
    }
}
