package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcsim.engine.Engine;
import org.mcsim.engine.Plan;
import org.mcsim.engine.RunOptions;
import org.mcsim.engine.RunResult;
import org.mcsim.model.Scenario;
import org.mcsim.scenario.ScenarioDocument;

/**
 * Tail estimates that rest on fewer than 10 samples are flagged: in
 * {@code RunResult.warnings()}, in run.json's {@code warnings}, and on stderr; estimates that rest
 * on enough samples are not.
 */
class TailWarningsTest {
    private static final String MODEL = """
        name: tails
        settings: {samples: 1000, seed: 3, quantiles: [0.5, 0.99, 0.9999]}
        inputs:
          z: {dist: normal, mean: 0, sd: 1}
        formulas:
          y: z
        claims:
          rare: y > 3
          common: y > 0
        """;

    @TempDir
    Path dir;

    @Test
    void farQuantileAndRareClaimAreFlaggedEverywhere() throws Exception {
        Path f = Cli.write(dir, "tails.yaml", MODEL);
        Scenario s = ScenarioDocument.read(f, "tails.yaml").build(java.util.Map.of());
        RunResult r = Engine.run(Plan.of(s), new RunOptions(1000, 1, false, RunOptions.Progress.NONE));
        // P(z > 3) = 0.00135: about 1 hit in 1000; p99.99 has 0.1 samples beyond it; p99 has 10
        List<String> w = r.warnings();
        assertEquals(2, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("p99.9999(y)") || w.get(0).startsWith("p99.99(y) rests on 0 samples beyond it"),
            w.toString());
        assertTrue(w.get(1).startsWith("claim rare holds in "), w.toString());
        assertTrue(w.get(1).contains("fewer than 10 hits"), w.toString());

        Cli cli = Cli.run("run", f.toString(), "-o", dir.resolve("out").toString(), "--quiet");
        assertEquals(0, cli.status, "warnings are not errors: " + cli);
        for (String warning : w) {
            assertTrue(cli.err.contains(f + ": warning: " + warning), cli.err);
            assertTrue(Cli.read(dir.resolve("out/tails/run.json")).contains(warning), warning);
        }
        assertTrue(!cli.err.contains("common") && !cli.err.contains("p99(y)"), cli.err);
    }

    @Test
    void enoughSamplesMeanNoWarning() throws IOException {
        Path f = Cli.write(dir, "tails.yaml", MODEL);
        Cli cli = Cli.run("run", f.toString(), "-o", dir.resolve("out").toString(), "-n", "200000", "--quiet");
        assertEquals(0, cli.status, cli.toString());
        assertEquals("", cli.err);
        assertTrue(Cli.read(dir.resolve("out/tails/run.json")).contains("\"warnings\": []")
            || Cli.read(dir.resolve("out/tails/run.json")).contains("\"warnings\":[]"));
    }
}
