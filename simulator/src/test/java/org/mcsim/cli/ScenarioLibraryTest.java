package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mcsim.engine.Engine;
import org.mcsim.engine.Plan;
import org.mcsim.engine.RunFailedException;
import org.mcsim.engine.RunOptions;
import org.mcsim.engine.RunResult;
import org.mcsim.engine.VariableSummary;
import org.mcsim.expr.Exprs;
import org.mcsim.model.Dist;
import org.mcsim.model.Formula;
import org.mcsim.model.Input;
import org.mcsim.model.Scenario;
import org.mcsim.scenario.ScenarioDocument;
import org.mcsim.scenario.ScenarioException;

/**
 * The scenario library under {@code scenarios/} (found from the test's working directory,
 * {@code simulator/}): every file validates and runs with each of its variants, every uncertain
 * input cites a source, DeepSeek's reported arithmetic gives $5.576M exactly, and the central
 * cases match hand calculations from the fact sheet's central values.
 */
class ScenarioLibraryTest {
    static final Path LIBRARY = Path.of("..", "scenarios");
    static final Path DEEPSEEK = LIBRARY.resolve("deepseek");
    static final long SMALL = 4096;

    static List<Path> scenarioFiles() throws IOException {
        try (Stream<Path> s = Files.walk(LIBRARY)) {
            return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    static RunResult run(Scenario s) throws RunFailedException {
        return Engine.run(Plan.of(s.withSettings(s.settings().withSamples(SMALL))),
            new RunOptions(SMALL, 2, false, RunOptions.Progress.NONE));
    }

    static ScenarioDocument read(Path file) throws ScenarioException {
        return ScenarioDocument.read(file, file.toString());
    }

    @Test
    void theLibraryHoldsTheFourDeepSeekScenarios() throws IOException {
        List<String> names = scenarioFiles().stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("v3-reported.yaml", "v3-owned.yaml", "fleet-tco.yaml",
            "attribution.yaml")), names.toString());
    }

    @ParameterizedTest
    @MethodSource("scenarioFiles")
    void everyScenarioAndVariantValidatesAndRuns(Path file) throws Exception {
        ScenarioDocument doc = read(file);
        Scenario s = doc.build(Map.of());
        assertAllFinite(run(s));
        for (String v : doc.variantNames()) {
            RunResult r = run(doc.buildVariant(v, Map.of()));
            assertAllFinite(r);
            assertEquals(s.settings().seed(), r.scenario().settings().seed(), "variants keep the scenario's seed");
        }
        assertEquals(0, Cli.run("validate", file.toString()).status);
    }

    @ParameterizedTest
    @MethodSource("scenarioFiles")
    void everyScenarioCitesItsSourcesAndEveryUncertainInputOne(Path file) throws ScenarioException {
        Scenario s = read(file).build(Map.of());
        assertFalse(s.sources().isEmpty(), file + ": sources");
        assertFalse(s.description().isBlank(), file + ": description");
        for (Input in : s.inputs()) {
            if (!(in.dist() instanceof Dist.Constant)) {
                assertFalse(in.source() == null || in.source().isBlank(), file + ": " + in.name() + " has no source");
            }
        }
    }

    private static void assertAllFinite(RunResult r) {
        assertEquals(SMALL, r.samples());
        for (VariableSummary v : r.variables()) {
            assertTrue(Double.isFinite(v.mean().value()) && Double.isFinite(v.min()) && Double.isFinite(v.max()),
                r.scenario().name() + ": " + v.name());
        }
    }

    @Test
    void reportedArithmeticGivesExactly5576000() throws Exception {
        RunResult r = run(read(DEEPSEEK.resolve("v3-reported.yaml")).build(Map.of()));
        VariableSummary reported = r.variable("reported");
        // Table 1: (2,664K + 119K + 5K) H800 GPU-hours x $2 = $5.576M, in exact arithmetic
        assertEquals(5.576e6, reported.mean().value(), 0.0);
        assertEquals(5.576e6, reported.min(), 0.0);
        assertEquals(5.576e6, reported.max(), 0.0);
        assertEquals(1.0, r.claims().stream().filter(c -> c.name().equals("reported-5.576M")).findFirst()
            .orElseThrow().probability().value(), 0.0);
    }

    /**
     * Every formula evaluated with the reference interpreter, every input at its central value:
     * the mode of a triangular, the median exp(mu) = sqrt(low * high) of a lognormal given by its
     * 5-95% range, the mean of a beta.
     */
    static Map<String, Double> central(Path file) throws ScenarioException {
        Scenario s = read(file).build(Map.of());
        Map<String, Double> values = new HashMap<>(s.constants());
        for (Input in : s.inputs()) {
            values.put(in.name(), centralValue(in));
        }
        for (String name : s.evaluationOrder()) {
            Formula f = s.formula(name);
            values.put(name, Exprs.evaluate(f.expr(), values::get));
        }
        return values;
    }

    private static double centralValue(Input in) {
        Dist d = in.dist();
        if (d instanceof Dist.Triangular t) {
            return t.mode();
        } else if (d instanceof Dist.LogNormal l) {
            return Math.exp(l.mu());
        } else if (d instanceof Dist.Beta b) {
            return b.min() + (b.max() - b.min()) * b.alpha() / (b.alpha() + b.beta());
        } else if (d instanceof Dist.Constant c) {
            return c.value();
        }
        throw new AssertionError(in.name() + ": no central value for " + d);
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-12 * Math.abs(expected), what);
    }

    @Test
    void fleetCentralCaseMatchesTheHandCalculation() throws ScenarioException {
        Map<String, Double> c = central(DEEPSEEK.resolve("fleet-tco.yaml"));
        // Fact sheet section 10 central values: 11,100 A100; 10,000 H800; 10,000 H100; 30,000 H20
        double hoppers = 10_000 + 10_000;
        double gpus = 11_100 + hoppers + 30_000;                                   // 61,100
        double capex = hoppers * Math.sqrt(30_000.0 * 55_000) + 30_000 * 24_000.0 + 11_100 * 15_500.0;
        assertEquals(1.70445e9, capex, 1e4, "capex by hand");                      // ~$1.704B
        double kw = hoppers * 1.275 + 30_000 * 0.73 + 11_100 * 0.6;                // 54,060 kW nameplate
        double energy = kw * 0.75 * 1.3 * 8766 * 4 * 0.085;                        // ~$157.1M over 4 years
        double staff = 160 * Math.sqrt(80_000.0 * 500_000) * 4;                    // 160 x $200k x 4 = $128M
        double other = gpus * Math.sqrt(500.0 * 4000) * 4;                         // ~$345.6M
        double opex = energy + staff + other;
        double reported = 2.788e6 * 2;
        assertClose(capex, c.get("capex"), "capex");
        assertClose(energy, c.get("energy"), "energy");
        assertClose(opex, c.get("opex"), "opex");
        assertClose(capex + opex, c.get("total"), "total");
        assertClose((capex + opex) / reported, c.get("ratio"), "ratio");
        assertEquals(418.8, c.get("ratio"), 0.05, "the central case is ~419x");
    }

    @Test
    void ownedRunCentralCaseMatchesTheHandCalculation() throws ScenarioException {
        Map<String, Double> c = central(DEEPSEEK.resolve("v3-owned.yaml"));
        double capexPerGpu = Math.sqrt(33_000.0 * 48_000) + 5_000;                 // ~$44.8k server + network
        double hardware = capexPerGpu / (4 * 8766);                                // ~$1.278/h over 4 years
        double power = 1.275 * 0.75 * 1.3 * 0.085;                                 // ~$0.106/h
        double owned = 2.788e6 * (hardware + power);                               // ~$3.86M
        assertClose(2048 * capexPerGpu, c.get("cluster_capex"), "cluster capex");
        assertClose(hardware + power, c.get("owned_per_hour"), "per hour");
        assertClose(owned, c.get("owned"), "owned");
        assertClose(owned / 5.576e6, c.get("ratio"), "ratio");
        assertEquals(0.6917, c.get("ratio"), 5e-5);
    }

    @Test
    void attributionCentralCaseMatchesTheHandCalculation() throws ScenarioException {
        Map<String, Double> c = central(DEEPSEEK.resolve("attribution.yaml"));
        Map<String, Double> fleet = central(DEEPSEEK.resolve("fleet-tco.yaml"));
        double capex = fleet.get("capex");
        double energyPerYear = fleet.get("energy") / 4;
        double otherPerYear = 61_100 * Math.sqrt(500.0 * 4000);
        double staffPerYear = 160 * 200_000.0;
        double share = 3.6 / (3.6 + 2.4);                                          // 0.6
        double reported = 5.576e6;
        assertClose(fleet.get("ratio"), c.get("headline_ratio"), "headline = fleet-tco's ratio");
        double attributable = share * (capex * 1 + 4 * (energyPerYear + otherPerYear)) + 4 * staffPerYear;
        assertClose(attributable / reported, c.get("attributable_ratio"), "attributable");
        double annual = share * (capex / 4 + energyPerYear + otherPerYear) + staffPerYear;
        assertClose(annual / reported, c.get("annual_ratio"), "annual");
        double hopperHour = Math.sqrt(30_000.0 * 55_000) / (4 * 8766) + 1.275 * 0.75 * 1.3 * 0.085;
        double development = 2.788e6 * Math.sqrt(1.2 * 4) * hopperHour + staffPerYear * 0.6;
        assertClose(development / reported, c.get("development_ratio"), "development");
    }

    @Test
    void reportedCentralCaseMatchesTheHandCalculation() throws ScenarioException {
        Map<String, Double> c = central(DEEPSEEK.resolve("v3-reported.yaml"));
        assertEquals(5.576e6, c.get("reported"), 0.0);
        double rent = Math.sqrt(1.5 * 3.5);                                        // ~$2.29/h
        assertClose(2.788e6 * rent, c.get("rented"), "rented");
        assertClose((2.788e6 + 147e3) * rent * Math.sqrt(1.2 * 4), c.get("development_rented"), "development");
    }
    /**
     * The results block of scenarios/README.md is exactly what
     * {@code ./mcsim compare scenarios/deepseek/*.yaml -n 1e6} prints (the block's header lines
     * name the files as given from the repository root).
     */
    @Test
    void readmeResultsAreWhatComparePrints(@TempDir Path out) throws IOException {
        String readme = Files.readString(LIBRARY.resolve("README.md"));
        String begin = "<!-- compare-output:begin -->\n```\n";
        int from = readme.indexOf(begin) + begin.length();
        int to = readme.indexOf("```\n<!-- compare-output:end -->");
        assertTrue(from >= begin.length() && to > from, "README has the marked results block");
        List<String> args = new ArrayList<>(List.of("compare", "-n", "1e6", "-o", out.toString()));
        try (Stream<Path> s = Files.list(DEEPSEEK)) {
            s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(p -> args.add(p.toString()));
        }
        Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.status, r.err);
        String printed = r.out.replace(LIBRARY + java.io.File.separator, "scenarios" + java.io.File.separator);
        assertEquals(readme.substring(from, to), printed);
    }
}
