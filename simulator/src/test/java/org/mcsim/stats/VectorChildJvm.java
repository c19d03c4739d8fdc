package org.mcsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;

/**
 * Runs a test class's {@code main} in a child JVM whose preferred vectors hold a given number of
 * doubles (options such as {@code -XX:MaxVectorSize=16}): the vector kernels compiled as they run
 * on CPUs with narrower vectors. The child prints "checked N lanes" when its checks pass.
 */
final class VectorChildJvm {
    private VectorChildJvm() {
    }

    /** Runs the checks of {@code test} where vectors hold 4 doubles (AVX2, 256 bits). */
    static void at256Bits(Class<?> test) throws IOException, InterruptedException {
        check(test, 4, "-XX:+IgnoreUnrecognizedVMOptions", "-XX:UseAVX=2", "-XX:MaxVectorSize=32");
    }

    /** Runs the checks of {@code test} where vectors hold 2 doubles (128 bits). */
    static void at128Bits(Class<?> test) throws IOException, InterruptedException {
        check(test, 2, "-XX:MaxVectorSize=16");
    }

    /**
     * Runs {@code main} of {@code test} with argument {@code lanes} in a JVM started with {@code options};
     * skipped where this CPU's vectors are narrower than {@code lanes} doubles.
     */
    static void check(Class<?> test, int lanes, String... options) throws IOException, InterruptedException {
        assumeTrue(DoubleVector.SPECIES_PREFERRED.length() >= lanes, "vectors narrower than " + lanes + " lanes");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options));
        command.addAll(List.of("--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
            test.getName(), Integer.toString(lanes)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("checked " + lanes + " lanes"), out);
    }
}
