package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that sensitivity, sweep and solve add to a run folder record what produced them, and the
 * report leaves out, with a note on the page and on stderr, one that does not belong to the run.
 */
class ProvenanceTest {

    @TempDir
    Path dir;

    private Path scenario() throws IOException {
        return Cli.write(dir, "demo.yaml", "name: demo\ninputs:\n  x: {dist: normal, mean: 0, sd: 1}\n"
            + "  w: {dist: uniform, min: 1, max: 2}\nformulas:\n  y: x * 2 + w\n");
    }

    private Cli run(String... args) {
        Cli r = Cli.run(args);
        assertEquals(0, r.status, r.toString());
        return r;
    }

    @Test
    void derivedFilesRecordWhatProducedThem() throws IOException {
        Path s = scenario();
        String out = dir.resolve("out").toString();
        run("run", s.toString(), "-n", "2000", "-o", out, "--quiet", "--set", "w.max=3");
        run("sensitivity", s.toString(), "--output", "y", "-n", "500", "-o", out, "--quiet", "--set", "w.max=3");
        String record = Cli.read(dir.resolve("out/demo/sensitivity.csv.json"));
        assertTrue(record.contains("\"command\": \"sensitivity\""), record);
        assertTrue(record.contains("\"seed\": 1"), record);
        assertTrue(record.contains("\"samples\": 500"), record);
        assertTrue(record.contains("\"overrides\": {\n    \"w.max\": 3.0"), record);
        assertTrue(Cli.read(dir.resolve("out/demo/run.json")).contains("\"overrides\": {\n    \"w.max\": 3.0"));
    }

    @Test
    void aFileFromAnotherSeedOrSetIsLeftOutOfTheReportWithANote() throws IOException {
        Path s = scenario();
        String out = dir.resolve("out").toString();
        run("run", s.toString(), "-n", "2000", "-o", out, "--quiet");
        run("sensitivity", s.toString(), "--output", "y", "-n", "500", "-o", out, "--quiet", "--seed", "7");
        run("sweep", s.toString(), "--vary", "x.mean=0:1:3", "-n", "500", "-o", out, "--quiet", "--set", "w.max=3");
        Cli r = run("report", dir.resolve("out/demo").toString());
        assertTrue(r.err.contains("warning: sensitivity.csv is not shown: it was computed with seed 7 (the run: 1)"),
            r.err);
        assertTrue(
            r.err.contains("warning: sweep.csv is not shown: it was computed with --set w.max=3 (the run: none)"),
            r.err);
        String html = Cli.read(dir.resolve("out/demo/report.html"));
        assertTrue(html.contains("sensitivity.csv is not shown: it was computed with seed 7"), "note on the page");
        assertFalse(html.contains("id=\"sensitivity\""), "no tornado from another seed");
        assertFalse(html.contains("id=\"sweeps\""), "no sweep from another --set");
    }

    @Test
    void aFileThatBelongsIsShownAndOneWithoutARecordIsShownWithANote() throws IOException {
        Path s = scenario();
        String out = dir.resolve("out").toString();
        run("run", s.toString(), "-n", "2000", "-o", out, "--quiet");
        run("sensitivity", s.toString(), "--output", "y", "-n", "500", "-o", out, "--quiet");
        Cli ok = run("report", dir.resolve("out/demo").toString());
        assertEquals("", ok.err);
        assertTrue(Cli.read(dir.resolve("out/demo/report.html")).contains("id=\"sensitivity\""));
        Files.delete(dir.resolve("out/demo/sensitivity.csv.json"));
        Cli unknown = run("report", dir.resolve("out/demo").toString());
        assertTrue(unknown.err.contains("warning: sensitivity.csv has no record of what produced it"), unknown.err);
        assertTrue(Cli.read(dir.resolve("out/demo/report.html")).contains("id=\"sensitivity\""));
    }

    @Test
    void aRunOverAFolderWithDerivedFilesKeepsThemBesideIt() throws IOException {
        Path s = scenario();
        String out = dir.resolve("out").toString();
        run("run", s.toString(), "-n", "2000", "-o", out, "--quiet");
        run("solve", s.toString(), "--vary", "w.max", "--between", "1.5:4", "--target", "mean(y)=2", "-n", "2000",
            "-o", out, "--quiet");
        Cli again = run("run", s.toString(), "-n", "3000", "-o", out, "--quiet");
        assertTrue(again.err.contains("warning: " + Path.of(out, "demo") + " held results of other commands"),
            again.err);
        try (var kept = Files.list(dir.resolve("out"))) {
            Path copy = kept.filter(p -> p.getFileName().toString().startsWith("demo.previous-")).findFirst()
                .orElseThrow();
            assertTrue(Files.exists(copy.resolve("solve.csv")));
            assertTrue(Files.exists(copy.resolve("solve.csv.json")));
        }
        assertFalse(Files.exists(dir.resolve("out/demo/solve.csv")));
    }

    @Test
    void theReportShowsSolveAndCorrelationsThatBelongToTheRun() throws IOException {
        Path s = Cli.write(dir, "cs.yaml", "name: cs\ninputs:\n  a: {dist: normal, mean: 0, sd: 1}\n"
            + "  b: {dist: uniform, min: 0, max: 2}\nformulas:\n  y: a + b\n"
            + "correlations:\n  - {between: [a, b], rank: 0.5}\n");
        String out = dir.resolve("out").toString();
        run("run", s.toString(), "-n", "5000", "-o", out, "--quiet");
        run("solve", s.toString(), "--vary", "b.max", "--between", "1:5", "--target", "mean(y)=1.5", "-n", "5000",
            "-o", out, "--quiet");
        run("report", dir.resolve("out/cs").toString());
        String html = Cli.read(dir.resolve("out/cs/report.html"));
        assertTrue(html.contains("id=\"solve\"") && html.contains("<code>mean(y)=1.5</code>"), "the solve section");
        assertTrue(html.contains("id=\"correlations\"") && html.contains("<td class=\"num\">0.500</td>"),
            "target and achieved correlations");
    }
}
