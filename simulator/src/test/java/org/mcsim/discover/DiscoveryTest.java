package org.mcsim.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
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

    /**
     * The Wilson intervals are for the found box's own coverage and density, which for uniform x
     * and y are closed-form: with the box x >= a, y <= b (a near 0.7, b near 0.3), coverage =
     * (1 − max(a, 0.7))·min(b, 0.3) / 0.09 and density = that area / the box's area (z, w, v
     * open). Checked for every step of the trajectory, where the boxes are far from the truth,
     * at several seeds: each interval must hold the box's true value, at 95% each, so a few
     * misses among many intervals are expected; more than 15% would mean the intervals are
     * too narrow or biased by the search.
     */
    @Test
    void checkIntervalsHoldTheFoundBoxesTrueCoverageAndDensity() throws Exception {
        int intervals = 0;
        int misses = 0;
        for (long seed = 1; seed <= 4; seed++) {
            Scenario s = scenario(KNOWN_BOX.replace("seed: 11, samples: 50000", "seed: " + seed + ", samples: 4000"));
            DiscoveryResult r = Discovery.run(s, "corner", new DiscoverOptions(0.05, 0.05, true, -1, 4000), 2);
            int x = r.inputs().indexOf("x");
            int y = r.inputs().indexOf("y");
            for (StepResult step : r.trajectory()) {
                Box b = step.box();
                for (int j = 0; j < r.inputs().size(); j++) {
                    if (j != x && j != y) {
                        assertFalse(b.restricted(j),
                            "irrelevant input " + r.inputs().get(j) + " at step " + step.step());
                    }
                }
                double xl = Math.max(0, b.low(x));
                double xh = Math.min(1, b.high(x));
                double yl = Math.max(0, b.low(y));
                double yh = Math.min(1, b.high(y));
                double area = Math.max(0, xh - xl) * Math.max(0, yh - yl);
                double inside = Math.max(0, xh - Math.max(xl, 0.7)) * Math.max(0, Math.min(yh, 0.3) - yl);
                intervals += 2;
                misses += within(inside / 0.09, step.coverage()) ? 0 : 1;
                misses += within(inside / area, step.density()) ? 0 : 1;
            }
        }
        assertTrue(intervals > 100, "intervals " + intervals);
        assertTrue(misses <= 0.15 * intervals, misses + " of " + intervals + " intervals miss the true value");
    }

    /**
     * Given the claim, x is uniform on [0.7, 1] (median 0.85); given its failure, x has density
     * 1/0.91 below 0.7, so its median is 0.455; x's sd is 1/√12. The median shift is
     * (0.85 − 0.455)·√12 = 1.368, and the conditional quantiles are those closed forms.
     */
    @Test
    void conditionalQuantilesAndMedianShiftMatchTheClosedForm() throws Exception {
        Scenario s = scenario(KNOWN_BOX);
        DiscoveryResult r = Discovery.run(s, "corner", new DiscoverOptions(0.05, 0.05, false, 0, 50_000), 1);
        Conditional x = r.conditionals().get(r.inputs().indexOf("x"));
        assertEquals(List.of("x", "z", "y", "w", "v"), r.inputs(), "uncertain inputs, in file order");
        assertTrue(within(0.85, x.whenTrue().get(2)), x.whenTrue().get(2).toString());
        assertTrue(within(0.7 + 0.3 * 0.05, x.whenTrue().get(0)), x.whenTrue().get(0).toString());
        assertTrue(within(0.455, x.whenFalse().get(2)), x.whenFalse().get(2).toString());
        assertTrue(within((0.85 - 0.455) * Math.sqrt(12), x.medianShift()), x.medianShift().toString());
        Conditional z = r.conditionals().get(r.inputs().indexOf("z"));
        assertTrue(within(0, z.medianShift()), "an irrelevant input does not move: " + z.medianShift());
    }

    /** Whether the interval holds the true value, up to the rounding of the closed form (0.3·0.3/0.09). */
    private static boolean within(double truth, Estimate e) {
        return e.low() - 1e-12 <= truth && truth <= e.high() + 1e-12;
    }
}
