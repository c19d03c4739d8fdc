package org.mcsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mcsim.scenario.Scenarios.build;
import static org.mcsim.scenario.Scenarios.errors;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcsim.expr.Exprs;
import org.mcsim.model.Correlation;
import org.mcsim.model.Input;
import org.mcsim.model.Scenario;

/**
 * Indexes: declared indexes, indexed inputs and constants expanded per element, formulas and
 * claims expanded with broadcasting, reductions, picks and lags, and their errors at
 * FILE:LINE:COLUMN.
 */
class IndexesTest {

    private static final String FLEET = """
        name: t
        indexes:
          gpu: [a100, h800, h20]
          year: 2021..2023
        constants:
          count: {index: gpu, values: {a100: 100, h800: 200, h20: 50}}
        inputs:
          price:
            index: gpu
            dist: lognormal
            elements:
              a100: {low: 10000, high: 15000}
              h800: {low: 20000, high: 40000}
              h20: {low: 8000, high: 12000, ci: 0.8}
          mult: {index: gpu, dist: uniform, min: 1.3, max: 1.8, draw: independent}
          growth: {index: year, dist: normal, mean: 0.1, sd: 0.02, draw: shared}
        """;

    @TempDir
    Path dir;

    private String formula(Scenario s, String name) {
        return Exprs.toString(s.formula(name).expr());
    }

    @Test
    void indexedInputsAndConstantsAreOneScalarPerElement() throws Exception {
        Scenario s = build(dir, FLEET + "formulas:\n  capex: count * price * mult\n");
        assertEquals(List.of("price[a100]", "price[h800]", "price[h20]", "mult[a100]", "mult[h800]", "mult[h20]",
            "growth"), s.inputs().stream().map(Input::name).toList());
        assertEquals(Map.of("count[a100]", 100.0, "count[h800]", 200.0, "count[h20]", 50.0), s.constants());
        // the per-element table is merged over what is written beside it: h20 keeps its own ci
        assertEquals(s.input("price[a100]").dist().getClass(), s.input("price[h20]").dist().getClass());
        assertTrue(!s.input("price[h20]").dist().equals(s.input("price[a100]").dist()));
    }

    @Test
    void arithmeticBroadcastsElementByElement() throws Exception {
        Scenario s = build(dir, FLEET + "formulas:\n  capex: count * price * mult\n  g: growth * year\n");
        assertEquals(List.of("capex[a100]", "capex[h800]", "capex[h20]", "g[2021]", "g[2022]", "g[2023]"),
            s.formulas().stream().map(f -> f.name()).toList());
        assertEquals("((count[h800] * price[h800]) * mult[h800])", formula(s, "capex[h800]"));
        // a shared draw is one input; the index's own name is its element's value
        assertEquals("(growth * 2022)", formula(s, "g[2022]"));
        assertEquals(s.outputs(), s.formulas().stream().map(f -> f.name()).toList());
    }

    @Test
    void twoIndexesMakeTheOuterProductNamedInDeclarationOrder() throws Exception {
        Scenario s = build(dir, FLEET + "formulas:\n  c: growth * year + price\n");
        assertEquals(9, s.formulas().size());
        assertEquals("((growth * 2021) + price[h20])", formula(s, "c[h20,2021]"));
    }

    @Test
    void reductionsAndPicks() throws Exception {
        Scenario s = build(dir, FLEET + """
            formulas:
              capex: count * price
              total: sum(capex, gpu)
              p: prod(mult, gpu)
              m: mean(mult, gpu)
              lo: min(price, gpu)
              share: capex[gpu=h800] / total + capex[h20]
              each: capex / sum(capex, gpu)
            """);
        assertEquals("((capex[a100] + capex[h800]) + capex[h20])", formula(s, "total"));
        assertEquals("((mult[a100] * mult[h800]) * mult[h20])", formula(s, "p"));
        assertEquals("(((mult[a100] + mult[h800]) + mult[h20]) / 3)", formula(s, "m"));
        assertEquals("min(price[a100], price[h800], price[h20])", formula(s, "lo"));
        assertEquals("((capex[h800] / total) + capex[h20])", formula(s, "share"));
        assertEquals("(capex[h20] / ((capex[a100] + capex[h800]) + capex[h20]))", formula(s, "each[h20]"));
    }

    @Test
    void lagsAndCumulativeOperationsFollowTheIndexOrder() throws Exception {
        Scenario s = build(dir, FLEET + """
            formulas:
              path: if(year == 2021, 1, path[year-1] * (1 + growth))
              spend: cumsum(path, year)
              lead: path[year+1]
            """);
        assertEquals("if((2021 == 2021), 1, (0 * (1 + growth)))", formula(s, "path[2021]"));
        assertEquals("if((2023 == 2021), 1, (path[2022] * (1 + growth)))", formula(s, "path[2023]"));
        assertEquals("((path[2021] + path[2022]) + path[2023])", formula(s, "spend[2023]"));
        assertEquals("path[2021]", formula(s, "spend[2021]"));
        assertEquals("0", formula(s, "lead[2023]"));
        assertTrue(s.evaluationOrder().indexOf("path[2021]") < s.evaluationOrder().indexOf("path[2022]"));
    }

    @Test
    void claimsAndOutputsAreIndexed() throws Exception {
        Scenario s = build(dir, FLEET + """
            formulas:
              capex: count * price
              total: sum(capex, gpu)
            outputs: [capex, "price[h20]", total]
            claims:
              big: capex > 1e6
            """);
        assertEquals(List.of("capex[a100]", "capex[h800]", "capex[h20]", "price[h20]", "total"), s.outputs());
        assertEquals(List.of("big[a100]", "big[h800]", "big[h20]"), s.claims().stream().map(c -> c.name()).toList());
    }

    @Test
    void correlationsPairElementsOrNameSingleOnes() throws Exception {
        Scenario s = build(dir, FLEET + """
            formulas:
              capex: count * price * mult
            correlations:
              - {between: [price, mult], rank: 0.5}
              - {between: ["price[a100]", "price[h800]"], rank: 0.3}
            """);
        assertEquals(List.of(new Correlation("price[a100]", "mult[a100]", 0.5),
            new Correlation("price[h800]", "mult[h800]", 0.5), new Correlation("price[h20]", "mult[h20]", 0.5),
            new Correlation("price[a100]", "price[h800]", 0.3)), s.correlations());
    }

    @Test
    void setAndVariantsAddressElements() throws Exception {
        String text = FLEET + "formulas:\n  capex: count * price\nvariants:\n  dear: {\"price[h800].high\": 80000}\n";
        Scenario s = build(dir, text, Map.of("price[a100].high", 20000.0, "count[h20]", 7.0));
        assertEquals(7.0, s.constants().get("count[h20]"));
        Scenario base = build(dir, text);
        assertTrue(!base.input("price[a100]").dist().equals(s.input("price[a100]").dist()));
        assertEquals(base.input("price[h800]").dist(), s.input("price[h800]").dist());
        Scenario dear = ScenarioDocument.read(dir.resolve(Scenarios.NAME), Scenarios.NAME)
            .buildVariant("dear", Map.of());
        assertTrue(!base.input("price[h800]").dist().equals(dear.input("price[h800]").dist()));
        assertEquals(List.of("--set price.high: price is indexed by gpu; set one element at a time, as in"
            + " price[a100].high"), errors(dir, text, Map.of("price.high", 1.0)));
    }

    @Test
    void aLongFlatSumIsExpandedWithoutDeepRecursion() throws Exception {
        String terms = String.join(" + ", java.util.Collections.nCopies(20_000, "mult"));
        Scenario s = build(dir, FLEET + "formulas:\n  f: " + terms + "\n  g: sum(f, gpu) + count + price + growth\n");
        assertEquals(20_000, Exprs.references(s.formula("f[h20]").expr()).size());
        assertEquals("mult[h20]", Exprs.references(s.formula("f[h20]").expr()).get(19_999).name());
    }

    @Test
    void aFormulaOverTooManyElementsIsRefusedBeforeItIsWrittenOut() {
        String text = "name: t\nindexes:\n  a: 1..1000\n  b: 1..1000\n  c: 1..1000\ninputs:\n"
            + "  x: {index: a, dist: normal, mean: 0, sd: 1, draw: shared}\n"
            + "  y: {index: b, dist: normal, mean: 0, sd: 1, draw: shared}\n"
            + "  z: {index: c, dist: normal, mean: 0, sd: 1, draw: shared}\nformulas:\n  f: x * y * z\n";
        assertEquals(List.of("s.yaml:11:3: formula f: it is indexed by a, b, c, 1000000000 elements; an indexed"
            + " formula or claim has at most 100000 (reduce over an index before combining them)"), errors(dir, text));
    }

    @Test
    void manyOpenBracketsAreReadInLinearTime() {
        String text = Scenarios.HEAD + "formulas:\n  f: \"" + "x[".repeat(200_000) + "\"\n";
        long start = System.nanoTime();
        List<String> e = errors(dir, text);
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "refused within seconds");
        assertTrue(e.get(0).startsWith("s.yaml:5:8: formula f: unclosed '[' after x"), e.get(0));
    }

    @Test
    void aScenarioWithoutIndexesIsReadAsBefore() throws Exception {
        Scenario s = build(dir, Scenarios.HEAD + "formulas:\n  sum: x * 2\n  f: sum + 1\n");
        assertEquals("(sum + 1)", formula(s, "f"));
    }

    // ---- errors ----

    @Test
    void mismatchedIndexesAreErrorsAtTheSubscriptOrCall() {
        assertEquals(List.of(
            "s.yaml:18:13: formula a: growth is not indexed by gpu (its indexes: year)",
            "s.yaml:19:6: formula b: sum over year: its argument is not indexed by year (its indexes: gpu)",
            "s.yaml:20:16: formula c: price is not indexed by year (its indexes: gpu)"),
            errors(dir, FLEET + """
                formulas:
                  a: growth[gpu=h800]
                  b: sum(price, year)
                  c: 1 + price[year-1]
                """));
    }

    @Test
    void unknownElementsAndIndexesSuggestTheNearest() {
        assertEquals(List.of(
            "s.yaml:6:54: count.values: unknown element 'h900' of index gpu; did you mean 'h800'?",
            "s.yaml:18:12: formula a: unknown element 'h900' of index gpu; did you mean 'h800'?",
            "s.yaml:19:17: formula b: unknown index 'gpus'; did you mean 'gpu'?",
            "s.yaml:20:12: formula c: 'zz' is neither an index nor an element of price (its indexes: gpu)"),
            errors(dir, FLEET.replace("h20: 50}", "h900: 3, h20: 50}") + """
                formulas:
                  a: price[gpu=h900]
                  b: sum(price, gpus)
                  c: price[zz]
                """));
    }

    @Test
    void anIndexUsedWhereNoneIsDeclared() {
        assertEquals(List.of(
            "s.yaml:5:6: formula t: sum(x, index) takes an expression and an index, as in sum(cost, gpu); got 1"
                + " argument",
            "s.yaml:5:22: formula t: 'gpu' is not a declared index (this scenario declares no indexes; declare them"
                + " under indexes:)",
            "s.yaml:5:31: formula t: 'gpu' is not a declared index (this scenario declares no indexes; declare them"
                + " under indexes:)"),
            errors(dir, Scenarios.HEAD + "formulas:\n  t: sum(x) + sum(x, gpu) + x[gpu=a]\n"));
        assertEquals(List.of("s.yaml:4:14: q.index: 'gpu' is not declared; declare it under indexes: (as in"
            + " indexes: {gpu: [a, b]})"), errors(dir, Scenarios.HEAD + "  q: {index: gpu, dist: normal, mean: 0,"
            + " sd: 1, draw: shared}\n"));
    }

    @Test
    void aCycleThroughALagIsReportedElementByElement() {
        assertEquals(List.of("s.yaml:18:3: formula a[2021]: cycle a[2021] -> b[2022] -> a[2021]",
            "s.yaml:18:3: formula a[2022]: cycle a[2022] -> b[2023] -> a[2022]"),
            errors(dir, FLEET + "formulas:\n  a: b[year+1] + growth\n  b: a[year-1] + a[year+1]\n"));
    }

    @Test
    void indexedInputsSayHowTheyAreDrawn() {
        assertEquals(List.of("s.yaml:8:3: z: an indexed input with one distribution says how its elements are"
            + " drawn: draw: independent (a draw per element) or draw: shared (one draw for every element)"),
            errors(dir, FLEET.replace("inputs:\n", "inputs:\n  z: {index: gpu, dist: normal, mean: 0, sd: 1}\n")
                + "formulas:\n  f: z + price + mult + count + growth\n"));
    }

    @Test
    void aParameterWrittenOnceForEveryElementIsReportedOnce() {
        assertEquals(List.of("s.yaml:5:40: x[a].sd: must be positive, got -1"), errors(dir, "name: t\nindexes:\n"
            + "  g: [a, b, c]\ninputs:\n  x: {index: g, dist: normal, mean: 0, sd: -1, draw: independent}\n"));
    }

    @Test
    void aTableNamesEveryElementOnce() {
        List<String> e = errors(dir, FLEET.replace("      h20: {low: 8000, high: 12000, ci: 0.8}\n", "")
            + "formulas:\n  f: price + mult + count + growth\n");
        assertEquals(List.of("s.yaml:11:5: price.elements: missing element h20 of index gpu"), e);
    }

    @Test
    void indexDeclarationsAreChecked() {
        List<String> e = errors(dir, "name: t\nindexes:\n  gpu: [a, a]\n  year: 2024..2021\n  sum: [x]\n"
            + "  x: [a]\ninputs:\n  x: {dist: normal, mean: 0, sd: 1}\n");
        assertEquals(List.of("s.yaml:3:12: indexes: gpu: element 'a' is listed twice",
            "s.yaml:4:9: indexes: year: the range 2024..2021 is empty; write the smaller bound first",
            "s.yaml:5:3: indexes: 'sum' is a function name",
            "s.yaml:8:3: inputs: the name 'x' is already used by the index at line 6"), e);
    }
}
