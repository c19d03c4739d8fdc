package org.mcsim.bench;

import java.util.concurrent.TimeUnit;
import org.mcsim.engine.Engine;
import org.mcsim.engine.Plan;
import org.mcsim.engine.RunFailedException;
import org.mcsim.engine.RunOptions;
import org.mcsim.engine.RunResult;
import org.mcsim.lanes.LaneFills;
import org.mcsim.stats.BlockSums;
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
 * Nanoseconds per sample of the whole engine on the reference model: sampling, formulas, moments
 * of every variable, exact quantiles and histograms of the outputs, the claim. Compare with
 * {@link HandWrittenBaseline#model} (the same work written by hand) at one thread, and between
 * thread counts for the parallel speed-up. {@code -p model=fleet-tco.yaml,fleet-tco-indexed.yaml}
 * adds the same model written over a {@code gpu} index, which should cost the same per sample (it
 * is expanded into the same scalar columns before planning).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules=jdk.incubator.vector"})
@State(Scope.Benchmark)
@OperationsPerInvocation(EngineBenchmark.SAMPLES)
public class EngineBenchmark {
    static final int SAMPLES = 1_000_000;

    @Param({"1", "2"})
    public int threads;

    /** The model, packed beside the reference model; by default the reference model alone. */
    @Param({"fleet-tco.yaml"})
    public String model;

    private Plan plan;

    @Setup
    public void setUp() throws InterruptedException {
        // Measure the steady state: the vector kernels compiled (where the JVM has them), not the switch.
        LaneFills.awaitWarm(60_000);
        BlockSums.awaitVectorPass(60_000);
        plan = Plan.of(ReferenceModel.scenario(model));
    }

    @Benchmark
    public RunResult run() throws RunFailedException {
        return Engine.run(plan, new RunOptions(SAMPLES, threads, false, RunOptions.Progress.NONE));
    }
}
