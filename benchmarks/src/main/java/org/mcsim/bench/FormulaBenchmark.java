package org.mcsim.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mcsim.expr.BlockProgram;
import org.mcsim.expr.Frame;
import org.mcsim.model.Claim;
import org.mcsim.model.Input;
import org.mcsim.model.Scenario;
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
 * Nanoseconds per sample of the reference model's 7 formulas and its claim, compiled to a
 * {@link BlockProgram} and run over one 2048-sample block whose input columns hold fixed values,
 * beside the same formulas written as one fused loop ({@link #fusedBaseline}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
@OperationsPerInvocation(FormulaBenchmark.BLOCK)
public class FormulaBenchmark {
    static final int BLOCK = 2048;

    private BlockProgram program;
    private Frame frame;
    private double[][] in;
    private double[] out;

    @Setup
    public void setUp() {
        Scenario s = ReferenceModel.scenario();
        List<String> names = s.inputs().stream().map(Input::name).toList();
        List<BlockProgram.Assignment> assignments = new ArrayList<>();
        for (String f : s.evaluationOrder()) {
            assignments.add(new BlockProgram.Assignment(f, s.formula(f).expr()));
        }
        for (Claim c : s.claims()) {
            assignments.add(new BlockProgram.Assignment("#claim:" + c.name(), c.expr()));
        }
        program = BlockProgram.compile(names, s.constants(), assignments);
        frame = program.newFrame(BLOCK);
        SplittableRandom r = new SplittableRandom(1);
        in = new double[names.size()][BLOCK];
        for (int i = 0; i < names.size(); i++) {
            for (int k = 0; k < BLOCK; k++) {
                in[i][k] = 1 + r.nextDouble();
            }
            System.arraycopy(in[i], 0, frame.column(i), 0, BLOCK);
        }
        out = new double[BLOCK];
    }

    @Benchmark
    public Frame program() {
        program.run(frame, BLOCK);
        return frame;
    }

    /** The same arithmetic per sample in one loop, writing only the ratio. */
    @Benchmark
    public double[] fusedBaseline() {
        double[][] x = in;
        for (int i = 0; i < BLOCK; i++) {
            double g = x[0][i] + x[1][i] + x[2][i] + x[3][i];
            double c = (x[0][i] * x[4][i] + x[1][i] * x[5][i] + x[2][i] * x[6][i] + x[3][i] * x[7][i]) * x[8][i];
            double e = g * x[9][i] / 1000 * x[10][i] * 8766 * 4 * x[11][i];
            out[i] = (c + e + x[12][i] * 4) / (x[13][i] * x[14][i]);
        }
        return out;
    }
}
