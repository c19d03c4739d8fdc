package org.mcsim.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mcsim.engine.Estimate;
import org.mcsim.engine.Plan;
import org.mcsim.engine.RunFailedException;
import org.mcsim.model.Scenario;
import org.mcsim.scenario.ScenarioDocument;
import org.mcsim.scenario.ScenarioException;
import org.mcsim.stats.Intervals;

/**
 * The analysis through the engine: the Saltelli design mapped through the inputs' quantile
 * functions must reproduce the closed-form indices. Tolerances are five standard errors read
 * from the bootstrap intervals (half-width / z(0.975)).
 */
class SensitivityAnalysisTest {

    static Scenario scenario(String yaml) throws ScenarioException {
        return ScenarioDocument.of(yaml.getBytes(StandardCharsets.UTF_8), Path.of("test.yaml"), "test.yaml")
            .build(Map.of());
    }

    private static InputIndices row(SensitivityResult r, String input) {
        return r.inputs().stream().filter(i -> i.input().equals(input)).findFirst().orElseThrow();
    }

    private static void assertIndex(double expected, Estimate e, String what) {
        double se = (e.high() - e.low()) / (2 * Intervals.z(0.95));
        assertTrue(se > 0 && se < 0.05, what + ": se " + se);
        assertEquals(expected, e.value(), 5 * se, what + " " + e);
    }

    static final String ISHIGAMI = """
        name: ishigami
        settings: {seed: 5}
        constants: {a: 7, b: 0.1}
        inputs:
          x1: {dist: uniform, min: -3.141592653589793, max: 3.141592653589793}
          x2: {dist: uniform, min: -3.141592653589793, max: 3.141592653589793}
          x3: {dist: uniform, min: -3.141592653589793, max: 3.141592653589793}
          k: {dist: constant, value: 2}
        formulas:
          y: sin(x1) + a * sin(x2)^2 + b * x3^4 * sin(x1) + 0 * k
        """;

    /** Published values: S = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424, 0.2437 (Saltelli et al., Primer, 2008). */
    @Test
    void ishigamiThroughTheEngineMatchesThePublishedIndices() throws Exception {
        SensitivityResult r = SensitivityAnalysis.run(Plan.of(scenario(ISHIGAMI)), "y", Indices.ALL, 10_000, 2);
        assertEquals(List.of("x1", "x2", "x3"), r.inputs().stream().map(InputIndices::input).toList(),
            "ordered by total index; the constant k is not analysed");
        assertIndex(0.3139, row(r, "x1").sobolFirst(), "S1");
        assertIndex(0.4424, row(r, "x2").sobolFirst(), "S2");
        assertIndex(0, row(r, "x3").sobolFirst(), "S3");
        assertIndex(0.5576, row(r, "x1").sobolTotal(), "ST1");
        assertIndex(0.4424, row(r, "x2").sobolTotal(), "ST2");
        assertIndex(0.2437, row(r, "x3").sobolTotal(), "ST3");
        assertEquals(10_000L * 6, r.evaluations(), "N for the plain run + N (k + 2) for the design");
        assertNull(r.note());
    }

    /**
     * y = 3 x + e with x, e independent standard normals: the tornado's ends are
     * E[y | x ≤ z0.1] = −3 φ(z0.1)/0.1 = −5.2649 and +5.2649 at the top; Spearman's ρ_s of a
     * bivariate normal with ρ = 3/√10 is (6/π) asin(ρ/2) = 0.9391 (Pearson 1907).
     */
    @Test
    void rankCorrelationAndTornadoMatchTheNormalClosedForms() throws Exception {
        SensitivityResult r = SensitivityAnalysis.run(Plan.of(scenario("""
            name: lin
            inputs:
              x: {dist: normal, mean: 0, sd: 1}
              e: {dist: normal, mean: 0, sd: 1}
            formulas:
              y: 3 * x + e
            """)), "y", Indices.ALL, 40_000, 2);
        InputIndices x = row(r, "x");
        double tail = 3 * Math.exp(-0.5 * 1.2815515655446004 * 1.2815515655446004) / Math.sqrt(2 * Math.PI) / 0.1;
        assertEquals(-tail, x.meanLow().value(), 5 * (x.meanLow().high() - x.meanLow().low()) / 3.92);
        assertEquals(tail, x.meanHigh().value(), 5 * (x.meanHigh().high() - x.meanHigh().low()) / 3.92);
        double rho = 6 / Math.PI * Math.asin(3 / Math.sqrt(10) / 2);
        assertEquals(rho, x.rankCorrelation().value(),
            5 * (x.rankCorrelation().high() - x.rankCorrelation().low()) / 3.92);
        assertIndex(0.9, x.sobolFirst(), "S_x");
        assertIndex(0.1, row(r, "e").sobolTotal(), "ST_e");
        assertEquals("x", r.inputs().get(0).input());
    }

    @Test
    void correlatedInputsGiveRankMeasuresAndSayWhySobolIsAbsent() throws Exception {
        SensitivityResult r = SensitivityAnalysis.run(Plan.of(scenario("""
            name: corr
            inputs:
              x: {dist: normal, mean: 0, sd: 1}
              z: {dist: uniform, min: 0, max: 1}
            formulas:
              y: x + 10 * z
            correlations:
              - {between: [x, z], rank: 0.3}
            """)), "y", Indices.SOBOL, 2_000, 1);
        assertTrue(r.note().contains("correlated") && r.note().contains("x~z"), r.note());
        for (InputIndices i : r.inputs()) {
            assertNull(i.sobolFirst());
            assertNull(i.sobolTotal());
            assertNotNull(i.rankCorrelation());
        }
        assertEquals("z", r.inputs().get(0).input(), "ordered by |rank correlation|");
    }

    @Test
    void onlyTheAskedIndicesAreComputed() throws Exception {
        SensitivityResult r = SensitivityAnalysis.run(Plan.of(scenario(ISHIGAMI)), "y", Indices.TORNADO, 1_000, 1);
        InputIndices x = r.inputs().get(0);
        assertNotNull(x.meanLow());
        assertNull(x.rankCorrelation());
        assertNull(x.sobolTotal());
        assertEquals(1_000, r.evaluations());
    }

    @Test
    void aConstantOutputIsAnError() {
        RunFailedException e = assertThrows(RunFailedException.class, () -> SensitivityAnalysis.run(
            Plan.of(scenario("""
                name: flat
                inputs:
                  x: {dist: uniform, min: 0, max: 1}
                formulas:
                  y: 0 * x + 4
                """)), "y", Indices.ALL, 500, 1));
        assertTrue(e.getMessage().contains("output y is constant"), e.getMessage());
    }

    @Test
    void theResultDoesNotDependOnTheThreadCount() throws Exception {
        SensitivityResult one = SensitivityAnalysis.run(Plan.of(scenario(ISHIGAMI)), "y", Indices.ALL, 5_000, 1);
        SensitivityResult three = SensitivityAnalysis.run(Plan.of(scenario(ISHIGAMI)), "y", Indices.ALL, 5_000, 3);
        assertEquals(one, three);
    }
}
