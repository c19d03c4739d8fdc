package org.mcsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcsim.model.Input;
import org.mcsim.model.Scenario;

/**
 * {@code include:}: libraries of shared definitions, and their errors placed in the included
 * file; variants that replace a whole distribution.
 */
class IncludesTest {

    private static final String LIB = """
        indexes:
          gpu: [a100, h800]
        constants:
          hours: 8766
        inputs:
          price_kwh: {dist: lognormal, low: 0.06, high: 0.12}
          pue: {index: gpu, dist: uniform, min: 1.1, max: 1.4, draw: independent}
        formulas:
          kwh_cost: price_kwh * pue
        """;

    @TempDir
    Path dir;

    private void lib(String name, String text) throws Exception {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib").resolve(name), text);
    }

    @Test
    void anIncludedFileDefinesIndexesConstantsInputsAndFormulas() throws Exception {
        lib("power.yaml", LIB);
        Scenario s = Scenarios.build(dir, """
            name: t
            include: [lib/power.yaml]
            inputs:
              kw: {dist: uniform, min: 0.5, max: 0.8}
            formulas:
              cost: sum(kw * hours * kwh_cost, gpu)
            """);
        assertEquals(List.of("price_kwh", "pue[a100]", "pue[h800]", "kw"),
            s.inputs().stream().map(Input::name).toList());
        assertEquals(Map.of("hours", 8766.0), s.constants());
        assertEquals(List.of("kwh_cost[a100]", "kwh_cost[h800]", "cost"),
            s.formulas().stream().map(f -> f.name()).toList());
        // nothing of a library is reported unused
        assertEquals(List.of(), ScenarioDocument.read(dir.resolve(Scenarios.NAME), Scenarios.NAME).warnings(s));
    }

    @Test
    void errorsInAnIncludedFileArePlacedInIt() throws Exception {
        lib("bad.yaml", """
            inputs:
              pue: {dist: uniform, min: 1.5, max: 1.4}
              kw: {dist: normal, mean: 1, sd: 1}
            formulas:
              f: pue * zz
              g: |
                pue +
                  * 2
            include: [other.yaml]
            """);
        String lib = Path.of(Scenarios.NAME).resolveSibling("lib/bad.yaml").toString();
        assertEquals(List.of(
            lib + ":2:34: pue.max: must be greater than min (1.5), got 1.4",
            lib + ":5:12: formula f: unknown name 'zz'",
            lib + ":8:7: formula g: missing operand between '+' and '*'",
            lib + ":9:1: include: an included file cannot include others; include them all from the scenario",
            "s.yaml:2:25: include: lib/missing.yaml: cannot read: no such file",
            "s.yaml:4:3: inputs: the name 'kw' is already used by the input at " + lib + ":3"),
            Scenarios.errors(dir, """
                name: t
                include: [lib/bad.yaml, lib/missing.yaml]
                inputs:
                  kw: {dist: uniform, min: 0.5, max: 0.8}
                formulas:
                  h: kw * f
                """));
    }

    @Test
    void aBrokenIncludedFileIsReportedUnderItsName() throws Exception {
        lib("broken.yaml", "inputs:\n\tx: 1\n");
        String lib = Path.of(Scenarios.NAME).resolveSibling("lib/broken.yaml").toString();
        List<String> e = Scenarios.errors(dir,
            "name: t\ninclude: lib/broken.yaml\ninputs:\n  x: {dist: normal, mean: 0, sd: 1}\n");
        assertEquals(1, e.size(), e.toString());
        assertEquals(true, e.get(0).startsWith(lib + ":2:1: invalid YAML"), e.get(0));
    }

    @Test
    void aVariantReplacesAWholeDistribution() throws Exception {
        String text = """
            name: t
            indexes:
              gpu: [a, b]
            inputs:
              x: {dist: normal, mean: 10, sd: 1}
              p: {index: gpu, dist: uniform, min: 1, max: 2, draw: independent}
            formulas:
              f: x + sum(p, gpu)
            variants:
              swap:
                x: {dist: triangular, min: 0, mode: 1, max: 2}
                x.max: 4
                "p[b]": {dist: constant, value: 7}
            """;
        Scenarios.write(dir, text);
        ScenarioDocument doc = ScenarioDocument.read(dir.resolve(Scenarios.NAME), Scenarios.NAME);
        Scenario base = doc.build(Map.of());
        Scenario swap = doc.buildVariant("swap", Map.of());
        assertEquals("Normal", base.input("x").dist().getClass().getSimpleName());
        assertEquals("Triangular", swap.input("x").dist().getClass().getSimpleName());
        assertEquals(new org.mcsim.model.Dist.Triangular(0, 1, 4), swap.input("x").dist());
        assertEquals("Constant", swap.input("p[b]").dist().getClass().getSimpleName());
        assertEquals(base.input("p[a]").dist(), swap.input("p[a]").dist());
        assertEquals(List.of("s.yaml:13:5: variant swap: p: p is indexed; replace one element at a time, as in"
            + " \"p[...]\""), Scenarios.errors(dir, text.replace("\"p[b]\"", "p")));
    }
}
