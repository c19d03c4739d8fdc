package org.mcsim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Test support: runs {@code mcsim} in a child JVM on the test class path (so that it can be
 * signalled, or limited by {@code ulimit}), and snapshots folders to compare them byte for byte.
 */
final class ChildProcess {
    private ChildProcess() {
    }

    /**
     * The command line of a child JVM running {@code mcsim ARGS}. A process started in the
     * background by a non-interactive shell (as a CI job may start the build) inherits SIGINT
     * ignored, and the JVM then keeps ignoring it, as a shell's background job should; so the
     * child is started through perl, which restores SIGINT's default disposition before it execs
     * the JVM (the same process id), as a terminal's foreground job would have it.
     */
    static List<String> command(String... args) {
        return commandWithHeap("1g", args);
    }

    /** As {@link #command}, with the child's heap limited to {@code maxHeap} ({@code -Xmx}). */
    static List<String> commandWithHeap(String maxHeap, String... args) {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/perl"))) {
            cmd.addAll(List.of("/usr/bin/perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!", "--"));
        }
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts the command with stderr captured in {@code err}. */
    static Process start(List<String> command, Path err) throws IOException {
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile()).start();
    }

    /** Sends SIGINT, as Ctrl-C does. */
    static void interrupt(Process p) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start().waitFor();
    }

    /** Every file under {@code root} (hidden ones included) by relative path, with its bytes. */
    static Map<String, String> snapshot(Path root) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = root.relativize(p).toString();
                files.put(rel, Files.isDirectory(p) ? "<dir>" : java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }
}
