package org.mcsim.validation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.mcsim.engine.ClaimSummary;
import org.mcsim.engine.Engine;
import org.mcsim.engine.Estimate;
import org.mcsim.engine.Plan;
import org.mcsim.engine.RunFailedException;
import org.mcsim.engine.RunOptions;
import org.mcsim.engine.RunResult;
import org.mcsim.engine.VariableSummary;
import org.mcsim.model.Method;
import org.mcsim.model.Scenario;
import org.mcsim.scenario.ScenarioDocument;
import org.mcsim.scenario.ScenarioException;

/** Builds a case's scenario and reads estimates out of a run. */
final class CaseRun {
    private CaseRun() {
    }

    /** The case's scenario, read as if from {@code dir/case.yaml} (empirical files resolve there). */
    static Scenario scenario(ClosedFormCase c, Path dir) throws ScenarioException {
        return ScenarioDocument.of(c.yaml().getBytes(StandardCharsets.UTF_8), dir.resolve("case.yaml"), "case.yaml")
            .build(Map.of());
    }

    /** One run of {@code n} samples with the given method and seed. */
    static RunResult run(Scenario s, Method method, long seed, long n, int threads) throws RunFailedException {
        Scenario with = s.withSettings(s.settings().withMethod(method).withSeed(seed));
        return Engine.run(Plan.of(with), new RunOptions(n, threads, false, RunOptions.Progress.NONE));
    }

    /** The estimate with its interval that {@code check} names. */
    static Estimate estimate(RunResult r, Check check) {
        if (check.statistic().equals("P")) {
            return r.claims().stream().filter(c -> c.name().equals(check.variable())).findFirst()
                .map(ClaimSummary::probability).orElseThrow(() -> new IllegalArgumentException("no claim " + check));
        }
        VariableSummary v = r.variable(check.variable());
        if (v == null) {
            throw new IllegalArgumentException("no variable " + check);
        }
        return switch (check.statistic()) {
            case "mean" -> v.mean();
            case "sd" -> v.sd();
            default -> v.quantiles().stream().filter(q -> q.label().equals(check.statistic())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no quantile " + check)).estimate();
        };
    }
}
