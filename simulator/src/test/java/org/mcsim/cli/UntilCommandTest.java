package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --until} end to end on a copy of the reference model ({@code benchmarks/fleet-tco.yaml},
 * a test resource here): {@code --until 'P(400x)+-0.005'} stops early.
 */
class UntilCommandTest {
    @TempDir
    Path dir;

    static Path referenceModel(Path dir) throws IOException {
        try (InputStream in = UntilCommandTest.class.getResourceAsStream("fleet-tco.yaml")) {
            return Cli.write(dir, "fleet-tco.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static String jsonField(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(\"[^\"]*\"|[^,}\\s]+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return m.group(1).replace("\"", "");
    }

    private static String claimRow(Path folder) throws IOException {
        return Files.readAllLines(folder.resolve("claims.csv")).get(1);
    }

    @Test
    void claimTargetStopsOnPrecisionWellBelowTheCeilingAtTheSamePointForAnyThreadCount() throws IOException {
        Path f = referenceModel(dir);
        Cli one = Cli.run("run", f.toString(), "-o", dir.resolve("one").toString(), "--threads", "1",
            "--until", "P(400x)+-0.005", "--quiet");
        assertEquals(0, one.status, one.toString());
        Cli two = Cli.run("run", f.toString(), "-o", dir.resolve("two").toString(), "--threads", "2",
            "--until", "P(400x)+-0.005", "--quiet");
        assertEquals(0, two.status, two.toString());
        String json = Cli.read(dir.resolve("one/fleet-tco/run.json"));
        assertEquals("precision", jsonField(json, "stop_reason"));
        long samples = Long.parseLong(jsonField(json, "samples"));
        long requested = Long.parseLong(jsonField(json, "samples_requested"));
        // the ceiling is 100 x settings.samples (1e6); the
        // sequence's half-width reaches 0.005 for p = 0.36 after about 1.3e5 samples
        assertTrue(samples < 1_000_000 && samples < requested / 10, samples + " of " + requested);
        assertEquals(0, samples % 2048, "stops at a block boundary");
        assertEquals(samples, Long.parseLong(jsonField(Cli.read(dir.resolve("two/fleet-tco/run.json")), "samples")));
        for (String file : List.of("summary.csv", "claims.csv", "histogram.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("one/fleet-tco").resolve(file)),
                Files.readAllBytes(dir.resolve("two/fleet-tco").resolve(file)), file);
        }
        // the claim carries the sequence's interval, of half-width at most 0.005
        String[] row = claimRow(dir.resolve("one/fleet-tco")).split(",");
        double half = (Double.parseDouble(row[4]) - Double.parseDouble(row[3])) / 2;
        assertTrue(half <= 0.005 && half > 0.004, "half-width " + half);
        assertEquals(samples, Long.parseLong(row[6]));
    }

    @Test
    void everyMethodStopsOnPrecision() throws IOException {
        Path f = referenceModel(dir);
        for (String method : List.of("lhs", "sobol")) {
            Cli r = Cli.run("run", f.toString(), "-o", dir.resolve(method).toString(), "--method", method,
                "--until", "P(400x)+-0.005", "--until", "mean(ratio)+-2", "--quiet");
            assertEquals(0, r.status, r.toString());
            String json = Cli.read(dir.resolve(method).resolve("fleet-tco/run.json"));
            assertEquals("precision", jsonField(json, "stop_reason"), method);
            assertTrue(Long.parseLong(jsonField(json, "samples")) < 1_000_000, method);
        }
    }

    @Test
    void reachingTheCeilingFirstIsAWarningNotAnError() throws IOException {
        Path f = referenceModel(dir);
        Cli r = Cli.run("run", f.toString(), "-o", dir.toString(), "-n", "10000", "--until", "P(400x)+-0.0001",
            "--quiet");
        assertEquals(0, r.status, r.toString());
        String json = Cli.read(dir.resolve("fleet-tco/run.json"));
        assertEquals("ceiling", jsonField(json, "stop_reason"));
        assertEquals("10000", jsonField(json, "samples"));
        assertTrue(r.err.contains("warning: --until: the ceiling of 10000 samples was reached"), r.err);
        assertTrue(json.contains("the ceiling of 10000 samples was reached"), json);
    }
}
