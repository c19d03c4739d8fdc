package org.mcsim.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mcsim.engine.Estimate;
import org.mcsim.model.Scenario;
import org.mcsim.scenario.ScenarioDocument;

/** Discovery through the engine on models whose answer is known. */
class DiscoveryTest {

    static Scenario scenario(String yaml) throws Exception {
        return ScenarioDocument.of(yaml.getBytes(StandardCharsets.UTF_8), Path.of("test.yaml"), "test.yaml")
            .build(Map.of());
    }

    /** The claim holds exactly when x > 0.7 and y < 0.3; z, w and v are irrelevant. */
    static final String KNOWN_BOX = """
        name: known-box
        settings: {seed: 11, samples: 50000}
        inputs:
          x: {dist: uniform, min: 0, max: 1}
          z: {dist: normal, mean: 0, sd: 1}
          y: {dist: uniform, min: 0, max: 1}
          w: {dist: triangular, min: 0, mode: 2, max: 3}
          v: {dist: lognormal, low: 1, high: 10}
          c: {dist: constant, value: 3}
        formulas:
          out: x - y + 0 * (z + w + v + c)
        claims:
          corner: x > 0.7 && y < 0.3
        """;

    @Test
    void findsTheKnownBoxAndLeavesIrrelevantInputsUnrestricted() throws Exception {
        Scenario s = scenario(KNOWN_BOX);
        DiscoveryResult r = Discovery.run(s, "corner", new DiscoverOptions(0.05, 0.05, true, -1, 5000), 2);
        StepResult box = r.chosen();
        System.out.println(box);
        System.out.println(r.trajectory().size());
        Box b = box.box();
        int x = r.inputs().indexOf("x");
        int y = r.inputs().indexOf("y");
        assertEquals(0.7, b.low(x), 2e-3, "x's lower limit");
        assertEquals(Double.POSITIVE_INFINITY, b.high(x));
        assertEquals(Double.NEGATIVE_INFINITY, b.low(y));
        assertEquals(0.3, b.high(y), 2e-3, "y's upper limit");
        for (String other : new String[] {"z", "w", "v"}) {
            assertFalse(b.restricted(r.inputs().indexOf(other)), other + " restricted: " + b);
        }
        assertEquals(2, box.restricted());
        assertContainsOne(box.coverage(), "coverage");
        assertContainsOne(box.density(), "density");
    }

    private static void assertContainsOne(Estimate e, String what) {
        assertTrue(e.low() <= 1 && e.high() >= 1 && e.low() > 0.99 - 0.1, what + " " + e);
    }
}
