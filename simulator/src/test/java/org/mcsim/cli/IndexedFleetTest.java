package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mcsim.engine.ClaimSummary;
import org.mcsim.engine.Engine;
import org.mcsim.engine.Plan;
import org.mcsim.engine.RunOptions;
import org.mcsim.engine.RunResult;
import org.mcsim.engine.VariableSummary;
import org.mcsim.model.Scenario;

/**
 * scenarios/indexed/fleet-tco-by-gpu.yaml, the fleet written over a gpu index, gives the
 * results of scenarios/deepseek/fleet-tco.yaml within Monte Carlo error (its counts and prices
 * draw from streams of other names, so not bit for bit), for the scenario and a variant.
 */
class IndexedFleetTest {
    private static final long N = 200_000;

    private static RunResult run(String file, String variant) throws Exception {
        var doc = ScenarioLibraryTest.read(ScenarioLibraryTest.LIBRARY.resolve(file));
        Scenario s = variant == null ? doc.build(Map.of()) : doc.buildVariant(variant, Map.of());
        return Engine.run(Plan.of(s.withSettings(s.settings().withSamples(N))),
            new RunOptions(N, 2, false, RunOptions.Progress.NONE));
    }

    private static void assertSameWithinError(RunResult a, RunResult b, String name) {
        VariableSummary x = a.variable(name);
        VariableSummary y = b.variable(name);
        // two independent estimates: five standard errors of their difference
        double se = Math.hypot(x.sd().value(), y.sd().value()) / Math.sqrt(N);
        assertEquals(x.mean().value(), y.mean().value(), 5 * se, name);
        assertEquals(x.sd().value(), y.sd().value(), 0.02 * x.sd().value(), name + " sd");
    }

    private static double probability(RunResult r, String claim) {
        return r.claims().stream().filter(c -> c.name().equals(claim)).findFirst().map(ClaimSummary::probability)
            .orElseThrow().value();
    }

    @Test
    void theIndexedFleetGivesTheWrittenOutFleetsResults() throws Exception {
        for (String variant : new String[] {null, "documented-only"}) {
            RunResult old = run("deepseek/fleet-tco.yaml", variant);
            RunResult indexed = run("indexed/fleet-tco-by-gpu.yaml", variant);
            for (String name : new String[] {"capex", "opex", "total", "ratio"}) {
                assertSameWithinError(old, indexed, name);
            }
            double p = probability(old, "400x");
            assertEquals(p, probability(indexed, "400x"), 5 * Math.sqrt(2 * p * (1 - p) / N) + 1e-4, "P(400x)");
        }
    }
}
