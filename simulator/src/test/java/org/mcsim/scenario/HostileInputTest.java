package org.mcsim.scenario;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mcsim.scenario.Scenarios.HEAD;
import static org.mcsim.scenario.Scenarios.errors;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile files are refused within seconds with positioned messages. */
class HostileInputTest {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private List<String> refusedQuickly(String text) {
        return assertTimeoutPreemptively(FEW_SECONDS, () -> errors(dir, text));
    }

    @Test
    void aNameWithoutValueOrTooLongForAFolderIsRefusedAtItsKey() {
        String inputs = "inputs:\n  x: {dist: normal, mean: 0, sd: 1}\n";
        for (String empty : new String[] {"~", "null", ""}) {
            assertEquals(List.of("s.yaml:1:1: name: has no value (write the scenario's name, such as fleet-tco)"),
                refusedQuickly("name: " + empty + "\n" + inputs), empty);
        }
        assertEquals(List.of("s.yaml:1:1: name: 240 characters is too long; a scenario name names a folder and "
            + "has at most 100 characters"), refusedQuickly("name: " + "a".repeat(240) + "\n" + inputs));
    }

    @Test
    void aRangeWiderThanTheDoublesIsRefusedAtItsUpperEndNotAsAParameterNeverWritten() {
        for (String dist : new String[] {"uniform, min: -1e308, max: 1e308", "triangular, min: -1e308, mode: 0, max: 1e308",
            "pert, min: -1e308, mode: 0, max: 1e308", "beta, alpha: 2, beta: 2, min: -1e308, max: 1e308"}) {
            List<String> e = refusedQuickly("name: s\ninputs:\n  x: {dist: " + dist + "}\n");
            assertEquals(1, e.size(), e.toString());
            assertTrue(e.get(0).matches("s\\.yaml:3:[0-9]+: x\\.max: max − min overflows a double \\(1\\.0E308 − "
                + "-1\\.0E308\\); the range must be narrower"), e.get(0));
        }
    }

    @Test
    void aNormalWhoseDrawsWouldOverflowIsRefusedAtItsSd() {
        assertEquals(List.of("s.yaml:3:30: x.sd: too large: values ten sds from the mean (|mean| + 10 sd) overflow a "
                + "double, got 1.0E308"),
            refusedQuickly("name: t\ninputs:\n  x: {dist: normal, mean: 0, sd: 1e308}\n"));
        assertEquals(1e306, assertDoesNotThrow(() -> Scenarios.build(dir,
            "name: t\ninputs:\n  x: {dist: normal, mean: 0, sd: 1e306}\n")).inputs().get(0).dist() instanceof
            org.mcsim.model.Dist.Normal n ? n.sd() : 0);
    }

    @Test
    void terminalControlsWrittenAsEscapesAreRefusedAtTheirValue() {
        assertEquals(List.of("s.yaml:3:43: character U+001B (written as an escape) is not allowed in a value; mcsim "
                + "prints values to terminals, CSV files and reports",
                "s.yaml:5:8: character U+2028 (written as an escape) is not allowed in a value; mcsim prints values "
                + "to terminals, CSV files and reports",
                "s.yaml:6:7: character U+0000 (written as an escape) is not allowed in a value; mcsim prints values "
                + "to terminals, CSV files and reports"),
            refusedQuickly("name: m\ninputs:\n  b: {dist: normal, mean: 0, sd: 1, unit: \"\\e[31mred\"}\nclaims:\n"
                + "  neg: \"b > 0\\u2028\"\n  ok: \"b < 0\\0\"\n"));
        assertEquals("two\nlines\tand a tab", assertDoesNotThrow(() -> Scenarios.build(dir,
            "name: m\ndescription: \"two\\nlines\\tand a tab\"\ninputs:\n  b: {dist: normal, mean: 0, sd: 1}\n"))
            .description(), "line feeds and tabs stay allowed");
    }

    @Test
    void aliasesAndAnchorsAreRefusedAtTheirPositions() {
        assertEquals(List.of("s.yaml:4:4: YAML anchors (&name) are not supported; write the value out",
                "s.yaml:5:4: YAML aliases (*name) are not supported; write the value out"),
            refusedQuickly(HEAD + "a: &x [1]\nb: *x\n"));
    }

    @Test
    void billionLaughsIsRefusedBeforeExpansion() {
        StringBuilder sb = new StringBuilder(HEAD + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 30; i++) {
            sb.append("a").append(i).append(": &a").append(i).append(" [");
            sb.append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }
        List<String> e = refusedQuickly(sb.toString());
        assertEquals("s.yaml:4:5: YAML anchors (&name) are not supported; write the value out", e.get(0));
        assertEquals(30 + 290, e.size());
    }

    @Test
    void deepFlowNestingIsRefused() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        List<String> e = refusedQuickly(HEAD + "description: " + deep + "\n");
        assertEquals(List.of("s.yaml:4:63: nested deeper than 50 levels"), e);
    }

    @Test
    void deepBlockNestingIsRefused() {
        StringBuilder sb = new StringBuilder(HEAD + "description:\n");
        for (int i = 1; i <= 2000; i++) {
            sb.append(" ".repeat(i)).append("k:\n");
        }
        List<String> e = refusedQuickly(sb.toString());
        assertEquals(1, e.size());
        assertTrue(e.get(0).endsWith(": nested deeper than 50 levels"), e.get(0));
    }

    @Test
    void megabyteLineIsHandled() {
        String big = "x".repeat(1 << 20);
        // YAML limits implicit keys to 1024 characters
        List<String> k = refusedQuickly(HEAD + big + ": 1\n");
        assertEquals(List.of("s.yaml:4:1048577: invalid YAML: could not find expected ':' (while scanning a simple key)"), k);
        String d = assertTimeoutPreemptively(FEW_SECONDS,
            () -> Scenarios.build(dir, HEAD + "description: " + big + "\n").description());
        assertEquals(big, d);
        List<String> e = refusedQuickly(HEAD + "formulas:\n  f: " + "x + ".repeat(1 << 18) + "\n");
        assertTrue(e.get(0).startsWith("s.yaml:5:"), e.get(0));
        List<String> n = refusedQuickly(HEAD + "constants:\n  c: " + "1_".repeat(1 << 19) + "x\n");
        assertEquals(List.of("s.yaml:5:3: c: not a number: '" + "1_".repeat(20) + "...'"), n);
    }

    @Test
    void manyUnknownNamesAreReportedQuickly() {
        StringBuilder sb = new StringBuilder(HEAD + "formulas:\n  f: max(x");
        for (int i = 0; i < 20_000; i++) {
            sb.append(", longname").append(i);
        }
        List<String> e = refusedQuickly(sb.append(")\n").toString());
        assertEquals(20_000, e.size());
    }

    @Test
    void longFormulaChainIsOrderedWithoutRecursion() throws Exception {
        StringBuilder sb = new StringBuilder(HEAD + "formulas:\n");
        for (int i = 50_000; i > 0; i--) {
            sb.append("  f").append(i).append(": f").append(i - 1).append(" + 1\n");
        }
        sb.append("  f0: x\n");
        var s = assertTimeoutPreemptively(FEW_SECONDS, () -> Scenarios.build(dir, sb.toString()));
        assertEquals("f0", s.evaluationOrder().get(0));
        assertEquals("f50000", s.evaluationOrder().get(50_000));
    }

    @Test
    void customTagsAndSecondDocumentsAreRefused() {
        assertEquals(List.of("s.yaml:5:6: YAML tag '!x' is not supported (quote a formula that starts with '!')"),
            refusedQuickly(HEAD + "formulas:\n  f: !x y\n"));
        assertEquals(List.of("s.yaml:4:1: a scenario is one YAML document; found a second one"),
            refusedQuickly(HEAD + "---\nname: u\n"));
    }

    @Test
    void fileAbove8MiBIsRefused() throws Exception {
        Path p = dir.resolve("big.yaml");
        Files.write(p, new byte[(8 << 20) + 1]);
        ScenarioException e = assertTimeoutPreemptively(FEW_SECONDS, () -> org.junit.jupiter.api.Assertions
            .assertThrows(ScenarioException.class, () -> ScenarioDocument.read(p, "big.yaml")));
        assertEquals(List.of("big.yaml:1:1: the file is larger than 8 MiB; a scenario must be smaller"), e.lines());
    }

    @Test
    void fileJustUnder8MiBIsReadWithinSeconds() {
        StringBuilder sb = new StringBuilder(HEAD);
        String comment = "# " + "c".repeat(1000) + "\n";
        while (sb.length() + comment.length() + 40 < (8 << 20)) {
            sb.append(comment);
        }
        List<String> e = refusedQuickly(sb.append("formulas:\n  f: x + zz\n").toString());
        assertEquals(1, e.size());
        assertTrue(e.get(0).endsWith(": formula f: unknown name 'zz'"), e.get(0));
    }

    @Test
    void hugeTinyAndNonFiniteNumbersAreRefusedEverywhere() {
        assertEquals(List.of(
                "s.yaml:4:22: y.min: too close to zero for a double (it would read as 0): '1e-400'",
                "s.yaml:4:35: y.max: out of the range of a double: '1e400'",
                "s.yaml:5:21: z.mean: infinity and NaN are not accepted: '.nan'",
                "s.yaml:5:33: z.sd: infinity and NaN are not accepted: '.inf'",
                "s.yaml:6:21: w.mean: infinity and NaN are not accepted: '-.Inf'",
                "s.yaml:6:34: w.sd: infinity and NaN are not accepted: '.NaN'",
                "s.yaml:8:10: formula f: number '1e400' is too large",
                "s.yaml:8:18: formula f: number '1e-400' is too close to zero (it would read as 0)",
                "s.yaml:9:6: formula g: unexpected character '.'"),
            refusedQuickly(HEAD + "  y: {dist: uniform, min: 1e-400, max: 1e400}\n"
                + "  z: {dist: normal, mean: .nan, sd: .inf}\n"
                + "  w: {dist: normal, mean: -.Inf, sd: !!float .NaN}\n"
                + "formulas:\n  f: x * 1e400 + 1e-400\n  g: .nan\n"));
    }

    @Test
    void subnormalNumbersAreKept() throws Exception {
        var s = assertTimeoutPreemptively(FEW_SECONDS,
            () -> Scenarios.build(dir, HEAD + "constants:\n  tiny: 1e-310\n"));
        assertEquals(1e-310, s.constants().get("tiny"));
    }

    @Test
    void duplicateKeysAreErrorsAtTheLaterKey() {
        assertEquals(List.of("s.yaml:4:3: inputs: duplicate key 'x' (first at line 3)",
                "s.yaml:5:37: y: duplicate key 'sd' (first at line 5)"),
            refusedQuickly(HEAD + "  x: {dist: constant, value: 1}\n"
                + "  y: {dist: normal, sd: 1, mean: 0, sd: 2}\n"));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedAtTheirPlace() throws Exception {
        Path p = dir.resolve("b.yaml");
        byte[] head = (HEAD + "description: caf").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
        bytes[head.length] = (byte) 0xe9; // Latin-1 e acute
        bytes[head.length + 1] = '\n';
        ScenarioException e = assertTimeoutPreemptively(FEW_SECONDS, () -> org.junit.jupiter.api.Assertions
            .assertThrows(ScenarioException.class, () -> ScenarioDocument.read(Files.write(p, bytes), "b.yaml")));
        assertEquals(List.of("b.yaml:4:17: not valid UTF-8 (byte 0xe9); a scenario is UTF-8 text"), e.lines());
    }

    @Test
    void tabsAndControlCharactersAreSyntaxErrors() {
        List<String> e = refusedQuickly("name: t\n\tinputs: 1\n");
        assertEquals(1, e.size());
        assertTrue(e.get(0).startsWith("s.yaml:2:1: invalid YAML: "), e.get(0));
        e = refusedQuickly("name: t\nx: é\u0001\n");
        assertEquals(List.of("s.yaml:2:5: character U+0001 is not allowed in a YAML file"), e);
        assertTrue(e.stream().noneMatch(l -> l.contains("Exception")), e.toString());
    }

    @Test
    void correlationsOverManyInputsAreCheckedQuickly() throws Exception {
        StringBuilder sb = new StringBuilder("name: t\ninputs:\n");
        for (int i = 0; i < 300; i++) {
            sb.append("  u").append(i).append(": {dist: uniform, min: 0, max: 1}\n");
        }
        sb.append("correlations:\n");
        for (int i = 1; i < 300; i++) {
            sb.append("  - {between: [u0, u").append(i).append("], rank: 0.01}\n");
        }
        var s = assertTimeoutPreemptively(FEW_SECONDS, () -> Scenarios.build(dir, sb.toString(), Map.of()));
        assertEquals(299, s.correlations().size());
    }
}
