package org.mcsim.sensitivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mcsim.engine.RunResult;
import org.mcsim.engine.VariableSummary;
import org.mcsim.scenario.ScenarioDocument;

/** Sweeps on common random numbers, whose differences between points are exact. */
class SweepTest {

    static Scenarios scenarios(String yaml) throws Exception {
        ScenarioDocument doc = ScenarioDocument.of(yaml.getBytes(StandardCharsets.UTF_8), Path.of("t.yaml"), "t.yaml");
        return values -> {
            var s = doc.build(values);
            return s.withSettings(s.settings().withSamples(20_000));
        };
    }

    private static final String SHIFT = """
        name: shift
        settings: {quantiles: [0.1, 0.5, 0.9]}
        constants: {k: 1}
        inputs:
          a: {dist: uniform, min: 0, max: 1}
          x: {dist: normal, mean: 0, sd: 2}
          t: {dist: triangular, min: 0, mode: 1, max: 3}
        formulas:
          y: a + x + t
          z: k * (a + t)
        claims:
          big: y >= 3
        """;

    @Test
    void axesAreParsedAndTheLastValueIsExactlyTo() {
        SweepAxis a = SweepAxis.parse("x.mean=0.1:0.7:4");
        assertEquals("x.mean", a.key());
        assertEquals(0.1, a.value(0), 0);
        assertEquals(0.30000000000000004, a.value(1), 1e-15);
        assertEquals(0.7, a.value(3), 0);
        assertEquals("years ", SweepAxis.parse("years =3:6:4").label());
        assertThrows(IllegalArgumentException.class, () -> SweepAxis.parse("x.mean=0:1:1"));
        assertThrows(IllegalArgumentException.class, () -> SweepAxis.parse("x.mean=0:1"));
        assertThrows(IllegalArgumentException.class, () -> SweepAxis.parse("x.mean"));
        assertThrows(IllegalArgumentException.class, () -> SweepAxis.parse("x.mean=a:1:3"));
        assertThrows(IllegalArgumentException.class, () -> SweepAxis.parse("x.mean=0:1:2.5"));
    }

    @Test
    void theLastAxisVariesFastest() {
        List<SweepAxis> axes = List.of(SweepAxis.parse("a.min=0:1:2"), SweepAxis.parse("x.mean=5:7:3"));
        assertEquals(6, Sweep.size(axes));
        assertArrayEquals(new double[] {0, 5}, Sweep.values(axes, 0));
        assertArrayEquals(new double[] {0, 6}, Sweep.values(axes, 1));
        assertArrayEquals(new double[] {1, 5}, Sweep.values(axes, 3));
        assertArrayEquals(new double[] {1, 7}, Sweep.values(axes, 5));
        assertThrows(IllegalArgumentException.class,
            () -> Sweep.size(List.of(SweepAxis.parse("a.min=0:1:2"), SweepAxis.parse("a.min=0:1:3"))));
    }

    /**
     * Moving x's mean by d moves every sample of y by exactly d (normal is location-scale under
     * common random numbers), so the mean and every quantile move by d and the sd does not move.
     */
    @Test
    void shiftingALocationShiftsEveryStatisticByExactlyTheShift() throws Exception {
        List<SweepPoint> points = Sweep.run(scenarios(SHIFT), List.of(SweepAxis.parse("x.mean=0:3:4")), 2);
        VariableSummary y0 = points.get(0).result().variable("y");
        for (SweepPoint p : points) {
            double d = p.values()[0];
            VariableSummary y = p.result().variable("y");
            assertEquals(y0.mean().value() + d, y.mean().value(), 1e-12);
            assertEquals(y0.sd().value(), y.sd().value(), 1e-12);
            for (int q = 0; q < y.quantiles().size(); q++) {
                assertEquals(y0.quantiles().get(q).estimate().value() + d, y.quantiles().get(q).estimate().value(),
                    1e-12);
            }
        }
        assertEquals(1.0 / 2 + 0 + 4.0 / 3, y0.mean().value(), 5 * y0.sd().value() / Math.sqrt(20_000));
        double p0 = points.get(0).result().claims().get(0).probability().value();
        double p3 = points.get(3).result().claims().get(0).probability().value();
        assertTrue(p3 > p0, "the claim becomes likelier as x moves up");
    }

    /** Sweeping the constant k in z = k·(a + t): the means are exactly proportional to k. */
    @Test
    void sweepingAFactorScalesTheMeansExactly() throws Exception {
        List<SweepPoint> points = Sweep.run(scenarios(SHIFT), List.of(SweepAxis.parse("k=1:5:5")), 1);
        double m1 = points.get(0).result().variable("z").mean().value();
        for (SweepPoint p : points) {
            assertEquals(p.values()[0] * m1, p.result().variable("z").mean().value(), 1e-12 * p.values()[0] * m1);
        }
    }

    @Test
    void twoAxesRunTheirProduct() throws Exception {
        List<SweepPoint> points = Sweep.run(scenarios(SHIFT),
            List.of(SweepAxis.parse("k=1:2:2"), SweepAxis.parse("t.max=3:4:3")), 2);
        assertEquals(6, points.size());
        RunResult last = points.get(5).result();
        assertEquals(2.0, last.scenario().constants().get("k"), 0);
        assertEquals(5, points.get(5).point());
    }

    @Test
    void anUnknownParameterNamesTheVaryOption() throws Exception {
        PointException e = assertThrows(PointException.class,
            () -> Sweep.run(scenarios(SHIFT), List.of(SweepAxis.parse("x.meen=0:1:2")), 1));
        assertTrue(e.lines().get(0).startsWith("--vary x.meen: "), e.lines().toString());
    }

    @Test
    void anInvalidPointSaysWhichValuesMadeIt() throws Exception {
        PointException e = assertThrows(PointException.class,
            () -> Sweep.run(scenarios(SHIFT), List.of(SweepAxis.parse("x.sd=1:-1:3")), 1));
        assertTrue(e.lines().get(0).startsWith("at x.sd=0: t.yaml:"), e.lines().toString());
    }
}
