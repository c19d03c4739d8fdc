package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run too large for the heap, in a child JVM of 48 MB: one plain line on stderr, exit status 1,
 * no stack trace, and OUT as it was, whether the store grows on the calling thread (one thread)
 * or on several; the scenarios after it still run.
 */
class OutOfMemoryTest {

    private static final String SCENARIO = """
        name: big
        settings: {samples: 10000000, seed: 5}
        inputs:
          a: {dist: normal, mean: 1, sd: 2}
          b: {dist: uniform, min: 0, max: 1}
        formulas:
          s: a + b
          r: a * b
        outputs: [s, r]
        """;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2})
    void aRunTooLargeForTheHeapSaysSoPlainly(int threads) throws Exception {
        Path f = Cli.write(dir, "big.yaml", SCENARIO);
        Path out = dir.resolve("out");
        assertEquals(0, Cli.run("run", f.toString(), "-n", "1000", "-o", out.toString(), "--quiet").status);
        Map<String, String> before = ChildProcess.snapshot(out);
        // 10^7 samples of two outputs: 160 MB of kept samples in a 48 MB heap
        String text = runIn48m(threads, "run", f.toString());
        assertTrue(text.startsWith(f + ": out of memory: the run does not fit in the Java heap ("), text);
        assertTrue(text.contains("MCSIM_OPTS=-Xmx"), text);
        assertEquals(1, text.lines().count(), text);
        assertFalse(text.contains("\tat "), text);
        assertEquals(before, ChildProcess.snapshot(out), "OUT holds the earlier result only, byte for byte");
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2})
    void theScenariosAfterOneThatDoesNotFitStillRun(int threads) throws Exception {
        Path big = Cli.write(dir, "big.yaml", SCENARIO);
        Path small = Cli.write(dir, "small.yaml", SCENARIO.replace("name: big", "name: small")
            .replace("samples: 10000000", "samples: 1000"));
        String text = runIn48m(threads, "run", big.toString(), small.toString());
        List<String> lines = text.lines().toList();
        assertEquals(2, lines.size(), text);
        assertTrue(lines.get(0).startsWith(big + ": out of memory: "), text);
        assertEquals("1 of 2 scenarios failed: " + big, lines.get(1), text);
        assertFalse(text.contains("\tat "), text);
        assertTrue(Files.exists(dir.resolve("out/small/summary.csv")), "the small scenario ran");
        assertFalse(Files.exists(dir.resolve("out/big")), "nothing of the big one");
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2})
    void anotherCommandSaysSoToo(int threads) throws Exception {
        Path big = Cli.write(dir, "big.yaml", SCENARIO);
        Path other = Cli.write(dir, "other.yaml", SCENARIO.replace("name: big", "name: other"));
        String text = runIn48m(threads, "compare", big.toString(), other.toString());
        assertTrue(text.startsWith("mcsim: out of memory: the run does not fit in the Java heap ("), text);
        assertEquals(1, text.lines().count(), text);
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @org.junit.jupiter.api.Test
    void validateThatRunsOutOfMemoryReadingSaysSoWithoutTalkingOfSamples() throws Exception {
        StringBuilder csv = new StringBuilder("v\n");
        for (int i = 0; i < 3_000_000; i++) {
            csv.append(i).append('\n');
        }
        Files.writeString(dir.resolve("big.csv"), csv);
        Path f = Cli.write(dir, "data.yaml", "name: data\ninputs:\n  x: {dist: empirical, file: big.csv, column: v}\n");
        Path err = dir.resolve("err.txt");
        Process p = ChildProcess.start(ChildProcess.commandWithHeap("32m", "validate", f.toString()), err);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child finishes");
        String text = Files.readString(err);
        assertEquals(1, p.exitValue(), text);
        assertTrue(text.startsWith("mcsim: out of memory: validate does not fit in the Java heap ("), text);
        assertFalse(text.contains("samples"), text);
    }

    @org.junit.jupiter.api.Test
    void anEmpiricalFileIsStreamedSoItsTextIsNeverHeldWhole() throws Exception {
        // 1,000,000 values, 10.9 MB: read whole (bytes, then text, then values) it needed a
        // 64 MB heap; streamed, only the values are held and 32 MB is enough
        StringBuilder csv = new StringBuilder("v\n");
        for (int i = 0; i < 1_000_000; i++) {
            csv.append(i % 1000).append('.')
                .append(String.format(java.util.Locale.ROOT, "%06d", i % 999_983)).append('\n');
        }
        Files.writeString(dir.resolve("mid.csv"), csv);
        Path f = Cli.write(dir, "mid.yaml", "name: mid\ninputs:\n  x: {dist: empirical, file: mid.csv, column: v}\n");
        Path err = dir.resolve("err.txt");
        Process p = ChildProcess.start(ChildProcess.commandWithHeap("40m", "validate", f.toString()), err);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child finishes");
        assertEquals(0, p.exitValue(), Files.readString(err));
    }

    @org.junit.jupiter.api.Test
    void aSweepKeepsOnePointAtATimeSoALargeGridFitsInASmallHeap() throws Exception {
        // 20,000 points: kept all at once (as before) they took well over 32 MB and ran out of memory
        Path f = Cli.write(dir, "sw.yaml", "name: sw\ninputs:\n  x: {dist: normal, mean: 0, sd: 1}\n"
            + "formulas:\n  y: x * 2\nclaims:\n  pos: y > 0\n");
        Path err = dir.resolve("err.txt");
        Process p = ChildProcess.start(ChildProcess.commandWithHeap("32m", "sweep", f.toString(), "--vary",
            "x.mean=0:1:100", "--vary", "x.sd=1:2:200", "-n", "50", "-o", dir.resolve("out").toString(), "--quiet",
            "--threads", "1"), err);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child finishes");
        assertEquals(0, p.exitValue(), Files.readString(err));
        assertEquals(1 + 20_000 * 13L, Files.lines(dir.resolve("out/sw/sweep.csv")).count());
    }

    /** Runs mcsim (10^7 samples for big.yaml) in a 48 MB child JVM; its stderr (exit status 1). */
    private String runIn48m(int threads, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(args));
        cmd.addAll(List.of("-o", dir.resolve("out").toString(), "--threads",
            Integer.toString(threads), "--quiet"));
        Path err = dir.resolve("err.txt");
        Process p = ChildProcess.start(ChildProcess.commandWithHeap("48m", cmd.toArray(String[]::new)), err);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child finishes");
        String text = Files.readString(err);
        assertEquals(1, p.exitValue(), text);
        return text;
    }
}
