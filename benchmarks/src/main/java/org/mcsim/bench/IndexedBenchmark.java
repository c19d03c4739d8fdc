package org.mcsim.bench;

import java.util.concurrent.TimeUnit;
import org.mcsim.engine.Engine;
import org.mcsim.engine.Plan;
import org.mcsim.engine.RunFailedException;
import org.mcsim.engine.RunOptions;
import org.mcsim.engine.RunResult;
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
 * Nanoseconds per sample of the whole engine, at one thread, on the reference model written out
 * by hand ({@code fleet-tco.yaml}) and written over a {@code gpu} index
 * ({@code fleet-tco-indexed.yaml}): an indexed scenario is expanded into the same scalar columns
 * before planning, so the two should cost the same per sample.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Benchmark)
@OperationsPerInvocation(IndexedBenchmark.SAMPLES)
public class IndexedBenchmark {
    static final int SAMPLES = 1_000_000;

    @Param({"fleet-tco.yaml", "fleet-tco-indexed.yaml"})
    public String model;

    private Plan plan;

    @Setup
    public void setUp() {
        plan = Plan.of(ReferenceModel.scenario(model));
    }

    @Benchmark
    public RunResult run() throws RunFailedException {
        return Engine.run(plan, new RunOptions(SAMPLES, 1, false, RunOptions.Progress.NONE));
    }
}
