package org.mcsim.bench;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.mcsim.stats.BlockSums;
import org.mcsim.stats.Histogram;
import org.mcsim.stats.Moments;
import org.mcsim.stats.Quantile;
import org.mcsim.stats.QuantileSketch;
import org.mcsim.stats.Quantiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Nanoseconds per value of the summary steps over 2<sup>20</sup> lognormal values: block moments
 * (per 2048-value block, as the engine calls them, with per-thread or caller-owned working
 * memory), exact quantiles with their intervals (9 levels, by selection), the histogram, both
 * together as a run computes them (one counting pass), and adding to the quantile sketch used
 * above the exact limit. {@code baselineSum} is a plain serial sum over the same values.
 *
 * <p>The block moments run the Vector API pass where {@code org.mcsim.lanes.Lanes} allows it (set
 * up waits until it is warm); {@code -jvmArgsPrepend -Dmcsim.simd=off} measures the plain pass.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules=jdk.incubator.vector"})
@State(Scope.Thread)
@OperationsPerInvocation(SummaryBenchmark.SIZE)
public class SummaryBenchmark {
    static final int SIZE = 1 << 20;
    private static final int BLOCK = 2048;
    private static final double[] LEVELS = {0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99};

    private final int size = SIZE;
    private double[] data;
    private double[][] blocks;
    private double[] work;
    private double min;
    private double max;
    private QuantileSketch sketch;
    private BlockSums sums;

    @Setup
    public void setUp() throws InterruptedException {
        BlockSums.awaitVectorPass(60_000);
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(3L);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        data = new double[size];
        for (int i = 0; i < size; i++) {
            data[i] = Math.exp(6 + 0.23 * z.sample());
        }
        work = data.clone();
        blocks = new double[size / BLOCK][BLOCK];
        for (int b = 0; b < blocks.length; b++) {
            System.arraycopy(data, b * BLOCK, blocks[b], 0, BLOCK);
        }
        Moments m = Moments.create();
        m.accept(data, size);
        min = m.min();
        max = m.max();
        sums = BlockSums.create();
        sketch = QuantileSketch.create(m.mean(), m.sd(), 0.03 / Math.sqrt(size));
    }

    /** Quantile selection may reorder its input: start each call from the same order. */
    @Setup(Level.Invocation)
    public void restore() {
        System.arraycopy(data, 0, work, 0, size);
    }

    @Benchmark
    public double baselineSum() {
        double s = 0;
        for (int i = 0; i < size; i++) {
            s += data[i];
        }
        return s / size;
    }

    @Benchmark
    public Moments blockMoments() {
        Moments m = Moments.create();
        for (double[] block : blocks) {
            Moments b = Moments.create();
            b.accept(block, BLOCK);
            m.combine(b);
        }
        return m;
    }

    /** As {@link #blockMoments()} with working memory owned by the caller, as the engine does. */
    @Benchmark
    public Moments blockMomentsOwnScratch() {
        Moments m = Moments.create();
        for (double[] block : blocks) {
            Moments b = Moments.create();
            b.accept(block, BLOCK, sums);
            m.combine(b);
        }
        return m;
    }

    @Benchmark
    public Quantile[] exactQuantiles() {
        return Quantiles.exact(work, size, LEVELS, 0.95);
    }

    /** What a run does per output: exact quantiles and the histogram, counted in one pass. */
    @Benchmark
    public Quantiles.WithHistogram exactQuantilesWithHistogram() {
        return Quantiles.exactWithHistogram(data, size, min, max, 50, LEVELS, 0.95);
    }

    @Benchmark
    public long[] histogram() {
        return Histogram.count(data, size, min, max, 50);
    }

    @Benchmark
    public QuantileSketch sketchAdd() {
        QuantileSketch s = sketch.emptyCopy();
        for (double[] block : blocks) {
            s.add(block, BLOCK);
        }
        return s;
    }
}
