package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcsim discover}: its file, what it prints, its options, its errors and byte identity. */
class DiscoverCommandTest {
    /** The claim holds exactly when x > 0.7 and y < 0.3; z is irrelevant. */
    static final String MODEL = """
        name: corner
        settings: {samples: 20000, seed: 3}
        inputs:
          x: {dist: uniform, min: 0, max: 1}
          z: {dist: normal, mean: 5, sd: 2}
          y: {dist: uniform, min: 0, max: 1}
        formulas:
          s: x - y + 0 * z
        claims:
          corner: x > 0.7 && y < 0.3
          never: s > 5
        """;

    @TempDir
    Path dir;

    private Path model() throws IOException {
        return Cli.write(dir, "corner.yaml", MODEL);
    }

    @Test
    void writesDiscoverCsvBesideTheOtherFilesAndPrintsTheBox() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("corner"));
        Files.writeString(out.resolve("corner/summary.csv"), "kept");
        Cli r = Cli.run("discover", model().toString(), "--claim", "corner", "--check-samples", "2000", "-o",
            out.toString());
        assertEquals(0, r.status, r.toString());
        List<String> rows = Files.readAllLines(out.resolve("corner/discover.csv"));
        assertEquals("claim,part,step,input,statistic,estimate,mc_low,mc_high", rows.get(0));
        assertEquals("corner,sample,,,search_samples,20000.0,,", rows.get(1));
        assertEquals("corner,sample,,,check_samples,2000.0,,", rows.get(3));
        assertTrue(rows.get(5).startsWith("corner,trajectory,0,,coverage,1.0,"), rows.get(5));
        // the chosen box restricts x from below and y from above, and nothing else
        List<String> box = rows.stream().filter(l -> l.startsWith("corner,box,")).toList();
        assertTrue(box.stream().anyMatch(l -> l.matches("corner,box,\\d+,x,low,0\\.(69|70)\\d*,,")), box.toString());
        assertTrue(box.stream().anyMatch(l -> l.matches("corner,box,\\d+,x,high,,,")), box.toString());
        assertTrue(box.stream().anyMatch(l -> l.matches("corner,box,\\d+,y,high,0\\.(29|30)\\d*,,")), box.toString());
        assertFalse(box.stream().anyMatch(l -> l.contains(",z,")), box.toString());
        assertTrue(box.stream().anyMatch(l -> l.matches("corner,box,\\d+,,coverage,1\\.0,0\\.9\\d*,1\\.0")),
            box.toString());
        assertTrue(box.stream().anyMatch(l -> l.matches("corner,box,\\d+,,density,1\\.0,0\\.9\\d*,1\\.0")),
            box.toString());
        assertTrue(box.stream().anyMatch(l -> l.matches("corner,box,\\d+,,pasted,1\\.0,,")), box.toString());
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("corner,input,,x,p50_true,")), "conditional rows");
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("corner,input,,z,median_shift,")), "median shift");
        assertTrue(Files.exists(out.resolve("corner/discover.csv.json")));
        assertEquals("kept", Files.readString(out.resolve("corner/summary.csv")));
        assertTrue(r.out.matches("(?s).*\n    x >= 0\\.(699\\d|7)\n    y <= 0\\.(3|300\\d)\n.*"), r.out);
        assertTrue(r.out.contains("chosen box: step "), r.out);
    }

    @Test
    void sameBytesForAnyThreadCount() throws IOException {
        for (String method : new String[] {"random", "lhs", "sobol"}) {
            byte[][] files = new byte[3][];
            int[] threads = {1, 2, 5};
            for (int t = 0; t < threads.length; t++) {
                Path out = dir.resolve(method + threads[t]);
                Cli r = Cli.run("discover", model().toString(), "--claim", "corner", "-n", "9000", "--method", method,
                    "--threads", Integer.toString(threads[t]), "-o", out.toString(), "--quiet");
                assertEquals(0, r.status, r.toString());
                files[t] = Files.readAllBytes(out.resolve("corner/discover.csv"));
            }
            assertArrayEquals(files[0], files[1], method);
            assertArrayEquals(files[0], files[2], method);
        }
    }

    @Test
    void stepAndNoPasteChooseTheBox() throws IOException {
        Path out = dir.resolve("out");
        Cli r = Cli.run("discover", model().toString(), "--claim", "corner", "-n", "5000", "--step", "3",
            "--no-paste", "--alpha", "0.1", "-o", out.toString(), "--quiet");
        assertEquals(0, r.status, r.toString());
        List<String> rows = Files.readAllLines(out.resolve("corner/discover.csv"));
        assertTrue(rows.contains("corner,box,3,,pasted,0.0,,"), rows.toString());
        // unpasted, the chosen box is the trajectory's step 3 itself
        List<String> step3 = rows.stream().filter(l -> l.startsWith("corner,trajectory,3,"))
            .map(l -> l.substring(20)).toList();
        List<String> box = rows.stream().filter(l -> l.startsWith("corner,box,3,") && !l.contains("pasted"))
            .map(l -> l.substring(13)).toList();
        assertEquals(step3, box);
        assertEquals("", r.out);
    }

    @Test
    void errorsNameTheProblemAndWriteNothing() throws IOException {
        Path out = dir.resolve("out");
        Cli r = Cli.run("discover", model().toString(), "--claim", "coner", "-o", out.toString());
        assertEquals(1, r.status, r.toString());
        assertEquals(model() + ": --claim coner: unknown claim; did you mean 'corner'?\n", r.err);
        r = Cli.run("discover", model().toString(), "--claim", "never", "-n", "1000", "-o", out.toString());
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.contains(": claim never holds in none of the 1000 samples searched"), r.err);
        r = Cli.run("discover", model().toString(), "--claim", "corner", "-n", "1000", "--step", "900", "-o",
            out.toString());
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.matches("(?s).*: --step 900: the peeling trajectory of claim corner has steps 0 to \\d+\n"),
            r.err);
        assertFalse(Files.exists(out), "nothing written");
        r = Cli.run("discover", model().toString(), "--claim", "corner", "--alpha", "0.5");
        assertEquals(2, r.status, r.toString());
        assertTrue(r.err.contains("must be in (0, 0.5), got 0.5"), r.err);
        r = Cli.run("discover", model().toString(), "--claim", "corner", "--mass-min", "1");
        assertEquals(2, r.status, r.toString());
        r = Cli.run("discover", model().toString(), "--claim", "corner", "--step", "-1");
        assertEquals(2, r.status, r.toString());
        assertFalse(r.err.contains("Exception"), r.err);
    }

    @Test
    void refusesToWriteThroughAFileAtTheFolder() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("corner"), "mine");
        Cli r = Cli.run("discover", model().toString(), "--claim", "corner", "-n", "1000", "-o", out.toString());
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.contains("is a file, not a run folder"), r.err);
        assertEquals("mine", Files.readString(out.resolve("corner")));
    }

    @Test
    void scenarioWithoutClaimsIsRefused() throws IOException {
        Path p = Cli.write(dir, "plain.yaml", "name: plain\ninputs:\n  a: {dist: normal, mean: 0, sd: 1}\n");
        Cli r = Cli.run("discover", p.toString(), "--claim", "x");
        assertEquals(1, r.status, r.toString());
        assertEquals(p + ": --claim x: the scenario has no claims\n", r.err);
    }

    @Test
    void theReportDrawsTheTrajectoryAndTheConditionalDistributions() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, Cli.run("run", model().toString(), "-n", "5000", "-o", out.toString(), "--quiet").status);
        Cli r = Cli.run("discover", model().toString(), "--claim", "corner", "-n", "5000", "-o", out.toString(),
            "--quiet");
        assertEquals(0, r.status, r.toString());
        r = Cli.run("report", out.resolve("corner").toString());
        assertEquals(0, r.status, r.toString());
        String page = Files.readString(out.resolve("corner/report.html"));
        assertTrue(page.contains("<section id=\"discover\">"), "section");
        assertTrue(page.contains("<img src=\"discover-corner-trajectory.png\""), "trajectory chart");
        assertTrue(page.contains("<img src=\"discover-corner-inputs.png\""), "conditional chart");
        assertTrue(Files.size(out.resolve("corner/discover-corner-trajectory.png")) > 10_000);
        assertTrue(page.contains("<a href=\"#discover\">Discovery</a>"), "navigation");
        // discover.csv from another seed than the run's is left out, and the page says why
        r = Cli.run("discover", model().toString(), "--claim", "corner", "-n", "5000", "--seed", "99", "-o",
            out.toString(), "--quiet");
        assertEquals(0, r.status, r.toString());
        r = Cli.run("report", out.resolve("corner").toString());
        assertEquals(0, r.status, r.toString());
        assertTrue(r.err.contains("discover.csv is not shown: it was computed with seed 99 (the run: 3)"),
            r.toString());
        page = Files.readString(out.resolve("corner/report.html"));
        assertFalse(page.contains("discover-corner-trajectory.png"), "left out");
    }

    /**
     * With correlated inputs the samples come from the scenario's copula: z, which the claim does
     * not use but which is rank-correlated 0.9 with x, is shifted where the claim holds too.
     */
    @Test
    void correlatedInputsAreSampledWithTheirCopula() throws IOException {
        Path p = Cli.write(dir, "linked.yaml", """
            name: linked
            settings: {samples: 6000, seed: 5}
            inputs:
              x: {dist: uniform, min: 0, max: 1}
              z: {dist: normal, mean: 0, sd: 1}
              u: {dist: uniform, min: 0, max: 1}
            formulas:
              s: x + 0 * (z + u)
            claims:
              high: x > 0.6
            correlations:
              - {between: [x, z], rank: 0.9}
            """);
        Path out = dir.resolve("out");
        Cli r = Cli.run("discover", p.toString(), "--claim", "high", "-o", out.toString(), "--quiet");
        assertEquals(0, r.status, r.toString());
        List<String> rows = Files.readAllLines(out.resolve("linked/discover.csv"));
        String shift = rows.stream().filter(l -> l.startsWith("high,input,,z,median_shift,")).findFirst().orElseThrow();
        String[] f = shift.split(",");
        assertTrue(Double.parseDouble(f[6]) > 0.5, "z moves with x: " + shift);
        String[] unrelated = rows.stream().filter(l -> l.startsWith("high,input,,u,median_shift,")).findFirst()
            .orElseThrow().split(",");
        assertTrue(Double.parseDouble(unrelated[6]) < 0 && Double.parseDouble(unrelated[7]) > 0,
            "u's interval holds 0: " + String.join(",", unrelated));
    }
}
