package org.mcsim.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mcsim.dist.InputSampler;
import org.mcsim.dist.LaneSampled;
import org.mcsim.dist.Samplers;
import org.mcsim.engine.Streams;
import org.mcsim.lanes.LaneFill;
import org.mcsim.lanes.LaneFills;
import org.mcsim.model.Input;
import org.mcsim.model.Scenario;
import org.mcsim.stats.BlockSums;
import org.mcsim.stats.Moments;
import org.mcsim.stats.Quantiles;
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
 * The reference model written by hand, as the floor of {@link EngineBenchmark} at one thread:
 * the same samplers and streams (lane fills, vector once compiled, as in the engine) fill the 15
 * input columns of each 2048-sample block, then one
 * fused loop computes the 7 formulas and the claim per sample, with no program, no instruction
 * dispatch and no intermediate columns but the variables themselves; the moments of all 23
 * variables, the kept outputs, the exact quantiles and histograms are the same work as the
 * engine's. The ratio engine / baseline is the price of generality (target: at most 1.5).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules=jdk.incubator.vector"})
@State(Scope.Benchmark)
@OperationsPerInvocation(EngineBenchmark.SAMPLES)
public class HandWrittenBaseline {
    private static final int BLOCK = 2048;

    private InputSampler[] samplers;
    private long[] keys;
    private long seed;
    private double[] levels;
    private int bins;
    private double[][] in;
    private double[][] f;
    private double[] total;
    private double[] ratio;
    private final long[] state = new long[LaneFill.STATE_LENGTH];

    @Setup
    public void setUp() throws InterruptedException {
        // Measure the steady state: the vector kernels compiled (where the JVM has them), not the switch.
        LaneFills.awaitWarm(60_000);
        BlockSums.awaitVectorPass(60_000);
        Scenario s = ReferenceModel.scenario();
        List<Input> inputs = s.inputs();
        samplers = inputs.stream().map(i -> Samplers.of(i.dist())).toArray(InputSampler[]::new);
        keys = inputs.stream().mapToLong(i -> Streams.key(i.name())).toArray();
        seed = s.settings().seed();
        levels = s.settings().quantiles().stream().mapToDouble(q -> q.q()).toArray();
        bins = s.settings().histogramBins();
        in = new double[inputs.size()][BLOCK];
        f = new double[7][BLOCK];
        total = new double[EngineBenchmark.SAMPLES];
        ratio = new double[EngineBenchmark.SAMPLES];
    }

    /** One run of {@link EngineBenchmark#SAMPLES} samples, summarized; returns a quantile of ratio plus the hits. */
    @Benchmark
    public double model() {
        Moments[] moments = new Moments[in.length + f.length];
        for (int v = 0; v < moments.length; v++) {
            moments[v] = Moments.create();
        }
        long hits = 0;
        int n = EngineBenchmark.SAMPLES;
        LaneFills.anticipate((long) n * in.length);
        for (int block = 0; block * BLOCK < n; block++) {
            int len = Math.min(BLOCK, n - block * BLOCK);
            for (int i = 0; i < in.length; i++) {
                if (samplers[i] instanceof LaneSampled lanes) {
                    Streams.forLanes(seed, keys[i], block, state);
                    lanes.sampleLanes(LaneFills.current(), state, in[i], len);
                } else {
                    samplers[i].sample(Streams.forBlock(seed, keys[i], block), in[i], len);
                }
            }
            hits += formulas(len);
            for (int i = 0; i < in.length; i++) {
                moments[i].accept(in[i], len);
            }
            for (int j = 0; j < f.length; j++) {
                moments[in.length + j].accept(f[j], len);
            }
            System.arraycopy(f[4], 0, total, block * BLOCK, len);
            System.arraycopy(f[6], 0, ratio, block * BLOCK, len);
        }
        Moments mt = moments[in.length + 4];
        Moments mr = moments[in.length + 6];
        Quantiles.exactWithHistogram(total, n, mt.min(), mt.max(), bins, levels, 0.95);
        return Quantiles.exactWithHistogram(ratio, n, mr.min(), mr.max(), bins, levels, 0.95).estimates()[0].value()
            + hits;
    }

    /** The formulas of fleet-tco.yaml, fused; returns the claim's hits. Inputs in file order. */
    private long formulas(int len) {
        double[] nH800 = in[0], nH100 = in[1], nH20 = in[2], nA100 = in[3];
        double[] pH800 = in[4], pH100 = in[5], pH20 = in[6], pA100 = in[7];
        double[] serverMult = in[8], watts = in[9], pue = in[10], kwhPrice = in[11];
        double[] staff = in[12], gpuHours = in[13], rent = in[14];
        double[] gpus = f[0], capex = f[1], energy = f[2], opex = f[3], tot = f[4], claimed = f[5], rat = f[6];
        long hits = 0;
        for (int i = 0; i < len; i++) {
            double g = nH800[i] + nH100[i] + nH20[i] + nA100[i];
            double c = (nH800[i] * pH800[i] + nH100[i] * pH100[i] + nH20[i] * pH20[i] + nA100[i] * pA100[i])
                * serverMult[i];
            double e = g * watts[i] / 1000 * pue[i] * 8766 * 4 * kwhPrice[i];
            double o = e + staff[i] * 4;
            double t = c + o;
            double cl = gpuHours[i] * rent[i];
            double r = t / cl;
            gpus[i] = g;
            capex[i] = c;
            energy[i] = e;
            opex[i] = o;
            tot[i] = t;
            claimed[i] = cl;
            rat[i] = r;
            hits += r >= 400 ? 1 : 0;
        }
        return hits;
    }
}
