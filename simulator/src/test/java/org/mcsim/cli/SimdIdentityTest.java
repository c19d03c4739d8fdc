package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcsim.lanes.Lanes;

/**
 * The SIMD kernels change nothing but speed: the same scenario run in child JVMs without the
 * Vector API module, with it but turned off, with it from the first block (8-lane vectors on
 * AVX-512, and 4-lane ones with {@code -XX:MaxVectorSize=32}, as on an AVX2 CPU) and with the
 * default warm-up gives byte-identical files, at one and three threads. The scenario has every
 * lane-sampled family, a table family, a correlated pair, a formula with exp and log, and a block
 * that is not a multiple of 16 samples.
 */
class SimdIdentityTest {
    private static final String SCENARIO = """
        name: simd
        settings: {samples: 20003, seed: 11}
        inputs:
          a: {dist: uniform, min: 1, max: 3}
          b: {dist: normal, mean: 10, sd: 2}
          c: {dist: lognormal, mu: 0.5, sigma: 0.8}
          d: {dist: exponential, mean: 3}
          e: {dist: triangular, min: 0, mode: 1, max: 5}
          f: {dist: pert, min: 1, mode: 2, max: 9}
          g: {dist: normal, mean: 0, sd: 1}
          h: {dist: uniform, min: 0, max: 1}
        correlations:
          - {between: [g, h], rank: 0.6}
        formulas:
          y: a * b + exp(c / 10) - log(d + 1) + e * f + g * h
        outputs: [y, c]
        claims:
          big: y > 30
        """;

    @Test
    void simdOnOffWidthsAndThreadsGiveTheSameBytes(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("simd.yaml");
        Files.writeString(scenario, SCENARIO);
        List<List<String>> variants = List.of(
            List.of(),
            List.of("--add-modules=jdk.incubator.vector", "-Dmcsim.simd=off"),
            List.of("--add-modules=jdk.incubator.vector", "-Dmcsim.simd=eager"),
            List.of("--add-modules=jdk.incubator.vector", "-Dmcsim.simd=eager", "-XX:MaxVectorSize=32"),
            List.of("--add-modules=jdk.incubator.vector"));
        String reference = null;
        int k = 0;
        for (List<String> jvm : variants) {
            for (String threads : new String[] {"1", "3"}) {
                Path out = dir.resolve("out" + k++);
                run(jvm, scenario, out, threads);
                String files = ChildProcess.snapshot(out.resolve("simd")).entrySet().stream()
                    .filter(e -> !e.getKey().equals("run.json"))
                    .map(e -> e.getKey() + "=" + e.getValue()).toList().toString();
                assertTrue(files.contains("samples.csv"), files);
                String runJson = Files.readString(out.resolve("simd/run.json"));
                if (jvm.contains("-Dmcsim.simd=eager") && Lanes.vectorEnabled()) {
                    // The vector kernels really drew: 8 lanes where the CPU has them, 4 when limited to 256 bits.
                    String lanes = jvm.contains("-XX:MaxVectorSize=32") ? "4" : Integer.toString(preferredLanes());
                    assertTrue(runJson.contains("\"simd\": \"vector, " + lanes + " lanes\""), runJson);
                } else if (!jvm.contains("--add-modules=jdk.incubator.vector") || jvm.contains("-Dmcsim.simd=off")) {
                    assertTrue(runJson.contains("\"simd\": \"plain: "), runJson);
                }
                if (reference == null) {
                    reference = files;
                } else {
                    assertEquals(reference, files, "JVM options " + jvm + ", threads " + threads);
                }
            }
        }
    }

    private static int preferredLanes() {
        return jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length();
    }

    private static void run(List<String> jvmOptions, Path scenario, Path out, String threads)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(ChildProcess.command("run", scenario.toString(), "-o", out.toString(),
            "--threads", threads, "--write-samples", "--quiet"));
        int java = cmd.indexOf(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(java + 1, jvmOptions);
        Path err = out.resolveSibling(out.getFileName() + ".err");
        Process p = ChildProcess.start(cmd, err);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
        assertEquals(0, p.exitValue(), Files.readString(err));
        String stderr = Files.readString(err);
        assertTrue(stderr.isEmpty() || stderr.startsWith("WARNING: Using incubator modules"), stderr);
    }
}
