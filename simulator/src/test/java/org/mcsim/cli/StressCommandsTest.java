package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sensitivity, sweep and solve commands: files, headers, exit statuses and messages. */
class StressCommandsTest {
    static final String MODEL = """
        name: demo
        settings: {samples: 4000, seed: 7, quantiles: [0.05, 0.5, 0.95]}
        constants: {k: 2}
        inputs:
          a: {dist: normal, mean: 10, sd: 1}
          b: {dist: uniform, min: 1, max: 3}
          c: {dist: constant, value: 1}
        formulas:
          s: a + k * b
          flat: 0 * a + 3
        outputs: [s]
        claims:
          big: s >= 15
        """;

    @TempDir
    Path dir;

    private Path model() throws IOException {
        return Cli.write(dir, "demo.yaml", MODEL);
    }

    @Test
    void sensitivityWritesItsFileBesideTheOthersAndPrintsTheTornado() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("demo"));
        Files.writeString(out.resolve("demo").resolve("summary.csv"), "kept");
        Cli r = Cli.run("sensitivity", model().toString(), "--output", "s", "-n", "2000", "-o", out.toString());
        assertEquals(0, r.status, r.toString());
        List<String> rows = Files.readAllLines(out.resolve("demo/sensitivity.csv"));
        assertEquals("output,input,index,estimate,mc_low,mc_high", rows.get(0));
        // Var(a) = 1, Var(2b) = 4/3: b drives s, so b comes first; five indices per input.
        assertTrue(rows.get(1).startsWith("s,b,rank_correlation,"), rows.get(1));
        assertTrue(rows.get(2).startsWith("s,b,mean_low,"), rows.get(2));
        assertTrue(rows.get(3).startsWith("s,b,mean_high,"), rows.get(3));
        assertTrue(rows.get(4).startsWith("s,b,sobol_first,"), rows.get(4));
        assertTrue(rows.get(5).startsWith("s,b,sobol_total,"), rows.get(5));
        assertTrue(rows.get(6).startsWith("s,a,rank_correlation,"), rows.get(6));
        assertEquals(11, rows.size());
        assertEquals("kept", Files.readString(out.resolve("demo/summary.csv")));
        assertTrue(r.out.contains("mean_low") && r.out.contains("\n  b "), r.out);
    }

    @Test
    void sensitivityIndicesOptionSelectsRows() throws IOException {
        Path out = dir.resolve("out");
        Cli r = Cli.run("sensitivity", model().toString(), "--output", "s", "--indices", "rank", "-n", "500",
            "-o", out.toString(), "--quiet");
        assertEquals(0, r.status, r.toString());
        assertEquals("", r.out);
        List<String> rows = Files.readAllLines(out.resolve("demo/sensitivity.csv"));
        assertEquals(3, rows.size());
        assertTrue(rows.stream().skip(1).allMatch(l -> l.contains(",rank_correlation,")), rows.toString());
    }

    @Test
    void sensitivityErrors() throws IOException {
        Path out = dir.resolve("out");
        Cli r = Cli.run("sensitivity", model().toString(), "--output", "ss", "-o", out.toString());
        assertEquals(1, r.status);
        assertTrue(r.err.contains("--output ss: unknown output; did you mean 's'?"), r.err);
        r = Cli.run("sensitivity", model().toString(), "--output", "flat", "-n", "100", "-o", out.toString());
        assertEquals(1, r.status);
        assertTrue(r.err.contains("output flat is constant"), r.err);
        r = Cli.run("sensitivity", model().toString(), "--output", "s", "--indices", "morris");
        assertEquals(2, r.status);
        assertFalse(Files.exists(out.resolve("demo")), "nothing written by a failed command");
    }

    @Test
    void sensitivityOfAClaimWritesItsIndicatorsRowsAndPrintsItsTornado() throws IOException {
        Path out = dir.resolve("out");
        Cli r = Cli.run("sensitivity", model().toString(), "--claim", "big", "-n", "2000", "-o", out.toString());
        assertEquals(0, r.status, r.toString());
        List<String> rows = Files.readAllLines(out.resolve("demo/sensitivity.csv"));
        assertEquals("output,input,index,estimate,mc_low,mc_high", rows.get(0));
        assertEquals(11, rows.size());
        assertTrue(rows.stream().skip(1).allMatch(l -> l.startsWith("P(big),")), rows.toString());
        assertTrue(rows.get(2).startsWith("P(big),b,mean_low,"), rows.get(2));
        assertTrue(r.out.contains("demo: what moves P(big) (N = 2000, 10000 evaluations, seed 7)"), r.out);
        assertTrue(r.out.contains("P_low") && r.out.contains("\n  b "), r.out);
    }

    @Test
    void sensitivityTellsAClaimFromAnOutput() throws IOException {
        Path out = dir.resolve("out");
        Cli r = Cli.run("sensitivity", model().toString(), "--output", "big", "-o", out.toString());
        assertEquals(1, r.status);
        assertTrue(r.err.contains("demo.yaml: --output big: big is a claim, not an output; use --claim big"), r.err);
        r = Cli.run("sensitivity", model().toString(), "--claim", "bigg", "-o", out.toString());
        assertEquals(1, r.status);
        assertTrue(r.err.contains("demo.yaml: --claim bigg: unknown claim; did you mean 'big'?"), r.err);
        r = Cli.run("sensitivity", model().toString(), "--claim", "s", "-o", out.toString());
        assertEquals(1, r.status);
        assertTrue(r.err.contains("--claim s: unknown claim; s is an output: use --output s"), r.err);
        r = Cli.run("sensitivity", model().toString(), "-o", out.toString());
        assertEquals(2, r.status);
        assertTrue(r.err.contains("give exactly one of --output NAME and --claim NAME"), r.err);
        r = Cli.run("sensitivity", model().toString(), "--claim", "big", "--output", "s", "-o", out.toString());
        assertEquals(2, r.status);
        assertFalse(Files.exists(out.resolve("demo")), "nothing written by a failed command");
    }

    @Test
    void sweepWritesBothFilesWithOneColumnPerAxis() throws IOException {
        Path out = dir.resolve("out");
        Cli r = Cli.run("sweep", model().toString(), "--vary", "a.mean=10:12:3", "--vary", "k=1:2:2", "-n", "1000",
            "-o", out.toString());
        assertEquals(0, r.status, r.toString());
        List<String> rows = Files.readAllLines(out.resolve("demo/sweep.csv"));
        assertEquals("point,a.mean,k,variable,statistic,estimate,mc_low,mc_high", rows.get(0));
        assertTrue(rows.get(1).startsWith("0,10.0,1.0,s,mean,"), rows.get(1));
        int perPoint = 4 + 3;
        assertEquals(1 + 6 * perPoint, rows.size());
        assertTrue(rows.get(1 + perPoint).startsWith("1,10.0,2.0,s,mean,"), rows.get(1 + perPoint));
        assertTrue(rows.get(5 * perPoint + 1).startsWith("5,12.0,2.0,s,mean,"));
        List<String> claims = Files.readAllLines(out.resolve("demo/sweep-claims.csv"));
        assertEquals("point,a.mean,k,claim,probability,mc_low,mc_high", claims.get(0));
        assertTrue(claims.get(1).startsWith("0,10.0,1.0,big,"), claims.get(1));
        assertEquals(7, claims.size());
    }

    @Test
    void sweepErrors() throws IOException {
        Path f = model();
        for (String bad : List.of("a.mean=1:2", "a.mean=1:2:1", "a.mean", "a.mean=x:2:3")) {
            Cli r = Cli.run("sweep", f.toString(), "--vary", bad);
            assertEquals(2, r.status, bad + ": " + r);
        }
        Cli r = Cli.run("sweep", f.toString(), "--vary", "a.meen=1:2:2", "-o", dir.resolve("out").toString());
        assertEquals(1, r.status);
        assertTrue(r.err.contains("--vary a.meen: "), r.err);
        assertFalse(Files.exists(dir.resolve("out/demo")));
    }

    @Test
    void solvePrintsTheValueAndWritesItsRow() throws IOException {
        Path out = dir.resolve("out");
        Cli r = Cli.run("solve", model().toString(), "--vary", "a.mean", "--between", "0:20",
            "--target", "mean(s)=14", "-o", out.toString());
        assertEquals(0, r.status, r.toString());
        assertTrue(r.out.startsWith("a.mean = 10."), r.out);
        List<String> rows = Files.readAllLines(out.resolve("demo/solve.csv"));
        assertEquals("parameter,value,value_low,value_high,target,achieved,mc_low,mc_high", rows.get(0));
        String[] f = rows.get(1).split(",");
        assertEquals("a.mean", f[0]);
        assertEquals(10, Double.parseDouble(f[1]), 0.1, "E s = a.mean + 2·2 = 14");
        assertTrue(Double.parseDouble(f[2]) < Double.parseDouble(f[1])
            && Double.parseDouble(f[1]) < Double.parseDouble(f[3]));
        assertEquals("mean(s)=14", f[4]);
        assertEquals(14, Double.parseDouble(f[5]), 1e-4);
    }

    @Test
    void solveWithoutARootExitsOneAndWritesNothing() throws IOException {
        Path out = dir.resolve("out");
        Cli r = Cli.run("solve", model().toString(), "--vary", "a.mean", "--between", "0:1",
            "--target", "P(big)=0.5", "-o", out.toString());
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.contains("has no root") && r.err.contains("P(big) = 0.0 at a.mean=0"), r.err);
        assertFalse(Files.exists(out));
    }

    @Test
    void solveUsageAndNameErrors() throws IOException {
        Path f = model();
        String s = f.toString();
        assertEquals(2, Cli.run("solve", s, "--vary", "a.mean", "--between", "2:1", "--target", "mean(s)=1").status);
        assertEquals(2, Cli.run("solve", s, "--vary", "a.mean", "--between", "1", "--target", "mean(s)=1").status);
        assertEquals(2, Cli.run("solve", s, "--vary", "a.mean", "--between", "0:1", "--target", "sd(s)=1").status);
        assertEquals(2, Cli.run("solve", s, "--vary", "a.mean=3", "--between", "0:1", "--target", "mean(s)=1").status);
        Cli r = Cli.run("solve", f.toString(), "--vary", "a.mean", "--between", "0:1", "--target", "mean(t)=1");
        assertEquals(1, r.status);
        assertTrue(r.err.contains("unknown variable 't'"), r.err);
        r = Cli.run("solve", f.toString(), "--vary", "z.mean", "--between", "0:1", "--target", "mean(s)=1");
        assertEquals(1, r.status);
        assertTrue(r.err.contains("--vary z.mean: "), r.err);
    }
}
