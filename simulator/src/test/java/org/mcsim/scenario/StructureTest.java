package org.mcsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mcsim.scenario.Scenarios.HEAD;
import static org.mcsim.scenario.Scenarios.build;
import static org.mcsim.scenario.Scenarios.errors;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcsim.model.Method;
import org.mcsim.model.QuantileLevel;
import org.mcsim.model.Scenario;
import org.mcsim.model.Settings;

/** Top-level keys, closed maps, names, settings, sources, outputs, YAML-level problems. */
class StructureTest {

    @TempDir
    Path dir;

    @Test
    void minimalScenarioTakesTheDefaults() throws Exception {
        Scenario s = build(dir, HEAD);
        assertEquals("t", s.name());
        assertEquals("", s.description());
        assertEquals(Settings.defaults(), s.settings());
        assertEquals(List.of("x"), s.outputs());
        assertEquals(List.of(), s.formulas());
    }

    @Test
    void unknownTopLevelKeySuggestsTheNearest() {
        assertEquals(List.of("s.yaml:4:1: unknown key 'inptus'; did you mean 'inputs'?"),
            errors(dir, HEAD + "inptus: 3\n"));
    }

    @Test
    void unknownKeyWithoutNearOneListsTheKnownKeys() {
        assertEquals(List.of("s.yaml:5:3: settings: unknown key 'zzzzzzzz'; expected one of samples, seed,"
                + " method, confidence, quantiles, histogram_bins"),
            errors(dir, HEAD + "settings:\n  zzzzzzzz: 1\n"));
    }

    @Test
    void unknownKeysInAnInputAndInACorrelationEntry() {
        assertEquals(List.of("s.yaml:3:37: x: unknown key 'sdd'; did you mean 'sd'?",
                "s.yaml:6:34: correlations[0]: unknown key 'rnak'; did you mean 'rank'?"),
            errors(dir, "name: t\ninputs:\n  x: {dist: normal, mean: 0, sd: 1, sdd: 2}\n"
                + "  y: {dist: uniform, min: 0, max: 1}\ncorrelations:\n  - {between: [x, y], rank: 0.5, rnak: 1}\n"));
    }

    @Test
    void keysAreReadAsTextNotAsBooleansOrNulls() throws Exception {
        Scenario s = build(dir, "name: t\nconstants:\n  on: 1\n  no: 2\n  'null': 3\n"
            + "inputs:\n  yes: {dist: uniform, min: 0, max: 1}\nformulas:\n  f: on + no + null + yes\n");
        assertEquals(Map.of("on", 1.0, "no", 2.0, "null", 3.0), s.constants());
        assertEquals("yes", s.inputs().get(0).name());
    }

    @Test
    void duplicateKeyIsReportedAtItsLaterOccurrence() {
        assertEquals(List.of("s.yaml:4:1: duplicate key 'name' (first at line 1)"),
            errors(dir, HEAD + "name: u\n"));
    }

    @Test
    void nameIsRequiredAndChecked() {
        assertEquals(List.of("s.yaml:1:1: missing key 'name' (the scenario's name, such as fleet-tco)"),
            errors(dir, "inputs:\n  x: {dist: normal, mean: 0, sd: 1}\n"));
        assertEquals(List.of("s.yaml:1:1: name: 'Fleet' is not a valid scenario name; it must match"
                + " [a-z0-9][a-z0-9_-]*"),
            errors(dir, "name: Fleet\ninputs:\n  x: {dist: normal, mean: 0, sd: 1}\n"));
        assertEquals(List.of("s.yaml:1:1: name: 'compare' is reserved (the compare command writes OUT/compare)"),
            errors(dir, "name: compare\ninputs:\n  x: {dist: normal, mean: 0, sd: 1}\n"));
    }

    @Test
    void inputsAreRequiredWithAtLeastOne() {
        assertEquals(List.of("s.yaml:1:1: missing key 'inputs' (at least one input is required)"),
            errors(dir, "name: t\n"));
        assertEquals(List.of("s.yaml:2:1: inputs: at least one input is required"),
            errors(dir, "name: t\ninputs: {}\n"));
        assertEquals(List.of("s.yaml:2:1: inputs: must be a map, not a list"),
            errors(dir, "name: t\ninputs: [x]\n"));
    }

    @Test
    void namesFollowTheRuleAndAreNotFunctionNames() {
        assertEquals(List.of("s.yaml:5:3: constants: '1x' is not a valid name; names match [A-Za-z_][A-Za-z0-9_]*",
                "s.yaml:6:3: constants: 'log' is a function name"),
            errors(dir, HEAD + "constants:\n  1x: 1\n  log: 2\n"));
    }

    @Test
    void namesAreUniqueAcrossConstantsInputsAndFormulasAtTheLaterOne() {
        assertEquals(List.of("s.yaml:5:3: formulas: the name 'x' is already used by the input at line 3"),
            errors(dir, HEAD + "formulas:\n  x: 1\n"));
        // a constant written after the inputs is the later occurrence
        assertEquals(List.of("s.yaml:5:3: constants: the name 'x' is already used by the input at line 3"),
            errors(dir, HEAD + "constants:\n  x: 1\n"));
    }

    @Test
    void settingsAreReadAndChecked() throws Exception {
        Scenario s = build(dir, HEAD + "settings:\n  samples: 1e6\n  seed: -9223372036854775808\n"
            + "  method: sobol\n  confidence: 0.9\n  quantiles: [0.975, 0.025, 0.5]\n  histogram_bins: 20\n");
        Settings st = s.settings();
        assertEquals(1_000_000L, st.samples());
        assertEquals(Long.MIN_VALUE, st.seed());
        assertEquals(Method.SOBOL, st.method());
        assertEquals(0.9, st.confidence());
        assertEquals(List.of("p2.5", "p50", "p97.5"), st.quantiles().stream().map(QuantileLevel::label).toList());
        assertEquals(20, st.histogramBins());
    }

    @Test
    void badSettingsAreAllReported() {
        assertEquals(List.of(
                "s.yaml:5:3: settings.samples: must be at least 1, got 0",
                "s.yaml:6:3: settings.seed: not an integer: '1.5'",
                "s.yaml:7:3: settings.method: unknown method 'rand'; did you mean 'random'?",
                "s.yaml:8:3: settings.confidence: must be between 0 and 1 (both excluded), got 1",
                "s.yaml:9:20: settings.quantiles[1]: 0.5 is listed twice",
                "s.yaml:9:25: settings.quantiles[2]: must be between 1e-6 and 1 - 1e-6, got 0",
                "s.yaml:10:3: settings.histogram_bins: not an integer: '2.5'"),
            errors(dir, HEAD + "settings:\n  samples: 0\n  seed: 1.5\n  method: rand\n  confidence: 1\n"
                + "  quantiles: [0.5, 0.5, 0]\n  histogram_bins: 2.5\n"));
    }

    @Test
    void numbersInTheFileFollowTheNumberSyntax() {
        assertEquals(List.of("s.yaml:5:3: a: octal numbers are not accepted: '0o17'",
                "s.yaml:6:3: b: leading zeros are not accepted (YAML 1.1 reads them as octal): '012'",
                "s.yaml:7:3: c: hexadecimal numbers are not accepted: '0x1F'",
                "s.yaml:8:3: d: sexagesimal numbers are not accepted: '1:30'",
                "s.yaml:9:3: e: infinity and NaN are not accepted: '.inf'",
                "s.yaml:10:3: f: expected a number, got the quoted text '12' (write numbers without quotes)",
                "s.yaml:11:3: g: expected a number, got nothing",
                "s.yaml:12:3: h: expected a number, got a list"),
            errors(dir, HEAD + "constants:\n  a: 0o17\n  b: 012\n  c: 0x1F\n  d: 1:30\n  e: .inf\n"
                + "  f: '12'\n  g:\n  h: [1]\n"));
    }

    @Test
    void sourcesAndDescriptionAreText() throws Exception {
        Scenario s = build(dir, HEAD + "description: A b\nsources:\n  - one\n  - \"two: 2\"\n");
        assertEquals("A b", s.description());
        assertEquals(List.of("one", "two: 2"), s.sources());
        assertEquals(List.of("s.yaml:4:1: sources: must be a list of citations, not 'x'"),
            errors(dir, HEAD + "sources: x\n"));
    }

    @Test
    void inputTextFieldsAreKept() throws Exception {
        Scenario s = build(dir, "name: t\ninputs:\n  x: {dist: normal, mean: 0, sd: 1, unit: USD,"
            + " description: price, source: \"a, b\"}\n");
        assertEquals("USD", s.inputs().get(0).unit());
        assertEquals("price", s.inputs().get(0).description());
        assertEquals("a, b", s.inputs().get(0).source());
    }

    @Test
    void outputsDefaultToFormulasThenInputs() throws Exception {
        assertEquals(List.of("f", "g"), build(dir, HEAD + "formulas:\n  f: x\n  g: f\n").outputs());
        assertEquals(List.of("x", "f"), build(dir, HEAD + "formulas:\n  f: x\noutputs: [x, f]\n").outputs());
    }

    @Test
    void outputsMustBeDistinctInputsOrFormulas() {
        assertEquals(List.of("s.yaml:6:14: outputs: 'k' is a constant; outputs are inputs or formulas",
                "s.yaml:6:17: outputs: unknown input or formula 'ff'; did you mean 'f'?",
                "s.yaml:6:21: outputs: 'x' is listed twice"),
            errors(dir, HEAD + "constants: {k: 1}\nformulas: {f: x}\noutputs: [x, k, ff, x]\n"));
    }

    @Test
    void yamlSyntaxErrorIsPositionedWithoutJavaNames() {
        List<String> e = errors(dir, "name: t\ninputs: [1, 2\nx: 3\n");
        assertEquals(1, e.size());
        assertEquals("s.yaml:3:2: invalid YAML: expected ',' or ']', but got : (while parsing a flow sequence)",
            e.get(0));
    }

    @Test
    void emptyFileIsReportedAtTheStart() {
        assertEquals(List.of("s.yaml:1:1: the file is empty; a scenario needs at least name and inputs"),
            errors(dir, ""));
        assertEquals(List.of("s.yaml:1:1: the file is empty; a scenario needs at least name and inputs"),
            errors(dir, "# only a comment\n"));
    }

    @Test
    void topLevelMustBeAMap() {
        assertEquals(List.of("s.yaml:1:1: a scenario is a map with the keys name, inputs, ...; found a list"),
            errors(dir, "- a\n- b\n"));
    }

    @Test
    void unreadableFileSaysWhy() {
        ScenarioException e = assertThrows(ScenarioException.class,
            () -> ScenarioDocument.read(dir.resolve("missing.yaml"), "missing.yaml"));
        assertEquals(List.of("missing.yaml: cannot read: no such file"), e.lines());
        e = assertThrows(ScenarioException.class, () -> ScenarioDocument.read(dir, "d"));
        assertEquals(List.of("d: cannot read: is a directory"), e.lines());
    }

    @Test
    void invalidUtf8IsReportedWhereItStarts() throws Exception {
        java.nio.file.Files.write(dir.resolve("b.yaml"), new byte[] {'n', ':', ' ', 'a', '\n', 'x', (byte) 0xff});
        ScenarioException e = assertThrows(ScenarioException.class,
            () -> ScenarioDocument.read(dir.resolve("b.yaml"), "b.yaml"));
        assertEquals(List.of("b.yaml:2:2: not valid UTF-8 (byte 0xff); a scenario is UTF-8 text"), e.lines());
    }

    @Test
    void errorsAreSortedByPositionAndAllReported() {
        List<String> e = errors(dir, "name: t\ninputs:\n  x: {dist: normal, mean: 0, sd: -1}\n"
            + "  y: {dist: uniform, min: 5, max: 3}\nbogus: 1\n");
        assertEquals(List.of("s.yaml:3:30: x.sd: must be positive, got -1",
            "s.yaml:4:30: y.max: must be greater than min (5), got 3",
            "s.yaml:5:1: unknown key 'bogus'; expected one of name, description, sources, settings,"
            + " constants, inputs, formulas, outputs, claims, correlations, variants"), e.subList(0, 3));
    }

    @Test
    void documentKeepsDigestAndNames() throws Exception {
        Path p = Scenarios.write(dir, HEAD);
        ScenarioDocument d = ScenarioDocument.read(p, "given/s.yaml");
        assertEquals("given/s.yaml", d.displayName());
        assertEquals(p, d.file());
        // sha256 of the bytes, checked against the JDK's digest
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
            .digest(java.nio.file.Files.readAllBytes(p)));
        assertEquals(expected, d.sha256());
        assertEquals(64, d.sha256().length());
    }
}
