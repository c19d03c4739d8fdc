package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --variant NAME} on sensitivity, sweep, solve and discover: the variant's values and
 * distributions are analysed, into the run's {@code NAME@VARIANT} folder, whose report names the
 * variant and leaves out an analysis of another.
 */
class AnalysisVariantTest {
    static final String MODEL = """
        name: demo
        settings: {samples: 2000, seed: 5}
        constants:
          k: 1
        inputs:
          x: {dist: normal, mean: 10, sd: 1}
          w: {dist: uniform, min: 1, max: 2}
        formulas:
          f: x * k + w
        outputs: [f]
        claims:
          big: f > 32
        variants:
          triple: {k: 3}
          flat:
            x: {dist: constant, value: 100}
          wide:
            x: {dist: uniform, min: 0, max: 20}
        """;

    @TempDir
    Path dir;

    private Path scenario() throws IOException {
        return Cli.write(dir, "demo.yaml", MODEL);
    }

    private String out() {
        return dir.resolve("out").toString();
    }

    private static Cli ok(String... args) {
        Cli r = Cli.run(args);
        assertEquals(0, r.status, r.toString());
        return r;
    }

    /** The estimate of the first row of {@code file} that starts with {@code prefix}. */
    private static double estimate(Path file, String prefix, int column) throws IOException {
        return Double.parseDouble(Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix))
            .findFirst().orElseThrow(() -> new AssertionError(prefix + " not in " + file)).split(",")[column]);
    }

    @Test
    void sensitivityAnalysesAVariantThatReplacesADistribution() throws IOException {
        Path s = scenario();
        ok("sensitivity", s.toString(), "--output", "f", "--indices", "tornado", "-n", "500", "-o", out(), "--quiet");
        ok("sensitivity", s.toString(), "--output", "f", "--indices", "tornado", "-n", "500", "-o", out(), "--quiet",
            "--variant", "flat");
        // x is the constant 100 in the variant: f's mean with w in its lowest tenth moves from about 11 to 101
        assertTrue(estimate(dir.resolve("out/demo/sensitivity.csv"), "f,w,mean_low,", 3) < 20);
        assertTrue(estimate(dir.resolve("out/demo@flat/sensitivity.csv"), "f,w,mean_low,", 3) > 100);
        assertTrue(Cli.read(dir.resolve("out/demo@flat/sensitivity.csv.json")).contains("\"variant\": \"flat\""));
        assertFalse(Cli.read(dir.resolve("out/demo/sensitivity.csv.json")).contains("variant"));
    }

    @Test
    void sweepAndSolveUseTheVariantsValues() throws IOException {
        Path s = scenario();
        ok("sweep", s.toString(), "--vary", "x.mean=9:11:3", "-n", "1000", "-o", out(), "--quiet",
            "--variant", "triple");
        // k = 3: at x.mean = 10, f = 3x + w has mean 31.5 (the scenario's: 11.5)
        assertEquals(31.5, estimate(dir.resolve("out/demo@triple/sweep.csv"), "1,10.0,f,mean,", 4), 0.3);
        assertTrue(Cli.read(dir.resolve("out/demo@triple/sweep.csv.json")).contains("\"variant\": \"triple\""));
        Cli solved = ok("solve", s.toString(), "--vary", "x.mean", "--between", "0:40", "--target", "mean(f)=31.5",
            "-n", "1000", "-o", out(), "--quiet", "--variant", "triple");
        assertEquals(10, estimate(dir.resolve("out/demo@triple/solve.csv"), "x.mean,", 1), 0.3, solved.out);
        ok("solve", s.toString(), "--vary", "x.mean", "--between", "0:40", "--target", "mean(f)=31.5",
            "-n", "1000", "-o", out(), "--quiet");
        assertEquals(30, estimate(dir.resolve("out/demo/solve.csv"), "x.mean,", 1), 0.3);
        assertFalse(Files.exists(dir.resolve("out/demo/sweep.csv")), "the scenario's own folder has no sweep");
    }

    @Test
    void discoverExplainsTheVariantsClaim() throws IOException {
        ok("discover", scenario().toString(), "--claim", "big", "-n", "2000", "-o", out(), "--quiet",
            "--variant", "triple");
        // 3x + w > 32 holds about half the time in the variant, never in the scenario (f is about 11.5)
        double hits = estimate(dir.resolve("out/demo@triple/discover.csv"), "big,sample,,,search_hits,", 5);
        assertTrue(hits > 500 && hits < 1500, "hits " + hits);
        assertTrue(Cli.read(dir.resolve("out/demo@triple/discover.csv.json")).contains("\"variant\": \"triple\""));
    }

    @Test
    void anUnknownVariantIsRefusedWithTheNearestAndNothingIsWritten() throws IOException {
        String s = scenario().toString();
        List<List<String>> commands = List.of(
            List.of("sensitivity", s, "--output", "f"),
            List.of("sweep", s, "--vary", "x.mean=9:11:3"),
            List.of("solve", s, "--vary", "x.mean", "--between", "0:40", "--target", "mean(f)=31.5"),
            List.of("discover", s, "--claim", "big"));
        for (List<String> c : commands) {
            List<String> args = new java.util.ArrayList<>(c);
            args.addAll(List.of("-n", "500", "-o", out(), "--variant", "tripel"));
            Cli r = Cli.run(args.toArray(String[]::new));
            assertEquals(1, r.status, r.toString());
            assertEquals(List.of(s + ": unknown variant 'tripel'; did you mean 'triple'?"), r.err.lines().toList(),
                c.get(0));
            assertFalse(Files.exists(dir.resolve("out")), c.get(0) + " wrote nothing");
        }
    }

    @Test
    void varyingAKeyTheVariantSetsIsRefused() throws IOException {
        String s = scenario().toString();
        Cli sweep = Cli.run("sweep", s, "--vary", "k=1:3:3", "-n", "500", "-o", out(), "--variant", "triple");
        assertEquals(1, sweep.status);
        assertEquals(List.of(s + ": --vary k: variant triple sets it itself (or replaces its distribution), and a "
            + "variant's values replace the command line's, so every point would be the same; vary it on the "
            + "scenario, or on a variant that leaves it alone"), sweep.err.lines().toList());
        Cli solve = Cli.run("solve", s, "--vary", "k", "--between", "0:5", "--target", "mean(f)=20", "-n", "500",
            "-o", out(), "--variant", "triple");
        assertEquals(1, solve.status);
        assertTrue(solve.err.contains("--vary k: variant triple sets it itself"), solve.err);
        assertFalse(Files.exists(dir.resolve("out")));
        // the other variant leaves k alone
        ok("sweep", s, "--vary", "k=1:3:3", "-n", "500", "-o", out(), "--quiet", "--variant", "flat");
    }

    @Test
    void aSetOfAKeyTheVariantSetsIsRefusedRatherThanSilentlyReplaced() throws IOException {
        String s = scenario().toString();
        Cli run = Cli.run("run", s, "--set", "k=2", "-n", "500", "-o", out(), "--variant", "triple");
        assertEquals(1, run.status, run.toString());
        assertEquals(List.of(s + ": --set k: variant triple sets it itself (or replaces its distribution), and a "
            + "variant's values replace the command line's; drop the --set or change the variant"),
            run.err.lines().toList());
        Cli sensitivity = Cli.run("sensitivity", s, "--output", "f", "--set", "x.sd=2", "-n", "500", "-o", out(),
            "--variant", "flat");
        assertEquals(1, sensitivity.status, sensitivity.toString());
        assertTrue(sensitivity.err.contains("--set x.sd: variant flat sets it itself"), sensitivity.err);
        assertFalse(Files.exists(dir.resolve("out")));
        // a key the variant leaves alone is applied
        ok("run", s, "--set", "w.max=3", "-n", "500", "-o", out(), "--quiet", "--variant", "triple");
    }

    @Test
    void aReplacedDistributionsOwnParametersAreVaried() throws IOException {
        String s = scenario().toString();
        // wide makes x uniform on [0, 20]: its max is a parameter to vary, its old mean is not
        ok("sweep", s, "--vary", "x.max=10:30:2", "-n", "2000", "-o", out(), "--quiet", "--variant", "wide");
        Path sweep = dir.resolve("out/demo@wide/sweep.csv");
        assertEquals(6.5, estimate(sweep, "0,10.0,f,mean,", 4), 0.3);
        assertEquals(16.5, estimate(sweep, "1,30.0,f,mean,", 4), 0.6);
        Cli r = Cli.run("sweep", s, "--vary", "x.mean=9:11:3", "-n", "500", "-o", out(), "--variant", "flat");
        assertEquals(1, r.status);
        assertTrue(r.err.contains("--vary x.mean: variant flat sets it itself (or replaces its distribution)"),
            r.err);
        assertFalse(Files.exists(dir.resolve("out/demo@flat")));
    }

    @Test
    void theReportOfAVariantsFolderNamesItAndShowsItsAnalyses() throws IOException {
        String s = scenario().toString();
        ok("run", s, "-o", out(), "--quiet", "--variant", "triple");
        ok("sensitivity", s, "--output", "f", "-n", "500", "-o", out(), "--quiet", "--variant", "triple");
        ok("sweep", s, "--vary", "x.mean=9:11:3", "-n", "500", "-o", out(), "--quiet", "--variant", "triple");
        Path folder = dir.resolve("out/demo@triple");
        assertTrue(Cli.read(folder.resolve("run.json")).contains("\"variant\": \"triple\""));
        Cli r = ok("report", folder.toString());
        assertFalse(r.err.contains("warning"), r.err);
        String html = Cli.read(folder.resolve("report.html"));
        assertTrue(html.contains("<p class=\"meta\">variant triple \u00b7 2,000 samples"), html);
        assertTrue(html.contains("href=\"#sensitivity\"") && html.contains("href=\"#sweeps\""));

        // a sensitivity of the scenario itself, put into the variant's folder, is left out with a note
        ok("sensitivity", s, "--output", "f", "-n", "500", "-o", out(), "--quiet");
        for (String f : List.of("sensitivity.csv", "sensitivity.csv.json")) {
            Files.copy(dir.resolve("out/demo").resolve(f), folder.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        Cli other = ok("report", folder.toString());
        assertTrue(other.err.contains("warning: sensitivity.csv is not shown: it was computed with variant none "
            + "(the run: triple)"), other.err);
    }

    @Test
    void aPlainRunRecordsNoVariant() throws IOException {
        ok("run", scenario().toString(), "-o", out(), "--quiet");
        assertFalse(Cli.read(dir.resolve("out/demo/run.json")).contains("\"variant\""));
    }
}
