package org.mcsim.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcsim.cli.Main;

/**
 * {@code --engine spark} on a local master against {@code --engine local}: the contract files
 * (summary.csv, claims.csv, histogram.csv, samples.csv) must be the same bytes, whatever the
 * partition count (cli.md, Reproducibility).
 */
class SparkEngineTest {
    static final String SCENARIO = """
        name: fleet
        settings: {samples: 30000, seed: 11, quantiles: [0.05, 0.5, 0.95], histogram_bins: 25}
        constants: {years: 3}
        inputs:
          price: {dist: lognormal, mu: 10, sigma: 0.4}
          load: {dist: uniform, min: 0.2, max: 0.9}
          power: {dist: normal, mean: 700, sd: 50}
          servers: {dist: triangular, min: 10, mode: 20, max: 40}
        correlations:
          - {between: [price, power], rank: 0.5}
        formulas:
          cost: servers * (price + power * load * years)
          per_server: cost / servers
        outputs: [cost, per_server, load]
        claims:
          expensive: cost > 600000
          cheap: per_server < 20000
        """;
    static final List<String> FILES = List.of("summary.csv", "claims.csv", "histogram.csv", "samples.csv");

    @TempDir
    Path dir;

    record Run(int status, String out, String err) { }

    static Run mcsim(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    private Path scenario() throws IOException {
        Path f = dir.resolve("fleet.yaml");
        Files.writeString(f, SCENARIO, StandardCharsets.UTF_8);
        return f;
    }

    /** Runs {@code run} with the common arguments and {@code extra}; returns the run folder. */
    private Path run(String out, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", scenario().toString(), "-o", dir.resolve(out).toString(),
            "--write-samples", "--quiet", "--threads", "2"));
        args.addAll(List.of(extra));
        Run r = mcsim(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        return dir.resolve(out).resolve("fleet");
    }

    private static void assertSameFiles(Path expected, Path actual) throws IOException {
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
        }
    }

    @Test
    void sparkOnTwoCoresWritesTheLocalEnginesBytesForAnyPartitionCount() throws IOException {
        Path local = run("local");
        Path spark = run("spark", "--engine", "spark", "--master", "local[2]");
        assertSameFiles(local, spark);
        assertSameFiles(local, run("p3", "--engine", "spark", "--master", "local[2]", "--partitions", "3"));
        assertSameFiles(local, run("p5", "--engine", "spark", "--master", "local[2]", "--partitions", "5"));
        String json = Files.readString(spark.resolve("run.json"));
        assertTrue(json.contains("\"engine\": \"spark\""), json);
        assertTrue(Files.readString(local.resolve("run.json")).contains("\"engine\": \"local\""));
    }

    @Test
    void replicatedMethodsAndPrecisionTargetsAgreeToo() throws IOException {
        assertSameFiles(run("lhs-local", "--method", "lhs"),
            run("lhs-spark", "--method", "lhs", "--engine", "spark", "--master", "local[2]", "--partitions", "3"));
        String[] until = {"-n", "400000", "--until", "mean(cost)+-2000"};
        Path local = run("until-local", until);
        List<String> spark = new ArrayList<>(List.of(until));
        spark.addAll(List.of("--engine", "spark", "--master", "local[2]"));
        Path remote = run("until-spark", spark.toArray(String[]::new));
        assertSameFiles(local, remote);
        assertTrue(Files.readString(remote.resolve("run.json")).contains("\"stop_reason\": \"precision\""));
    }

    @Test
    void aSampleThatFailsOnAnExecutorIsReportedAsLocally() throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, """
            name: bad
            inputs:
              x: {dist: normal, mean: 0, sd: 1}
            formulas:
              y: 1 / (x - x)
            """, StandardCharsets.UTF_8);
        Run local = mcsim("run", f.toString(), "-o", dir.resolve("a").toString(), "-n", "5000");
        Run spark = mcsim("run", f.toString(), "-o", dir.resolve("b").toString(), "-n", "5000",
            "--engine", "spark", "--master", "local[2]");
        assertEquals(1, spark.status());
        assertEquals(local.err(), spark.err());
        assertTrue(spark.err().contains("formula y is Infinity at sample 0"), spark.err());
        assertTrue(Files.notExists(dir.resolve("b")), "a failed run leaves nothing under OUT");
    }

    /** Runs a command with {@code args}, locally and on Spark, and compares the files it writes. */
    private void assertSameOnSpark(List<String> files, String... args) throws IOException {
        for (String engine : List.of("local", "spark")) {
            List<String> a = new ArrayList<>(List.of(args));
            a.addAll(List.of("-o", dir.resolve(engine).toString(), "--quiet", "--threads", "2"));
            if (engine.equals("spark")) {
                a.addAll(List.of("--engine", "spark", "--master", "local[2]", "--partitions", "3"));
            }
            Run r = mcsim(a.toArray(String[]::new));
            assertEquals(0, r.status(), r.err());
        }
        for (String f : files) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("local").resolve(f)),
                Files.readAllBytes(dir.resolve("spark").resolve(f)), f);
        }
    }

    @Test
    void compareSweepAndSensitivityDistributeTheirRunsWithTheSameBytes() throws IOException {
        String f = scenario().toString();
        Files.writeString(dir.resolve("fleet.yaml"), SCENARIO + "variants:\n  long: {years: 5}\n",
            StandardCharsets.UTF_8);
        assertSameOnSpark(List.of("compare/summary.csv", "compare/claims.csv"), "compare", f, "-n", "20000");
        assertSameOnSpark(List.of("fleet/sweep.csv", "fleet/sweep-claims.csv"), "sweep", f, "-n", "10000",
            "--vary", "power.mean=600:800:3");
        assertSameOnSpark(List.of("fleet/sensitivity.csv"), "sensitivity", f, "--output", "cost", "-n", "4000",
            "--indices", "rank");
    }

    @Test
    void wavesAreCutIntoContiguousRangesInOrder() {
        List<long[]> r = SparkExecutor.split(10, 11, 3);
        assertEquals(3, r.size());
        assertArrayEquals(new long[] {10, 4}, r.get(0));
        assertArrayEquals(new long[] {14, 4}, r.get(1));
        assertArrayEquals(new long[] {18, 3}, r.get(2));
    }
}
