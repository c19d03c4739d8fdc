package org.mcsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mcsim.model.Scenario;
import org.mcsim.scenario.ScenarioDocument;
import org.mcsim.scenario.ScenarioException;

/** Planning stays near-linear in the model's size (a long chain of formulas once took cubic time). */
class PlanTest {

    /** f0 = x + 1, f_i = f_(i-1) + 1, ..., and a last formula {@code last}. */
    private static Scenario chain(int n, String last) throws ScenarioException {
        StringBuilder y = new StringBuilder("name: chain\ninputs:\n  x: {dist: normal, mean: 0, sd: 1}\n"
            + "  u: {dist: uniform, min: 0, max: 1}\nformulas:\n  f0: x + 1\n");
        for (int i = 1; i < n; i++) {
            y.append("  f").append(i).append(": f").append(i - 1).append(" + 1\n");
        }
        y.append("  last: ").append(last).append('\n').append("outputs: [last]\n");
        return ScenarioDocument.of(y.toString().getBytes(StandardCharsets.UTF_8), Path.of("c.yaml"), "c.yaml")
            .build(Map.of());
    }

    @Test
    void aChainOfTwentyThousandFormulasPlansAndRunsInSeconds() throws ScenarioException {
        // The cubic planner took 18.6 s for 3,000 formulas, so hours for 20,000; now about 2 s
        // on two busy cores. The bound leaves room for a slow CI machine, not for the old growth.
        int n = 20_000;
        Scenario s = chain(n, "f" + (n - 1) + " * 2");
        RunResult r = assertTimeoutPreemptively(Duration.ofSeconds(60),
            () -> Engine.run(Plan.of(s), new RunOptions(2, 1, false, RunOptions.Progress.NONE)));
        assertEquals(2, r.samples());
    }

    @Test
    void aFailureAtTheEndOfALongChainNamesTheInputAtItsRoot() throws ScenarioException {
        // last = log(f_(n-1) - n - 10) = log(x - 10): NaN wherever x < 10, i.e. at the first sample.
        int n = 5_000;
        Scenario s = chain(n, "log(f" + (n - 1) + " - " + (n + 10) + ")");
        RunFailedException e = assertThrows(RunFailedException.class,
            () -> Engine.run(Plan.of(s), new RunOptions(10, 1, false, RunOptions.Progress.NONE)));
        assertTrue(e.getMessage().matches("formula last is NaN at sample 0: x = -?[0-9.E-]+"), e.getMessage());
    }
}
