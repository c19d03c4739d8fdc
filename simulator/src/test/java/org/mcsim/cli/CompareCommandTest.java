package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    /** Outputs s = a + k and ratio = s / b; variant same repeats the base, shifted adds 1 to k. */
    static final String MODEL = """
        name: demo
        settings: {samples: 5000, seed: 7, quantiles: [0.05, 0.5, 0.95]}
        constants: {k: 2}
        inputs:
          a: {dist: normal, mean: 10, sd: 1}
          b: {dist: uniform, min: 1, max: 3}
        formulas:
          ratio: s / b
          s: a + k
        outputs: [s, ratio]
        claims:
          big: ratio >= 6
        variants:
          same: {k: 2}
          shifted: {k: 3, a.sd: 1}
        """;

    static final String OTHER = """
        name: other
        settings: {samples: 5000, seed: 7, quantiles: [0.25, 0.75]}
        inputs:
          x: {dist: uniform, min: 0, max: 1}
        formulas:
          y: 2 * x
        claims:
          half: x < 0.5
        """;

    @TempDir
    Path dir;

    private Path out() {
        return dir.resolve("out");
    }

    private List<String> lines(String file) throws IOException {
        return Files.readAllLines(out().resolve("compare").resolve(file));
    }

    private static double estimate(List<String> rows, String prefix) {
        String row = rows.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() ->
            new AssertionError("no row " + prefix + " in " + rows));
        return Double.parseDouble(row.split(",")[3]);
    }

    @Test
    void writesOutputRowsOfEveryScenarioAndVariantAndNoRunFolders() throws IOException {
        Path demo = Cli.write(dir, "demo.yaml", MODEL);
        Path other = Cli.write(dir, "other.yaml", OTHER);
        Cli r = Cli.run("compare", demo.toString(), other.toString(), "-o", out().toString(), "--threads", "2");
        assertEquals(0, r.status, r.toString());
        List<String> summary = lines("summary.csv");
        assertEquals("scenario,variable,statistic,estimate,mc_low,mc_high", summary.get(0));
        // demo: 3 runs x 2 outputs x (mean, sd, min, max, p5, p50, p95); other: 1 run x y x 6
        assertEquals(1 + 3 * 2 * 7 + 6, summary.size());
        assertTrue(summary.get(1).startsWith("demo,ratio,mean,"), "outputs in summary.csv order: " + summary.get(1));
        assertTrue(summary.get(5).startsWith("demo,ratio,p5,"), summary.get(5));
        assertTrue(summary.get(3).endsWith(",,"), "min has no interval: " + summary.get(3));
        assertTrue(summary.stream().anyMatch(l -> l.startsWith("demo@same,s,p95,")));
        assertTrue(summary.stream().anyMatch(l -> l.startsWith("demo@shifted,s,mean,")));
        assertTrue(summary.stream().anyMatch(l -> l.startsWith("other,y,p75,")));
        assertFalse(summary.stream().anyMatch(l -> l.contains(",a,") || l.contains(",x,")), "inputs are not outputs");
        List<String> claims = lines("claims.csv");
        assertEquals("scenario,claim,probability,mc_low,mc_high", claims.get(0));
        assertEquals(List.of("demo,big", "demo@same,big", "demo@shifted,big", "other,half"),
            claims.stream().skip(1).map(l -> String.join(",", Arrays.copyOf(l.split(","), 2))).toList());
        try (Stream<Path> s = Files.list(out())) {
            assertEquals(List.of(out().resolve("compare")), s.toList(), "only OUT/compare is written");
        }
        assertTrue(r.out.contains("demo (" + demo + "): 5000 samples, seed 7, random"), r.out);
        assertTrue(r.out.contains("@shifted"), r.out);
        assertTrue(r.out.contains("P(big)"), r.out);
        assertTrue(r.out.contains("s p50"), r.out);
        assertFalse(r.out.contains("y p50"), "other has no p50: " + r.out);
    }

    @Test
    void variantsRunOnTheSameSeedSoOnlyTheOverriddenValueMoves() throws IOException {
        Path demo = Cli.write(dir, "demo.yaml", MODEL);
        assertEquals(0, Cli.run("compare", demo.toString(), "-o", out().toString(), "--quiet").status);
        List<String> summary = lines("summary.csv");
        List<String> base = summary.stream().filter(l -> l.startsWith("demo,")).map(l -> l.substring(5)).toList();
        List<String> same = summary.stream().filter(l -> l.startsWith("demo@same,")).map(l -> l.substring(10)).toList();
        assertEquals(base, same, "an empty change reproduces the base run exactly");
        // k 2 -> 3 shifts every sample of s by exactly 1 (common random numbers), up to rounding
        assertEquals(estimate(summary, "demo,s,mean,") + 1, estimate(summary, "demo@shifted,s,mean,"), 1e-12);
        assertEquals(estimate(summary, "demo,s,p50,") + 1, estimate(summary, "demo@shifted,s,p50,"), 1e-12);
    }

    @Test
    void estimatesMatchWhatRunWritesForTheSameSeedAndSamples() throws IOException {
        Path demo = Cli.write(dir, "demo.yaml", MODEL);
        assertEquals(0, Cli.run("compare", demo.toString(), "-o", out().toString(), "--quiet", "--seed", "99",
            "-n", "3000").status);
        Path runs = dir.resolve("runs");
        assertEquals(0, Cli.run("run", demo.toString(), "-o", runs.toString(), "--quiet", "--seed", "99",
            "-n", "3000").status);
        List<String> fromRun = Files.readAllLines(runs.resolve("demo/summary.csv")).stream()
            .filter(l -> l.startsWith("s,") || l.startsWith("ratio,"))
            .map(l -> l.replaceFirst(",formula,", ",")).sorted().toList();
        List<String> fromCompare = lines("summary.csv").stream().filter(l -> l.startsWith("demo,"))
            .map(l -> l.substring(5)).sorted().toList();
        assertEquals(fromRun, fromCompare);
    }

    @Test
    void twoScenariosWithTheSameNameAreRefusedBeforeAnythingRuns() throws IOException {
        Path a = Cli.write(dir, "a.yaml", MODEL);
        Path b = Cli.write(dir, "b.yaml", MODEL);
        Cli r = Cli.run("compare", a.toString(), b.toString(), "-o", out().toString());
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.contains(b + ": scenario name 'demo' is also the name of " + a), r.err);
        assertEquals("", r.out);
        assertFalse(Files.exists(out()));
    }

    @Test
    void aFailingScenarioIsReportedTheOthersStillRunAndTheCallExitsOne() throws IOException {
        Path bad = Cli.write(dir, "bad.yaml", """
            name: bad
            inputs:
              x: {dist: uniform, min: -1, max: 1}
            formulas:
              r: log(x)
            """);
        Path invalid = Cli.write(dir, "invalid.yaml", "name: invalid\ninputs:\n  x: {dist: normal, mean: 0, sd: -1}\n");
        Path other = Cli.write(dir, "other.yaml", OTHER);
        Cli r = Cli.run("compare", bad.toString(), invalid.toString(), other.toString(), "-o", out().toString(),
            "--quiet");
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.contains(bad + ": formula r is NaN at sample "), r.err);
        assertTrue(r.err.contains(invalid + ":3:"), r.err);
        List<String> summary = lines("summary.csv");
        assertTrue(summary.stream().skip(1).allMatch(l -> l.startsWith("other,")), summary.toString());
        assertEquals(7, summary.size());
    }

    @Test
    void aFailingVariantIsNamedAndTheOtherRunsAreKept() throws IOException {
        Path f = Cli.write(dir, "v.yaml", """
            name: v
            settings: {samples: 2000}
            constants: {lo: 1}
            inputs:
              x: {dist: uniform, min: 0, max: 1}
            formulas:
              r: log(x + lo)
            variants:
              broken: {lo: -1}
            """);
        Cli r = Cli.run("compare", f.toString(), "-o", out().toString());
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.startsWith(f + " (variant broken): formula r is NaN at sample "), r.err);
        assertTrue(lines("summary.csv").stream().skip(1).allMatch(l -> l.startsWith("v,r,")));
        assertTrue(r.out.contains("v (" + f + ")"), r.out);
        assertFalse(r.out.contains("@broken"), r.out);
    }

    @Test
    void reservedNameUnknownSetAndUsageErrors() throws IOException {
        Path reserved = Cli.write(dir, "c.yaml", OTHER.replace("name: other", "name: compare"));
        Cli r = Cli.run("compare", reserved.toString(), "-o", out().toString());
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.startsWith(reserved + ":1:") && r.err.contains(": name: 'compare' is reserved"), r.err);
        Path demo = Cli.write(dir, "demo.yaml", MODEL);
        Cli unknown = Cli.run("compare", demo.toString(), "-o", out().toString(), "--set", "zz=1");
        assertEquals(1, unknown.status, unknown.toString());
        assertTrue(unknown.err.contains("--set zz:"), unknown.err);
        assertEquals(2, Cli.run("compare", demo.toString(), "--no-such-flag").status);
        assertEquals(2, Cli.run("compare").status);
        assertFalse(Files.exists(out()));
    }

    @Test
    void setAppliesToTheScenarioAndEveryVariant() throws IOException {
        Path demo = Cli.write(dir, "demo.yaml", MODEL);
        assertEquals(0, Cli.run("compare", demo.toString(), "-o", out().toString(), "--quiet",
            "--set", "a.mean=20").status);
        List<String> summary = lines("summary.csv");
        double se = 5 / Math.sqrt(5000);
        assertEquals(22, estimate(summary, "demo,s,mean,"), se);
        assertEquals(22, estimate(summary, "demo@same,s,mean,"), se);
        assertEquals(23, estimate(summary, "demo@shifted,s,mean,"), se);
    }
    @Test
    void untilStopsEachRunOnceTheTargetIntervalIsNarrowEnough() throws IOException {
        Path demo = Cli.write(dir, "demo.yaml", MODEL);
        Cli r = Cli.run("compare", demo.toString(), "-o", out().toString(), "--until", "P(big)+-0.01",
            "-n", "1e6");
        assertEquals(0, r.status, r.toString());
        for (String line : lines("claims.csv").subList(1, 4)) {
            String[] f = line.split(",");
            assertTrue(Double.parseDouble(f[4]) - Double.parseDouble(f[3]) <= 2 * 0.01, line);
        }
        Cli unknown = Cli.run("compare", demo.toString(), "-o", out().toString(), "--until", "P(nope)+-0.01");
        assertEquals(1, unknown.status, unknown.toString());
        assertTrue(unknown.err.startsWith(demo + ": "), unknown.err);
    }
}
