package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    static final String MODEL = """
        name: demo
        description: Sum and ratio of two inputs.
        settings: {samples: 5000, seed: 7, quantiles: [0.05, 0.5, 0.95]}
        constants: {k: 2}
        inputs:
          a: {dist: normal, mean: 10, sd: 1, unit: USD, source: "textbook"}
          b: {dist: uniform, min: 1, max: 3}
        formulas:
          ratio: s / b
          s: a + k
        outputs: [s, ratio]
        claims:
          big: ratio >= 6
          "x.y": s > 12
        """;

    @TempDir
    Path dir;

    @Test
    void runWritesEveryContractFileWithItsHeader() throws IOException {
        Path f = Cli.write(dir, "demo.yaml", MODEL);
        Path out = dir.resolve("out");
        Cli r = Cli.run("run", f.toString(), "-o", out.toString(), "--threads", "2");
        assertEquals(0, r.status, r.toString());
        assertEquals("", r.err, "no progress or warning when stderr is not a terminal");
        Path folder = out.resolve("demo");
        List<String> summary = Files.readAllLines(folder.resolve("summary.csv"));
        assertEquals("variable,kind,statistic,estimate,mc_low,mc_high", summary.get(0));
        // inputs in file order, then formulas in file order; outputs carry quantiles
        assertTrue(summary.get(1).startsWith("a,input,mean,"), summary.get(1));
        assertTrue(summary.get(3).startsWith("a,input,min,"));
        assertTrue(summary.get(3).endsWith(",,"), "min has no interval: " + summary.get(3));
        assertTrue(summary.get(9).startsWith("ratio,formula,mean,"), summary.get(9));
        assertTrue(summary.get(13).startsWith("ratio,formula,p5,"), summary.get(13));
        assertTrue(summary.get(16).startsWith("s,formula,mean,"), summary.get(16));
        assertEquals(2 * 4 + 2 * 7 + 1, summary.size());
        List<String> claims = Files.readAllLines(folder.resolve("claims.csv"));
        assertEquals("claim,expression,probability,mc_low,mc_high,hits,samples", claims.get(0));
        assertTrue(claims.get(1).startsWith("big,ratio >= 6,"), claims.get(1));
        assertTrue(claims.get(1).endsWith(",5000"), claims.get(1));
        List<String> hist = Files.readAllLines(folder.resolve("histogram.csv"));
        assertEquals("variable,bin_low,bin_high,count", hist.get(0));
        assertEquals(1 + 200, hist.size());
        assertTrue(hist.get(1).startsWith("s,"), "histograms in outputs order");
        long total = hist.stream().skip(1).filter(l -> l.startsWith("s,"))
            .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(',') + 1))).sum();
        assertEquals(5000, total);
        String json = Cli.read(folder.resolve("run.json"));
        for (String key : List.of("name", "scenario", "scenario_sha256", "seed", "samples", "samples_requested",
            "method", "threads", "engine", "version", "java", "simd", "started", "elapsed_seconds",
            "samples_per_second", "stop_reason", "quantiles", "warnings")) {
            assertTrue(json.contains("\"" + key + "\""), key + " missing from run.json");
        }
        assertTrue(json.contains("\"textbook\""), "input sources are recorded");
        assertFalse(Files.exists(folder.resolve("samples.csv")));
        assertTrue(r.out.contains("claim big"), r.out);
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(folder), s.toList(), "nothing else is left under OUT");
        }
    }

    @Test
    void filesAreByteIdenticalForAnyThreadCount() throws IOException {
        Path f = Cli.write(dir, "demo.yaml", MODEL);
        Path one = dir.resolve("one");
        Path four = dir.resolve("four");
        assertEquals(0, Cli.run("run", f.toString(), "-o", one.toString(), "--threads", "1", "-n", "20000",
            "--write-samples").status);
        assertEquals(0, Cli.run("run", f.toString(), "-o", four.toString(), "--threads", "4", "-n", "20000",
            "--write-samples").status);
        for (String file : List.of("summary.csv", "claims.csv", "histogram.csv", "samples.csv")) {
            assertArrayEquals(Files.readAllBytes(one.resolve("demo").resolve(file)),
                Files.readAllBytes(four.resolve("demo").resolve(file)), file);
        }
    }

    @Test
    void smallerRunIsAPrefixOfALargerOne() throws IOException {
        Path f = Cli.write(dir, "demo.yaml", MODEL);
        assertEquals(0, Cli.run("run", f.toString(), "-o", dir.resolve("small").toString(), "-n", "3000",
            "--write-samples").status);
        assertEquals(0, Cli.run("run", f.toString(), "-o", dir.resolve("large").toString(), "-n", "9000",
            "--write-samples").status);
        List<String> small = Files.readAllLines(dir.resolve("small/demo/samples.csv"));
        List<String> large = Files.readAllLines(dir.resolve("large/demo/samples.csv"));
        assertEquals(3001, small.size());
        assertEquals("s,ratio", small.get(0));
        assertEquals(small, large.subList(0, small.size()));
    }

    @Test
    void gzSamplesHoldTheSameBytesAsCsv() throws IOException {
        Path f = Cli.write(dir, "demo.yaml", MODEL);
        assertEquals(0, Cli.run("run", f.toString(), "-o", dir.resolve("c").toString(), "--write-samples").status);
        assertEquals(0, Cli.run("run", f.toString(), "-o", dir.resolve("g").toString(), "--write-samples=gz").status);
        byte[] csv = Files.readAllBytes(dir.resolve("c/demo/samples.csv"));
        ByteArrayOutputStream unzipped = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("g/demo/samples.csv.gz")))) {
            in.transferTo(unzipped);
        }
        assertArrayEquals(csv, unzipped.toByteArray());
    }

    @Test
    void setOverridesAParameterAndAConstant() throws IOException {
        Path f = Cli.write(dir, "demo.yaml", MODEL);
        Cli r = Cli.run("run", f.toString(), "-o", dir.toString(), "--set", "a.mean=20", "--set", "k=0", "--quiet");
        assertEquals(0, r.status, r.toString());
        assertEquals("", r.out, "--quiet prints no table");
        String mean = Files.readAllLines(dir.resolve("demo/summary.csv")).stream()
            .filter(l -> l.startsWith("s,formula,mean,")).findFirst().orElseThrow();
        double m = Double.parseDouble(mean.split(",")[3]);
        assertEquals(20.0, m, 5 * 1 / Math.sqrt(5000));
    }

    @Test
    void unknownSetNameExitsOneAndMalformedValueExitsTwo() throws IOException {
        Path f = Cli.write(dir, "demo.yaml", MODEL);
        Cli unknown = Cli.run("run", f.toString(), "-o", dir.toString(), "--set", "zz.mean=1");
        assertEquals(1, unknown.status, unknown.toString());
        assertTrue(unknown.err.contains("--set zz.mean:"), unknown.err);
        Cli malformed = Cli.run("run", f.toString(), "-o", dir.toString(), "--set", "a.mean=abc");
        assertEquals(2, malformed.status, malformed.toString());
        assertFalse(Files.exists(dir.resolve("demo")));
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        Path f = Cli.write(dir, "demo.yaml", MODEL);
        assertEquals(2, Cli.run("run", f.toString(), "--no-such-flag").status);
        assertEquals(2, Cli.run("run", f.toString(), "-n", "many").status);
        assertEquals(2, Cli.run("run", f.toString(), "-n", "1.5").status);
        assertEquals(2, Cli.run("run", f.toString(), "--method", "magic").status);
        assertEquals(0, Cli.run("run", f.toString(), "-o", dir.toString(), "-n", "1_000", "--quiet").status);
        assertEquals(0, Cli.run("run", f.toString(), "-o", dir.toString(), "-n", "1e3", "--quiet").status);
    }

    @Test
    void nonFiniteFormulaStopsTheRunNamingTheSampleAndLeavesNothing() throws IOException {
        Path f = Cli.write(dir, "bad.yaml", """
            name: bad
            inputs:
              x: {dist: uniform, min: -1, max: 1}
              y: {dist: normal, mean: 0, sd: 1}
            formulas:
              r: log(x)
            """);
        Cli r = Cli.run("run", f.toString(), "-o", dir.resolve("out").toString(), "--threads", "3");
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.contains("\n" + f + ": formula r is NaN at sample "), r.err); // after y's unused warning
        assertTrue(r.err.contains(": x = -"), "shows the input the formula uses: " + r.err);
        assertFalse(r.err.contains("y ="), "only the inputs the formula depends on: " + r.err);
        assertFalse(Files.exists(dir.resolve("out").resolve("bad")));
        Cli again = Cli.run("run", f.toString(), "-o", dir.resolve("out").toString(), "--threads", "1");
        assertEquals(r.err, again.err, "the same sample for any thread count");
    }

    @Test
    void severalScenariosOneBadTheOthersFinishAndExitOne() throws IOException {
        Path good = Cli.write(dir, "demo.yaml", MODEL);
        Path bad = Cli.write(dir, "bad.yaml", "name: bad\ninputs:\n  x: {dist: normal, mean: 0, sd: -1}\n");
        Cli r = Cli.run("run", bad.toString(), good.toString(), "-o", dir.resolve("out").toString(), "--quiet");
        assertEquals(1, r.status);
        assertTrue(r.err.contains(bad + ":3:"), r.err);
        assertTrue(Files.exists(dir.resolve("out/demo/summary.csv")));
    }

    @Test
    void twoScenariosWithTheSameNameAreRefusedBeforeAnythingRuns() throws IOException {
        Path a = Cli.write(dir, "a.yaml", MODEL);
        Path b = Cli.write(dir, "b.yaml", MODEL);
        Cli r = Cli.run("run", a.toString(), b.toString(), "-o", dir.resolve("out").toString());
        assertEquals(1, r.status);
        assertTrue(r.err.contains("demo"), r.err);
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void unreadableFileExitsOne() {
        Cli r = Cli.run("run", dir.resolve("missing.yaml").toString());
        assertEquals(1, r.status);
        assertTrue(r.err.contains("missing.yaml: cannot read"), r.err);
    }

    @Test
    void rerunReplacesTheFolderAsAWhole() throws IOException {
        Path f = Cli.write(dir, "demo.yaml", MODEL);
        Path out = dir.resolve("out");
        assertEquals(0, Cli.run("run", f.toString(), "-o", out.toString(), "--write-samples", "--quiet").status);
        assertTrue(Files.exists(out.resolve("demo/samples.csv")));
        assertEquals(0, Cli.run("run", f.toString(), "-o", out.toString(), "--quiet").status);
        assertFalse(Files.exists(out.resolve("demo/samples.csv")), "the old folder is replaced, not merged");
    }
}
