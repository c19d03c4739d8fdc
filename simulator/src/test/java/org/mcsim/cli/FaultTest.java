package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output folder that cannot be written, or a disk that fills: a clear
 * {@code OUT/NAME: cannot write: ...} on stderr, exit 1, nothing half-written (no temporary
 * folder, an earlier result intact).
 */
class FaultTest {

    @TempDir
    Path dir;

    private Path scenario() throws IOException {
        return Cli.write(dir, "s.yaml", "name: s\nsettings: {samples: 2000, seed: 1}\n"
            + "inputs:\n  x: {dist: normal, mean: 0, sd: 1}\nformulas:\n  f: x * 2\n");
    }

    @Test
    void outputPathThatIsAFileIsACleanError() throws IOException {
        Path out = Files.writeString(dir.resolve("out"), "not a folder");
        Cli r = Cli.run("run", scenario().toString(), "-o", out.toString(), "--quiet");
        assertEquals(1, r.status, r.toString());
        assertEquals(out.resolve("s") + ": cannot write: cannot create directory " + out
            + ": FileAlreadyExists: " + out + "\n", r.err);
        assertEquals("not a folder", Files.readString(out));
    }

    @Test
    void readOnlyOutputFolderIsACleanErrorAndKeepsTheEarlierResult() throws IOException {
        Path f = scenario();
        Path out = dir.resolve("out");
        assertEquals(0, Cli.run("run", f.toString(), "-o", out.toString(), "--quiet").status);
        Map<String, String> before = ChildProcess.snapshot(out);
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(out), "permissions do not bind this user (root)");
            Cli r = Cli.run("run", f.toString(), "-o", out.toString(), "-n", "3000", "--quiet");
            assertEquals(1, r.status, r.toString());
            assertTrue(r.err.startsWith(out.resolve("s") + ": cannot write: cannot create directory "), r.err);
            assertTrue(r.err.contains("AccessDenied") || r.err.contains("ermission"), r.err);
        } finally {
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertEquals(before, ChildProcess.snapshot(out));
    }

    /**
     * The child JVM runs under {@code ulimit -f} (a file size limit of 1 MiB): the JVM ignores
     * SIGXFSZ, so writing samples.csv past the limit fails as a full disk does.
     */
    @Test
    void fullDiskIsACleanErrorAndKeepsTheEarlierResult() throws Exception {
        Path f = scenario();
        Path out = dir.resolve("out");
        assertEquals(0, Cli.run("run", f.toString(), "-o", out.toString(), "--write-samples", "--quiet").status);
        Map<String, String> before = ChildProcess.snapshot(out);
        List<String> cmd = ChildProcess.command("run", f.toString(), "-o", out.toString(), "-n", "300000",
            "--write-samples", "--quiet");
        String line = cmd.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        Path err = dir.resolve("err.txt");
        Process p = ChildProcess.start(List.of("bash", "-c", "ulimit -f 1024 && exec " + line), err);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String stderr = Files.readString(err);
        assertEquals(1, p.exitValue(), stderr);
        assertTrue(stderr.startsWith(out.resolve("s") + ": cannot write: "), stderr);
        assertTrue(stderr.contains("File too large"), stderr);
        assertFalse(stderr.contains("\tat "), "no stack trace: " + stderr);
        assertEquals(before, ChildProcess.snapshot(out), "no temporary folder, the earlier result intact");
    }
}
