package org.mcsim.sensitivity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mcsim.engine.BlockExecutor;
import org.mcsim.engine.Engine;
import org.mcsim.engine.Plan;
import org.mcsim.engine.PlanSource;
import org.mcsim.engine.RunFailedException;
import org.mcsim.engine.RunOptions;
import org.mcsim.engine.RunResult;
import org.mcsim.model.Scenario;
import org.mcsim.scenario.ScenarioException;

/**
 * Builds and runs the scenario at one set of varied values, on common random numbers, so that
 * every point of a sweep or solve sees the same random numbers. Not thread-safe (one per
 * command); the runs themselves use {@code threads} workers.
 */
final class PointRunner {
    private final Scenarios scenarios;
    private final int threads;
    private final BlockExecutor executor;

    /** Runs on this machine's {@code threads} cores. */
    PointRunner(Scenarios scenarios, int threads) {
        this(scenarios, threads, null);
    }

    /** @param executor where the runs' blocks go, or null for this machine's {@code threads} cores */
    PointRunner(Scenarios scenarios, int threads, BlockExecutor executor) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.scenarios = scenarios;
        this.threads = threads;
        this.executor = executor;
    }

    /** The validated scenario at these values. */
    Scenario scenario(Map<String, Double> values) throws PointException {
        try {
            return scenarios.build(values);
        } catch (ScenarioException e) {
            throw new PointException(relabel(e.lines(), values), e);
        }
    }

    /** Runs the scenario at these values. */
    RunResult run(Map<String, Double> values) throws PointException {
        Scenario s = scenario(values);
        RunOptions options = new RunOptions(s.settings().samples(), threads, false, RunOptions.Progress.NONE)
            .withCommonRandomNumbers(true);
        try {
            if (executor == null) {
                return Engine.run(Plan.of(s), options);
            }
            PlanSource source = scenarios.source(values);
            return Engine.run(source == null ? Plan.of(s) : Plan.of(s, source), options, executor);
        } catch (RunFailedException e) {
            throw new PointException(List.of("at " + describe(values) + ": " + e.getMessage()), e);
        }
    }

    /**
     * A problem with a varied key itself ({@code --set KEY: unknown ...}) is reported as the
     * {@code --vary} option's; other problems are prefixed by the values that caused them.
     */
    private static List<String> relabel(List<String> lines, Map<String, Double> values) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String own = null;
            for (String key : values.keySet()) {
                if (line.startsWith("--set " + key + ": ")) {
                    own = "--vary " + line.substring("--set ".length());
                }
            }
            out.add(own != null ? own : line.startsWith("--set ") ? line : "at " + describe(values) + ": " + line);
        }
        return out;
    }

    /** {@code a.mean=1.5, years=5}. */
    static String describe(Map<String, Double> values) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Double> e : values.entrySet()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(e.getKey()).append('=').append(plain(e.getValue()));
        }
        return sb.toString();
    }

    /** A value as people write it: {@code 5} rather than {@code 5.0}. */
    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
