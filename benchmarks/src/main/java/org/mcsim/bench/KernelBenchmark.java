package org.mcsim.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.mcsim.lanes.LaneMath;
import org.mcsim.lanes.VectorMath;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Nanoseconds per value of the lane kernels over a 2048-value block, as the sampling loop calls
 * them: {@link LaneMath} value by value, {@link VectorMath} over {@code SPECIES_PREFERRED} vectors,
 * and as references {@link Math#exp}, {@link Math#log} (JIT intrinsics, not reproducible across
 * CPUs) and Commons Statistics' normal inverse. The exponential's arguments lie in [-10, 10] (a
 * lognormal's mu + sigma z), the logarithm's and quantile's in (0, 1) (uniforms).
 * {@code baselineCopy} copies the block: the cost of the loop and the memory traffic alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
@OperationsPerInvocation(KernelBenchmark.SIZE)
public class KernelBenchmark {
    static final int SIZE = 2048;
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private double[] exponents;
    private double[] uniforms;
    private double[] out;
    private NormalDistribution normal;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(5L);
        exponents = new double[SIZE];
        uniforms = new double[SIZE];
        out = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            exponents[i] = -10 + 20 * rnd.nextDouble();
            uniforms[i] = (rnd.nextLong() >>> 11) * 0x1p-53 + 0x1p-54;
        }
        normal = NormalDistribution.of(0, 1);
    }

    @Benchmark
    public double[] baselineCopy() {
        double[] x = uniforms;
        double[] y = out;
        for (int i = 0; i < SIZE; i++) {
            y[i] = x[i];
        }
        return y;
    }

    @Benchmark
    public double[] laneExp() {
        double[] x = exponents;
        double[] y = out;
        for (int i = 0; i < SIZE; i++) {
            y[i] = LaneMath.exp(x[i]);
        }
        return y;
    }

    @Benchmark
    public double[] vectorExp() {
        double[] x = exponents;
        double[] y = out;
        for (int i = 0; i < SIZE; i += SPECIES.length()) {
            VectorMath.exp(DoubleVector.fromArray(SPECIES, x, i)).intoArray(y, i);
        }
        return y;
    }

    @Benchmark
    public double[] mathExp() {
        double[] x = exponents;
        double[] y = out;
        for (int i = 0; i < SIZE; i++) {
            y[i] = Math.exp(x[i]);
        }
        return y;
    }

    @Benchmark
    public double[] laneLog() {
        double[] x = uniforms;
        double[] y = out;
        for (int i = 0; i < SIZE; i++) {
            y[i] = LaneMath.log(x[i]);
        }
        return y;
    }

    @Benchmark
    public double[] vectorLog() {
        double[] x = uniforms;
        double[] y = out;
        for (int i = 0; i < SIZE; i += SPECIES.length()) {
            VectorMath.log(DoubleVector.fromArray(SPECIES, x, i)).intoArray(y, i);
        }
        return y;
    }

    @Benchmark
    public double[] mathLog() {
        double[] x = uniforms;
        double[] y = out;
        for (int i = 0; i < SIZE; i++) {
            y[i] = Math.log(x[i]);
        }
        return y;
    }

    @Benchmark
    public double[] laneNormalQuantile() {
        double[] x = uniforms;
        double[] y = out;
        for (int i = 0; i < SIZE; i++) {
            y[i] = LaneMath.normalQuantile(x[i]);
        }
        return y;
    }

    @Benchmark
    public double[] vectorNormalQuantile() {
        double[] x = uniforms;
        double[] y = out;
        for (int i = 0; i < SIZE; i += SPECIES.length()) {
            VectorMath.normalQuantile(DoubleVector.fromArray(SPECIES, x, i)).intoArray(y, i);
        }
        return y;
    }

    @Benchmark
    public double[] vectorNormalQuantileBlock() {
        VectorMath.normalQuantile(uniforms, out, SIZE);
        return out;
    }

    @Benchmark
    public double[] commonsNormalQuantile() {
        double[] x = uniforms;
        double[] y = out;
        NormalDistribution d = normal;
        for (int i = 0; i < SIZE; i++) {
            y[i] = d.inverseCumulativeProbability(x[i]);
        }
        return y;
    }
}
