package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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
        return central(read(file).build(Map.of()));
    }

    /** As {@link #central(Path)}, for one variant of the file. */
    static Map<String, Double> central(Path file, String variant) throws ScenarioException {
        return central(read(file).buildVariant(variant, Map.of()));
    }

    static Map<String, Double> central(Scenario s) {
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
        } else if (d instanceof Dist.Uniform u) {
            return (u.min() + u.max()) / 2;
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

        // fleet size x price: 61,100 GPUs x 8,766 h x 4 years against the run's 2.788M GPU-hours
        double gpuHours = gpus * 8766 * 4;
        assertClose(gpuHours / 2.788e6, c.get("gpu_hours_ratio"), "GPU-hours ratio");
        assertClose((capex + opex) / gpuHours, c.get("cost_per_gpu_hour"), "cost per GPU-hour");
        assertClose(c.get("ratio"), c.get("gpu_hours_ratio") * c.get("price_ratio"), "ratio = size x price");
        // a year: life 4 (triangular mode), cost of capital 9% (uniform 6-12% midpoint)
        assertClose((capex / 4 + opex / 4) / reported, c.get("year_ratio"), "year ratio");
        double annuity = capex * 0.09 / (1 - Math.pow(1.09, -4));
        assertClose((annuity + opex / 4) / reported, c.get("year_ratio_capital"), "year ratio with capital");
        assertClose(2.544e9 / reported, c.get("sa_ratio"), "SemiAnalysis's 456x");
        assertEquals(456.2, c.get("sa_ratio"), 0.05);
        assertClose((capex + opex) / (2.935e6 * 2), c.get("ratio_v3_r1"), "against $5.87M");
        assertClose((capex + opex) / 6e6, c.get("ratio_6m"), "against $6M");

        Map<String, Double> census = central(DEEPSEEK.resolve("fleet-tco.yaml"), "sa-census");
        double censusCapex = 20_000 * Math.sqrt(30_000.0 * 55_000) + 30_000 * 24_000.0 + 10_000 * 15_500.0;
        assertEquals(60_000, census.get("gpus"), 0.0, "SemiAnalysis's census");
        assertClose(censusCapex, census.get("capex"), "census capex");
        Map<String, Double> noStaff = central(DEEPSEEK.resolve("fleet-tco.yaml"), "no-staff");
        assertClose(energy + other, noStaff.get("opex"), "opex without staff");
        Map<String, Double> both = central(DEEPSEEK.resolve("fleet-tco.yaml"), "sa-census-no-staff");
        assertClose(censusCapex, both.get("capex"), "both: census capex");
        assertEquals(0, both.get("staff_total"), 0.0, "both: no staff");
    }

    @Test
    void correlatedFleetIsFleetTcoWithTheCensusCountsCorrelated() throws ScenarioException {
        Scenario fleet = read(DEEPSEEK.resolve("fleet-tco.yaml")).build(Map.of());
        Scenario correlated = read(DEEPSEEK.resolve("fleet-correlated.yaml")).build(Map.of());
        for (Input in : correlated.inputs()) {
            assertEquals(fleet.input(in.name()).dist(), in.dist(), in.name() + " as in fleet-tco.yaml");
        }
        assertEquals(3, correlated.correlations().size(), "the three census-only counts, pairwise");
        Map<String, Double> a = central(DEEPSEEK.resolve("fleet-tco.yaml"));
        Map<String, Double> b = central(correlated);
        for (String name : List.of("capex", "opex", "total", "ratio", "ratio_v3_r1", "ratio_6m")) {
            assertClose(a.get(name), b.get(name), name + ": same model as fleet-tco.yaml");
        }
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

        // the owner's further costs: facility $1,414 a GPU-year (lognormal median), 9% capital, 82.5% utilisation
        double operations = Math.sqrt(500.0 * 4000) / 8766;
        Map<String, Double> ops = central(DEEPSEEK.resolve("v3-owned.yaml"), "operations");
        assertClose(hardware + operations + power, ops.get("owned_per_hour"), "operations");
        double annuity = capexPerGpu * 0.09 / (1 - Math.pow(1.09, -4)) / 8766;
        Map<String, Double> capital = central(DEEPSEEK.resolve("v3-owned.yaml"), "operations-capital");
        assertClose(annuity + operations + power, capital.get("owned_per_hour"), "operations and capital");
        Map<String, Double> all = central(DEEPSEEK.resolve("v3-owned.yaml"), "all-in");
        assertClose((annuity + operations) / 0.825 + power, all.get("owned_per_hour"), "all-in");
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
        double compute = 2.788e6 * Math.sqrt(1.2 * 4) * hopperHour;
        assertClose(compute / reported, c.get("development_compute_ratio"), "development compute");
        assertClose(staffPerYear * 0.6 / reported, c.get("development_staff_ratio"), "development staff");
        assertClose(staffPerYear * 0.6 / development, c.get("staff_share"), "staff share");
        double runs = share * 20_000 * 8766 / 2.788e6;                                // ~37.7 V3 runs a year
        assertClose(runs, c.get("hopper_runs_per_year"), "DeepSeek's Hopper hours in V3 runs");
        assertClose(Math.sqrt(1.2 * 4) / (runs * 0.6), c.get("development_hopper_share"), "share used by V3");
        assertClose(runs * 0.6 * 2.788e6 * hopperHour / reported, c.get("window_compute_ratio"), "all of them");
    }

    @Test
    void reportedCentralCaseMatchesTheHandCalculation() throws ScenarioException {
        Map<String, Double> c = central(DEEPSEEK.resolve("v3-reported.yaml"));
        assertEquals(5.576e6, c.get("reported"), 0.0);
        double rent = Math.sqrt(1.5 * 3.5);                                        // ~$2.29/h
        assertClose(2.788e6 * rent, c.get("rented"), "rented");
        assertClose((2.788e6 + 147e3) * rent * Math.sqrt(1.2 * 4), c.get("development_rented"), "development");
    }
    /** What {@code ./mcsim compare scenarios/deepseek/*.yaml -n 1e6} printed and wrote, run once for the class. */
    record Compared(String printed, Map<String, double[]> rows) {
    }

    private static Compared compared;

    /**
     * Runs the README's compare command once (about 10 s on two cores) and keeps its stdout, with
     * the files named from the repository root, and the estimate and interval of every row of
     * its summary.csv ({@code SCENARIO VARIABLE STATISTIC}) and claims.csv
     * ({@code SCENARIO P(CLAIM)}).
     */
    static synchronized Compared compared() throws IOException {
        if (compared == null) {
            Path out = Files.createTempDirectory("mcsim-library");
            try {
                List<String> args = new ArrayList<>(List.of("compare", "-n", "1e6", "-o", out.toString()));
                try (Stream<Path> s = Files.list(DEEPSEEK)) {
                    s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(p -> args.add(p.toString()));
                }
                Cli r = Cli.run(args.toArray(String[]::new));
                assertEquals(0, r.status, r.err);
                Map<String, double[]> rows = new HashMap<>();
                readRows(out.resolve("compare/summary.csv"), 3, rows);
                readRows(out.resolve("compare/claims.csv"), 2, rows);
                compared = new Compared(
                    r.out.replace(LIBRARY + java.io.File.separator, "scenarios" + java.io.File.separator), rows);
            } finally {
                try (Stream<Path> s = Files.walk(out)) {
                    for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
        return compared;
    }

    /** Keys a CSV's rows by their first {@code keys} fields (claims as P(NAME)); values: estimate, low, high. */
    private static void readRows(Path csv, int keys, Map<String, double[]> rows) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            String key = keys == 3 ? f[0] + " " + f[1] + " " + f[2] : f[0] + " P(" + f[1] + ")";
            double est = Double.parseDouble(f[keys]);
            double lo = f[keys + 1].isEmpty() ? est : Double.parseDouble(f[keys + 1]);
            double hi = f[keys + 2].isEmpty() ? est : Double.parseDouble(f[keys + 2]);
            rows.put(key, new double[] {est, lo, hi});
        }
    }

    /**
     * The results block of scenarios/README.md is exactly what
     * {@code ./mcsim compare scenarios/deepseek/*.yaml -n 1e6} prints (the block's header lines
     * name the files as given from the repository root).
     */
    @Test
    void readmeResultsAreWhatComparePrints() throws IOException {
        String readme = Files.readString(LIBRARY.resolve("README.md"));
        assertEquals(between(readme, "<!-- compare-output:begin -->\n```\n", "```\n<!-- compare-output:end -->"),
            compared().printed());
    }

    /** A figure as written: digits, optional decimals, optional scale suffix. */
    static final Pattern FIGURE = Pattern.compile("(?<![\\w.])(\\d+(?:\\.\\d+)?)(%|k|M|B)?");
    /** A row reference in the findings table: {@code SCENARIO[@VARIANT] P(CLAIM)} or {@code ... VARIABLE STATISTIC}. */
    static final Pattern ROW = Pattern.compile("`([a-z0-9-]+(?:@[a-z0-9-]+)?) (P\\([^)]+\\)|[a-z0-9_]+ [a-z0-9.]+)`");

    /** The findings table's rows, as cells (the header and separator left out). */
    static List<String[]> findings() throws IOException {
        String table = between(Files.readString(LIBRARY.resolve("README.md")), "<!-- findings:begin -->\n",
            "<!-- findings:end -->");
        List<String[]> rows = new ArrayList<>();
        List<String> lines = table.lines().toList();
        assertTrue(lines.size() > 2, "the findings table has rows");
        for (String line : lines.subList(2, lines.size())) {
            String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
            assertEquals(4, cells.length, line);
            rows.add(cells);
        }
        return rows;
    }

    /**
     * Every figure of the findings table in scenarios/README.md is the estimate of the compare
     * row it names, rounded as written (a % figure is a probability or share times 100; k, M, B
     * scale it), and that row's 95% Monte Carlo interval is no wider than the rounding (half a
     * unit of the last digit written): the figure is stable at the precision shown.
     */
    @Test
    void everyFindingIsItsCompareRowRoundedAsShown() throws IOException {
        Map<String, double[]> rows = compared().rows();
        List<String[]> findings = findings();
        for (String[] cells : findings) {
            String where = cells[0].strip();
            List<String[]> figures = figures(cells[1]);
            List<String> refs = new ArrayList<>();
            Matcher m = ROW.matcher(cells[3]);
            while (m.find()) {
                refs.add(m.group(1) + " " + m.group(2));
            }
            assertFalse(figures.isEmpty(), where + ": no figure");
            assertEquals(figures.size(), refs.size(), where + ": one row per figure");
            for (int i = 0; i < figures.size(); i++) {
                double[] row = rows.get(refs.get(i));
                assertTrue(row != null, where + ": no compare row " + refs.get(i));
                String text = figures.get(i)[0];
                double scale = switch (figures.get(i)[1]) {
                    case "%" -> 100;
                    case "k" -> 1e-3;
                    case "M" -> 1e-6;
                    case "B" -> 1e-9;
                    default -> 1;
                };
                int decimals = text.contains(".") ? text.length() - text.indexOf('.') - 1 : 0;
                String rounded = new BigDecimal(row[0] * scale).setScale(decimals, RoundingMode.HALF_EVEN)
                    .toPlainString();
                assertEquals(rounded, text, where + ": " + refs.get(i));
                double halfWidth = (row[2] - row[1]) / 2 * scale;
                assertTrue(halfWidth <= 0.5 * Math.pow(10, -decimals),
                    where + ": " + refs.get(i) + " has Monte Carlo half-width " + halfWidth + ", too wide for " + text);
            }
        }
        assertTrue(findings.size() >= 30, "the findings table lists the results");
    }

    /**
     * The numbers written outside the findings table, in the conclusions of scenarios/README.md
     * and in the README's one-paragraph answer, are figures of the findings table or the givens
     * the prose quotes (the claim's threshold, the denominators, SemiAnalysis's totals and census,
     * the ranges of inputs); so a conclusion cannot keep a figure the table no longer has.
     */
    @Test
    void theConclusionsQuoteOnlyCheckedFigures() throws IOException {
        java.util.Set<String> allowed = new java.util.HashSet<>(List.of(
            "400", "5.576", "5.87", "6", "2", "1.6", "944", "60", "0.7", "5", "95", "70", "12", "31", "2025"));
        for (String[] cells : findings()) {
            for (String[] f : figures(cells[1])) {
                allowed.add(f[0]);
            }
        }
        String library = Files.readString(LIBRARY.resolve("README.md"));
        String conclusions = library.substring(library.indexOf("## What it says about the 400x claim"));
        conclusions = conclusions.substring(0, conclusions.indexOf("<!-- findings:begin -->"))
            + conclusions.substring(conclusions.indexOf("<!-- findings:end -->"));
        String readme = Files.readString(LIBRARY.resolve("..").resolve("README.md"));
        String paragraph = between(readme, "## The DeepSeek answer, in one paragraph\n", "\n## ");
        for (String text : List.of(conclusions, paragraph)) {
            String prose = text.replaceAll("`[^`]*`", "").replaceAll("\\]\\([^)]*\\)", "]");
            for (String[] f : figures(prose)) {
                assertTrue(allowed.contains(f[0]), "a figure the findings table does not check: " + f[0]
                    + " in " + text.substring(0, Math.min(60, text.length())));
            }
        }
    }

    /** The figures of a text: each number as written and its suffix ("" if none). */
    private static List<String[]> figures(String text) {
        List<String[]> out = new ArrayList<>();
        Matcher m = FIGURE.matcher(text.replace(",", ""));
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2) == null ? "" : m.group(2)});
        }
        return out;
    }

    private static String between(String text, String begin, String end) {
        int from = text.indexOf(begin);
        assertTrue(from >= 0, "missing " + begin.strip());
        from += begin.length();
        int to = text.indexOf(end, from);
        assertTrue(to > from, "missing " + end.strip());
        return text.substring(from, to);
    }
}
