package org.mcsim.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.mcsim.dist.BlockRandom;
import org.mcsim.dist.InputSampler;
import org.mcsim.dist.Samplers;
import org.mcsim.lanes.LaneFills;
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
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
@OperationsPerInvocation(SamplerBenchmark.BLOCK)
public class SamplerBenchmark {
    static final int BLOCK = 2048;

    /** The sampled families, each with the law it is measured on (JMH runs every constant). */
    public enum Family {
        UNIFORM { Dist dist() { return new Dist.Uniform(1.3, 1.8); } },
        NORMAL { Dist dist() { return new Dist.Normal(1000, 100); } },
        LOGNORMAL { Dist dist() { return new Dist.LogNormal(10.2, 0.21); } },
        TRIANGULAR { Dist dist() { return new Dist.Triangular(8000, 10000, 12000); } },
        PERT { Dist dist() { return new Dist.Pert(1, 3, 10, 4); } },
        BETA { Dist dist() { return new Dist.Beta(2, 5, 0, 1); } },
        GAMMA { Dist dist() { return new Dist.Gamma(2.5, 3); } },
        EXPONENTIAL { Dist dist() { return new Dist.Exponential(4); } },
        POISSON { Dist dist() { return new Dist.Poisson(12); } },
        BINOMIAL { Dist dist() { return new Dist.Binomial(40, 0.3); } },
        DISCRETE { Dist dist() { return new Dist.Discrete(new double[] {1, 2, 5, 10}, new double[] {1, 2, 3, 4}); } },
        MIXTURE {
            Dist dist() {
                return new Dist.Mixture(List.of(new Dist.Component(1, new Dist.Normal(0, 1)),
                    new Dist.Component(2, new Dist.Normal(5, 2))));
            }
        },
        MIXTURE_1000 {
            Dist dist() {
                return new Dist.Mixture(IntStream.range(0, 1000)
                    .mapToObj(i -> new Dist.Component(1 + i % 7, new Dist.Normal(i * 0.37, 1 + i % 5)))
                    .toList());
            }
        },
        TRUNCATED_NORMAL { Dist dist() { return new Dist.Truncated(new Dist.Normal(0, 1), -1, 2); } },
        TRUNCATED_LOGNORMAL {
            Dist dist() {
                return new Dist.Truncated(new Dist.LogNormal(10.2, 0.21), 20000, 40000);
            }
        };

        /** The law this family is measured on. */
        abstract Dist dist();
    }

    /** Not final and without a default: JMH sets it to each constant in turn (or to -p family=X). */
    @Param
    public Family family;

    private InputSampler sampler;
    private BlockRandom rng;
    private double[] out;
    private double[] u;

    @Setup
    public void setUp() throws InterruptedException {
        // Measure the steady state: the vector kernels compiled (where the JVM has them), not the switch.
        LaneFills.awaitWarm(60_000);
        sampler = Samplers.of(family.dist());
        rng = new BlockRandom(42L, 43L, 44L, 45L);
        out = new double[BLOCK];
        u = new double[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            u[i] = (i + 0.5) / BLOCK;
        }
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
