package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C (SIGINT) and SIGTERM during a run, sent to a child JVM, while it samples and while it
 * writes its folder: the process exits 130 / 143 and OUT holds exactly the earlier result, byte
 * for byte, with no temporary folder (cli.md, Exit status and Files).
 */
class InterruptTest {

    private static final String SCENARIO = """
        name: slow
        settings: {samples: 1000, seed: 5}
        inputs:
          a: {dist: lognormal, low: 1, high: 10}
          b: {dist: gamma, shape: 2, scale: 3}
          c: {dist: pert, min: 0, mode: 1, max: 5}
        formulas:
          f: log(a) * sqrt(b) + sin(c) ^ 2 + pow(a, 0.3) * exp(-c)
        """;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} while {1}")
    @CsvSource({"INT, sampling, 130", "TERM, sampling, 143", "INT, writing, 130", "TERM, writing, 143"})
    void interruptedRunLeavesTheEarlierResultIntact(String signal, String phase, int status) throws Exception {
        Path f = Cli.write(dir, "slow.yaml", SCENARIO);
        Path out = dir.resolve("out");
        assertEquals(0, Cli.run("run", f.toString(), "-o", out.toString(), "--write-samples", "--quiet").status);
        Map<String, String> before = ChildProcess.snapshot(out);
        boolean writing = phase.equals("writing");
        // sampling: 3e7 samples on one thread take well over the wait; writing: 3e6 rows of samples.csv
        List<String> cmd = ChildProcess.command("run", f.toString(), "-o", out.toString(), "--threads", "1",
            "--quiet", "-n", writing ? "3e6" : "3e7", "--write-samples=" + (writing ? "csv" : "gz"));
        Path err = dir.resolve("err.txt");
        Process p = ChildProcess.start(cmd, err);
        try {
            awaitUnderway(p, out, writing);
            assertTrue(p.isAlive(), () -> "the run ended before it could be interrupted: " + read(err));
            if (signal.equals("INT")) {
                ChildProcess.interrupt(p);
            } else {
                p.destroy();
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run stops after the signal");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(status, p.exitValue(), () -> read(err));
        assertEquals(before, ChildProcess.snapshot(out), "OUT holds the earlier result only, byte for byte");
    }

    /** Waits until the child writes its temporary folder, or for a while into sampling. */
    private static void awaitUnderway(Process p, Path out, boolean writing) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(writing ? 60 : 3);
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (writing && hasTemporaryFolder(out)) {
                Thread.sleep(50); // let it write some of samples.csv
                return;
            }
            Thread.sleep(writing ? 5 : 50);
        }
    }

    private static boolean hasTemporaryFolder(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.anyMatch(x -> x.getFileName().toString().startsWith(".slow.tmp-"));
        }
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
