package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code mcsim} launcher's handling of the Vector API module, against a stand-in {@code java}
 * on the PATH that records its arguments: the module is added for the commands that sample and
 * left out for those that do not, for {@code MCSIM_SIMD=off} and for a Java runtime without the
 * module; the JVM's one-line notice about the module is dropped from standard error, every
 * other line kept, and the JVM's exit status is the launcher's; transparent huge pages are asked
 * for where the kernel offers them. The launcher is copied into a
 * folder laid out like the repository, with a jar newer than its sources, so it builds nothing.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("..", "mcsim");
    private static final String NOTICE = "WARNING: Using incubator modules: jdk.incubator.vector";

    @TempDir
    Path dir;
    private Path repo;
    private Path bin;

    @BeforeEach
    void layOut() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve("simulator/src/main"));
        Files.createDirectories(repo.resolve("simulator/target"));
        Files.writeString(repo.resolve("pom.xml"), "");
        Files.writeString(repo.resolve("simulator/pom.xml"), "");
        Path jar = repo.resolve("simulator/target/mcsim.jar");
        Files.writeString(jar, "");
        FileTime later = FileTime.fromMillis(System.currentTimeMillis() + 60_000);
        Files.setLastModifiedTime(jar, later);
        Path launcher = repo.resolve("mcsim");
        Files.copy(LAUNCHER, launcher);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        bin = Files.createDirectories(dir.resolve("bin"));
    }

    /** A stand-in java: lists the module (or not), announces it as the JVM does, prints its options, exits 3. */
    private void fakeJava(boolean hasModule) throws Exception {
        String script = "#!/bin/bash\n"
            + "if [ \"$1\" = --list-modules ]; then\n"
            + (hasModule ? "  echo jdk.incubator.vector@17\n" : "")
            // More modules follow, a moment later: a reader that quits at the first match would
            // end this writer with SIGPIPE.
            + "  sleep 0.2\n  echo java.base@17\n  exit 0\nfi\n"
            // Like the JVM, the notice first on stderr, when the module is added.
            + "for a in \"$@\"; do case \"$a\" in --add-modules=*) echo '" + NOTICE + "' >&2 ;; esac; done\n"
            + "echo \"options: $*\"\n"
            + "echo 'a line of the JVM on stderr' >&2\n"
            + "exit 3\n";
        Path java = bin.resolve("java");
        Files.writeString(java, script);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Launch(int status, String out, String err) {
        boolean withModule() {
            return out.contains("--add-modules=jdk.incubator.vector");
        }
    }

    private Launch launch(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("/bin/bash", repo.resolve("mcsim").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("MCSIM_NO_CDS", "1");
        pb.environment().remove("MCSIM_SIMD");
        pb.environment().remove("MCSIM_OPTS");
        pb.environment().putAll(env);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher finished");
        return new Launch(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void samplingCommandsGetTheModuleOthersDoNot() throws Exception {
        fakeJava(true);
        for (String command : List.of("run", "compare", "sweep", "sensitivity", "solve", "discover")) {
            Launch l = launch(Map.of(), command, "x.yaml");
            assertTrue(l.withModule(), command + ": " + l.out());
            assertFalse(l.out().contains("-Dmcsim.simd=off"), command);
        }
        for (String[] args : List.<String[]>of(new String[] {"validate", "x.yaml"}, new String[] {"describe", "x.yaml"},
                new String[] {"report", "out"}, new String[] {"--version"}, new String[] {"-h"})) {
            Launch l = launch(Map.of(), args);
            assertFalse(l.withModule(), String.join(" ", args) + ": " + l.out());
            assertTrue(l.out().contains("-Dmcsim.simd=off"), String.join(" ", args));
        }
    }

    @Test
    void offWhenAskedOrWhenTheRuntimeLacksTheModule() throws Exception {
        fakeJava(true);
        assertFalse(launch(Map.of("MCSIM_SIMD", "off"), "run", "x.yaml").withModule());
        fakeJava(false);
        // The answer is remembered per java binary: the same path, so forget it first.
        Files.deleteIfExists(repo.resolve("simulator/target/vector-module.txt"));
        Launch l = launch(Map.of(), "run", "x.yaml");
        assertFalse(l.withModule(), l.out());
        assertTrue(l.out().contains("-Dmcsim.simd=off"));
    }

    /**
     * Transparent huge pages are asked for where the kernel offers them (mode madvise or always),
     * not where it does not or when MCSIM_NO_THP is set, and before MCSIM_OPTS, whose own
     * -XX:-UseTransparentHugePages then wins.
     */
    @Test
    void hugePagesWhereTheKernelOffersThem() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux"), "Linux only");
        fakeJava(true);
        Path mode = dir.resolve("thp-enabled");
        String flag = "-XX:+UseTransparentHugePages";
        for (String offered : List.of("always [madvise] never", "[always] madvise never")) {
            Files.writeString(mode, offered + "\n");
            for (String command : List.of("run", "validate")) {
                Launch l = launch(Map.of("MCSIM_THP_FILE", mode.toString()), command, "x.yaml");
                assertTrue(l.out().contains(flag), offered + ", " + command + ": " + l.out());
            }
            assertFalse(launch(Map.of("MCSIM_THP_FILE", mode.toString(), "MCSIM_NO_THP", "1"), "run", "x.yaml")
                .out().contains(flag), offered + " with MCSIM_NO_THP");
            Map<String, String> optedOut = Map.of("MCSIM_THP_FILE", mode.toString(),
                "MCSIM_OPTS", "-XX:-UseTransparentHugePages");
            Launch user = launch(optedOut, "run", "x.yaml");
            assertTrue(user.out().indexOf(flag) < user.out().indexOf("-XX:-UseTransparentHugePages"), user.out());
        }
        Files.writeString(mode, "always madvise [never]\n");
        assertFalse(launch(Map.of("MCSIM_THP_FILE", mode.toString()), "run", "x.yaml").out().contains(flag));
        Launch missing = launch(Map.of("MCSIM_THP_FILE", dir.resolve("absent").toString()), "run", "x.yaml");
        assertFalse(missing.out().contains(flag), missing.out());
        assertEquals("a line of the JVM on stderr\n", missing.err(), "nothing said of the missing file");
    }

    @Test
    void theNoticeIsDroppedAndEverythingElseKeptWithTheJvmsStatus() throws Exception {
        fakeJava(true);
        Launch l = launch(Map.of(), "run", "x.yaml");
        assertEquals(3, l.status(), "the JVM's exit status");
        assertEquals("a line of the JVM on stderr\n", l.err());
        // Without the module there is no notice, and the first line is kept like any other.
        Launch plain = launch(Map.of(), "validate", "x.yaml");
        assertEquals(3, plain.status());
        assertEquals("a line of the JVM on stderr\n", plain.err());
    }
}
