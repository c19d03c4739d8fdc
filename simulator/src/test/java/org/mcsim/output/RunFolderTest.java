package org.mcsim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
    @TempDir
    Path out;

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void write(Path file, String text) throws IOException {
        try (Writer w = RunFolder.newWriter(file)) {
            w.write(text);
        }
    }

    @Test
    void filesAppearOnlyOnCommit() throws IOException {
        RunFolder f = RunFolder.begin(out.resolve("sub"), "demo");
        write(f.file("summary.csv"), "a,b\n");
        List<String> during = names(out.resolve("sub"));
        assertEquals(1, during.size());
        assertTrue(during.get(0).startsWith(".demo.tmp-"), during.get(0));
        f.commit();
        assertEquals(List.of("demo"), names(out.resolve("sub")));
        assertEquals("a,b\n", Files.readString(out.resolve("sub/demo/summary.csv")));
        assertThrows(IllegalStateException.class, f::commit);
        f.abort();
        assertEquals(List.of("demo"), names(out.resolve("sub")));
    }

    @Test
    void commitReplacesTheOldFolderAsAWhole() throws IOException {
        RunFolder first = RunFolder.begin(out, "demo");
        write(first.file("claims.csv"), "x\n");
        write(first.file("summary.csv"), "old\n");
        first.commit();
        RunFolder second = RunFolder.begin(out, "demo");
        write(second.file("summary.csv"), "new\n");
        second.commit();
        assertEquals(List.of("demo"), names(out));
        assertEquals(List.of("summary.csv"), names(out.resolve("demo")));
        assertEquals("new\n", Files.readString(out.resolve("demo/summary.csv")));
    }

    @Test
    void abortLeavesNothingAndKeepsTheOldFolder() throws IOException {
        RunFolder first = RunFolder.begin(out, "demo");
        write(first.file("summary.csv"), "old\n");
        first.commit();
        int before = PendingOutput.openCount();
        RunFolder second = RunFolder.begin(out, "demo");
        assertEquals(before + 1, PendingOutput.openCount());
        write(second.file("summary.csv"), "partial");
        second.abort();
        second.abort();
        assertEquals(before, PendingOutput.openCount());
        assertEquals(List.of("demo"), names(out));
        assertEquals("old\n", Files.readString(out.resolve("demo/summary.csv")));
        assertThrows(IllegalStateException.class, second::commit);
    }

    @Test
    void writeAtomicallyReplacesOneFileAndCleansUpOnFailure() throws IOException {
        Files.createDirectories(out.resolve("demo"));
        Path target = out.resolve("demo/sweep.csv");
        RunFolder.writeAtomically(target, w -> w.write("v1\n"));
        RunFolder.writeAtomically(target, w -> w.write("v2 ü\n"));
        assertEquals("v2 ü\n", Files.readString(target, StandardCharsets.UTF_8));
        IOException e = assertThrows(IOException.class, () -> RunFolder.writeAtomically(target, w -> {
            w.write("half");
            throw new IOException("disk full");
        }));
        assertTrue(e.getMessage().contains("sweep.csv") && e.getMessage().contains("disk full"), e.getMessage());
        assertEquals("v2 ü\n", Files.readString(target));
        assertEquals(List.of("sweep.csv"), names(out.resolve("demo")));
    }

    @Test
    void aFolderHoldingAFileMcsimDidNotWriteIsRefusedAndKept() throws IOException {
        Files.createDirectories(out.resolve("important"));
        Files.writeString(out.resolve("important/notes.txt"), "precious");
        RefusedException e = assertThrows(RefusedException.class, () -> RunFolder.begin(out, "important"));
        assertEquals(out.resolve("important") + ": holds notes.txt, which mcsim did not write; mcsim replaces "
            + "only folders it wrote (move it or choose another -o)", e.getMessage());
        assertEquals(List.of("important"), names(out));
        assertEquals("precious", Files.readString(out.resolve("important/notes.txt")));
    }

    @Test
    void aFolderThatBecomesForeignBeforeTheCommitIsRefusedAtTheCommit() throws IOException {
        RunFolder f = RunFolder.begin(out, "demo");
        write(f.file("summary.csv"), "new\n");
        Files.createDirectories(out.resolve("demo/sub"));
        assertThrows(RefusedException.class, f::commit);
        assertEquals(List.of("demo"), names(out));
        assertEquals(List.of("sub"), names(out.resolve("demo")));
    }

    @Test
    void aFolderHoldingTheScenarioOrTheWorkingDirectoryIsNeverReplaced() throws IOException {
        Path scenario = out.resolve("proj/proj.yaml");
        Files.createDirectories(scenario.getParent());
        Files.writeString(scenario, "name: proj\n");
        RefusedException e =
            assertThrows(RefusedException.class, () -> RunFolder.begin(out, "proj", List.of(scenario)));
        assertTrue(e.getMessage().endsWith(": holds " + scenario + "; mcsim will not replace it (choose another -o)"),
            e.getMessage());
        Path cwd = Path.of("").toAbsolutePath();
        RefusedException c = assertThrows(RefusedException.class,
            () -> RunFolder.begin(cwd.getParent(), cwd.getFileName().toString()));
        assertTrue(c.getMessage().contains("holds the working directory"), c.getMessage());
        assertEquals(List.of("proj.yaml"), names(scenario.getParent()));
    }

    @Test
    void aLinkOrAFileAtTheFolderIsRefused() throws IOException {
        Path elsewhere = Files.createDirectories(out.resolve("elsewhere"));
        Files.createSymbolicLink(out.resolve("linked"), elsewhere);
        assertThrows(RefusedException.class, () -> RunFolder.begin(out, "linked"));
        assertThrows(RefusedException.class, () -> OwnedFolder.checkWritable(out.resolve("linked")));
        Files.writeString(out.resolve("plain"), "a file");
        assertThrows(RefusedException.class, () -> RunFolder.begin(out, "plain"));
        assertEquals(List.of(), names(elsewhere));
    }

    @Test
    void aFolderWithOtherCommandsResultsIsKeptBesideTheNewOne() throws IOException {
        RunFolder first = RunFolder.begin(out, "demo");
        write(first.file("run.json"), "{}");
        assertEquals(null, first.commit());
        Files.writeString(out.resolve("demo/sensitivity.csv"), "derived\n");
        RunFolder second = RunFolder.begin(out, "demo");
        write(second.file("run.json"), "{\"new\": true}");
        Path kept = second.commit();
        assertTrue(kept.getFileName().toString().matches("demo\\.previous-[0-9]{8}T[0-9]{6}Z"), kept.toString());
        assertEquals(List.of("run.json", "sensitivity.csv"), names(kept));
        assertEquals(List.of("run.json"), names(out.resolve("demo")));
        Files.writeString(out.resolve("demo/solve.csv"), "derived\n");
        RunFolder third = RunFolder.begin(out, "demo");
        write(third.file("run.json"), "{}");
        Path again = third.commit();
        assertFalse(again.equals(kept), "an earlier kept copy is never overwritten");
        assertEquals(
            List.of("demo", again.getFileName().toString(), kept.getFileName().toString()).stream().sorted().toList(),
            names(out));
    }

    @Test
    void whatKilledCommandsLeftIsRemovedButNotALiveOnesFolder() throws IOException {
        long dead = deadPid();
        Path stale = Files.createDirectories(out.resolve(".demo.tmp-" + dead + "-abc"));
        Files.writeString(stale.resolve("samples.csv"), "75 MB once");
        Path old = Files.createDirectories(out.resolve(".demo.old-xyz"));
        Path live = Files.createDirectories(out.resolve(".demo.tmp-" + ProcessHandle.current().pid() + "-live"));
        Path otherName = Files.createDirectories(out.resolve(".demo2.tmp-" + dead + "-abc"));
        RunFolder f = RunFolder.begin(out, "demo");
        assertFalse(Files.exists(stale));
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(live));
        assertTrue(Files.exists(otherName));
        f.abort();
    }

    /** A process id that no live process has. */
    private static long deadPid() {
        for (long pid = 4_000_000;; pid--) {
            if (ProcessHandle.of(pid).isEmpty()) {
                return pid;
            }
        }
    }

    @Test
    void concurrentCommitsToOneFolderTakeTurnsAndLeaveOneCompleteResult() throws Exception {
        int n = 8;
        List<Thread> threads = new java.util.ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int i = 0; i < n; i++) {
            int id = i;
            threads.add(new Thread(() -> {
                try {
                    RunFolder f = RunFolder.begin(out, "demo");
                    write(f.file("summary.csv"), "run " + id + "\n");
                    write(f.file("run.json"), "{\"id\": " + id + "}");
                    f.commit();
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(), failures);
        assertEquals(List.of("demo"), names(out));
        String summary = Files.readString(out.resolve("demo/summary.csv"));
        String id = summary.trim().substring("run ".length());
        assertEquals("{\"id\": " + id + "}", Files.readString(out.resolve("demo/run.json")), "one run's files");
    }

    @Test
    void gzipWritersProduceUtf8Text() throws IOException {
        RunFolder f = RunFolder.begin(out, "demo");
        try (Writer w = RunFolder.newGzipWriter(f.file("samples.csv.gz"))) {
            w.write("x\n1.5\n€\n");
        }
        f.commit();
        Path gz = out.resolve("demo/samples.csv.gz");
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            assertEquals("x\n1.5\n€\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Path file = out.resolve("demo/other.csv.gz");
        RunFolder.writeAtomicallyGzip(file, w -> w.write("a\n"));
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            assertEquals("a\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void errorsNameThePath() throws IOException {
        Path blocker = out.resolve("file");
        Files.writeString(blocker, "not a directory");
        IOException e = assertThrows(IOException.class, () -> RunFolder.begin(blocker.resolve("x"), "demo"));
        assertTrue(e.getMessage().contains(blocker.toString()), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunFolder.begin(out, "../evil"));
        assertThrows(IOException.class, () -> RunFolder.writeAtomically(out.resolve("missing/dir/f.csv"), w -> { }));
        assertFalse(Files.exists(out.resolve("missing")));
    }

    @Test
    void exitAndSigtermLeaveNothingUnderOut() throws Exception {
        for (String mode : new String[] {"exit", "wait"}) {
            Path dir = out.resolve(mode);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                RunFolderTest.class.getName() + "$Child", dir.toString(), mode).redirectErrorStream(true).start();
            try (BufferedReader r =
                     new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("ready", r.readLine());
                if (mode.equals("wait")) {
                    p.destroy(); // SIGTERM on POSIX
                }
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            } finally {
                p.destroyForcibly();
            }
            assertEquals(List.of(), names(dir), mode);
        }
    }

    /** A child JVM: opens a run folder and a pending file, then exits or waits for a signal. */
    static final class Child {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            RunFolder f = RunFolder.begin(dir, "demo");
            write(f.file("summary.csv"), "partial\n");
            Thread writer = new Thread(() -> {
                try {
                    RunFolder.writeAtomically(dir.resolve("sweep.csv"), w -> {
                        w.write("x");
                        w.flush();
                        try {
                            Thread.sleep(60_000);
                        } catch (InterruptedException e) {
                            throw new IOException(e);
                        }
                    });
                } catch (Exception e) {
                    // interrupted by the shutdown
                }
            });
            writer.setDaemon(true);
            writer.start();
            while (names(dir).size() < 2) {
                Thread.sleep(5);
            }
            System.out.println("ready");
            System.out.flush();
            if (args[1].equals("exit")) {
                System.exit(3);
            }
            Thread.sleep(60_000);
        }
    }
}
