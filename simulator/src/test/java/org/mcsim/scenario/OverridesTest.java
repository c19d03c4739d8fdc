package org.mcsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mcsim.scenario.Scenarios.build;
import static org.mcsim.scenario.Scenarios.errors;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcsim.model.Dist;
import org.mcsim.model.Scenario;

/** {@code --set} overrides on the written parameterization, and variants. */
class OverridesTest {

    private static final String DOC = """
        name: t
        constants:
          years: 4
        inputs:
          p_h800: {dist: lognormal, low: 20000, high: 40000}
          x: {dist: normal, mean: 0, sd: 1, truncate: [null, 5]}
          fob: {dist: uniform, min: 0, max: 1}
          m: {dist: mixture, components: [{weight: 1, dist: normal, mean: 0, sd: 1}, {weight: 2, dist: constant, value: 3}]}
          k: {dist: poisson, mean: 2}
          d: {dist: discrete, values: [1, 2]}
        formulas:
          f: years * x
        """;

    @TempDir
    Path dir;

    private static Map<String, Double> set(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return m;
    }

    @Test
    void overridesApplyToTheWrittenParameterizationBeforeConversion() throws Exception {
        Scenario s = build(dir, DOC, set("p_h800.high", 45000, "years", 5, "x.sd", 2, "x.truncate.lo", -1,
            "m.components.1.value", 4, "m.components.0.weight", 3, "k.mean", 3, "p_h800.ci", 0.8));
        Dist.LogNormal l = (Dist.LogNormal) s.input("p_h800").dist();
        assertEquals((Math.log(20000) + Math.log(45000)) / 2, l.mu(), 1e-12);
        assertEquals(Math.log(45000 / 20000.0) / (2 * Conversions.z(0.8)), l.sigma(), 1e-12);
        assertEquals(5.0, s.constants().get("years"));
        assertEquals(new Dist.Truncated(new Dist.Normal(0, 2), -1, 5), s.input("x").dist());
        Dist.Mixture m = (Dist.Mixture) s.input("m").dist();
        assertEquals(new Dist.Component(3, new Dist.Normal(0, 1)), m.components().get(0));
        assertEquals(new Dist.Component(2, new Dist.Constant(4)), m.components().get(1));
        assertEquals(new Dist.Poisson(3), s.input("k").dist());
    }

    @Test
    void overrideOfAParameterNotWrittenInTheParameterizationIsRefused() {
        assertEquals(List.of("--set p_h800.mu: p_h800 is written with low, high, ci; --set can change those"),
            errors(dir, DOC, set("p_h800.mu", 10)));
    }

    @Test
    void unknownNameSuggestsTheNearest() {
        assertEquals(List.of("--set foo.mean: unknown input or constant 'foo'; did you mean 'fob'?"),
            errors(dir, DOC, set("foo.mean", 1)));
    }

    @Test
    void everyBadKeyIsReportedInOrder() {
        assertEquals(List.of(
                "--set f: f is a formula; --set changes inputs and constants",
                "--set years.x: years is a constant; --set years=VALUE changes it",
                "--set m.sd: m is a mixture; --set takes m.components.I.PARAM (I from 0 to 1)",
                "--set m.components.2.sd: m has 2 components, numbered from 0 to 1",
                "--set m.components.0.low: m.components.0 is written with mean, sd; --set can change those",
                "--set k.truncate.lo: k is poisson, which cannot be truncated",
                "--set x.truncate.mid: truncation bounds are x.truncate.lo and x.truncate.hi",
                "--set d.values: d is discrete; --set cannot change its values or weights",
                "--set x: x is written with mean, sd; --set can change those"),
            errors(dir, DOC, set("f", 1, "years.x", 1, "m.sd", 1, "m.components.2.sd", 1, "m.components.0.low", 1,
                "k.truncate.lo", 0, "x.truncate.mid", 0, "d.values", 1, "x", 1)));
    }

    @Test
    void overriddenValuesAreValidatedAtTheWrittenKey() {
        assertEquals(List.of("s.yaml:6:30: x.sd: must be positive, got -1"), errors(dir, DOC, set("x.sd", -1)));
        assertEquals(List.of("s.yaml:6:54: x.truncate.hi: must be greater than lo (6), got 5"),
            errors(dir, DOC, set("x.truncate.lo", 6)));
    }

    @Test
    void badKeysAndFileProblemsAreReportedTogether() {
        assertEquals(List.of("--set zz: unknown input or constant 'zz'", "s.yaml:6:30: x.sd: must be positive, got -1"),
            errors(dir, DOC, set("zz", 1, "x.sd", -1)));
    }

    @Test
    void variantsAreRecordedAndBuilt() throws Exception {
        String doc = DOC + "variants:\n  five-years: {years: 5, \"p_h800.high\": 45000}\n  wide: {x.sd: 3}\n";
        ScenarioDocument d = ScenarioDocument.read(Scenarios.write(dir, doc), Scenarios.NAME);
        Scenario base = d.build(Map.of());
        assertEquals(2, base.variants().size());
        assertEquals("five-years", base.variants().get(0).name());
        assertEquals(set("years", 5, "p_h800.high", 45000), base.variants().get(0).overrides());
        assertEquals(List.of("five-years", "wide"), d.variantNames());
        Scenario v = d.buildVariant("five-years", set("years", 7, "x.sd", 4));
        assertEquals(5.0, v.constants().get("years"));
        assertEquals(new Dist.Truncated(new Dist.Normal(0, 4), Double.NEGATIVE_INFINITY, 5), v.input("x").dist());
        ScenarioException e = assertThrows(ScenarioException.class, () -> d.buildVariant("wid", Map.of()));
        assertEquals(List.of("s.yaml: unknown variant 'wid'; did you mean 'wide'?"), e.lines());
    }

    @Test
    void everyVariantIsValidatedAtItsKey() {
        String doc = DOC + "variants:\n  bad: {x.sd: -3}\n  worse: {foo: 1, years: abc}\n  Bad_Name: {}\n";
        assertEquals(List.of(
                "s.yaml:14:3: variant bad: x.sd: must be positive, got -3",
                "s.yaml:15:11: variant worse: foo: unknown input or constant 'foo'; did you mean 'fob'?",
                "s.yaml:15:19: variant worse: years: not a number: 'abc'",
                "s.yaml:16:3: variants: 'Bad_Name' is not a valid name; names match [a-z0-9][a-z0-9_-]*"),
            errors(dir, doc));
    }

    @Test
    void variantOnTopOfCommandLineOverrides() {
        String doc = DOC + "variants:\n  v: {x.sd: 2}\n";
        // the command line makes x.truncate.lo 6 > hi 5: reported once, for the base, not again per variant
        assertEquals(List.of("s.yaml:6:54: x.truncate.hi: must be greater than lo (6), got 5"),
            errors(dir, doc, set("x.truncate.lo", 6)));
    }
}
