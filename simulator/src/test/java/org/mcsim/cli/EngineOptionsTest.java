package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --engine}, {@code --master}, {@code --partitions} without Spark on the class path. */
class EngineOptionsTest {
    @TempDir
    Path dir;

    @Test
    void localIsTheDefaultAndIsRecordedInRunJson() throws IOException {
        Path f = Cli.write(dir, "demo.yaml", RunCommandTest.MODEL);
        Cli r = Cli.run("run", f.toString(), "-o", dir.resolve("out").toString(), "--engine", "local", "--quiet");
        assertEquals(0, r.status, r.toString());
        assertTrue(Cli.read(dir.resolve("out/demo/run.json")).contains("\"engine\": \"local\""));
    }

    @Test
    void sparkWithoutItsJarFailsWithAHintAndWritesNothing() throws IOException {
        Path f = Cli.write(dir, "demo.yaml", RunCommandTest.MODEL);
        Cli r = Cli.run("run", f.toString(), "-o", dir.resolve("out").toString(), "--engine", "spark");
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.startsWith("--engine spark: that engine is not on the class path (run through ./mcsim"),
            r.err);
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void anUnknownEngineIsAUsageError() throws IOException {
        Path f = Cli.write(dir, "demo.yaml", RunCommandTest.MODEL);
        Cli r = Cli.run("run", f.toString(), "--engine", "flink");
        assertEquals(2, r.status, r.toString());
        // picocli's own enum conversion: the constants, matched without regard to case
        assertTrue(r.err.contains("expected one of [LOCAL, SPARK] (case-insensitive) but was 'flink'"), r.err);
    }

    @Test
    void sparkOptionsNeedTheSparkEngine() throws IOException {
        Path f = Cli.write(dir, "demo.yaml", RunCommandTest.MODEL);
        Cli r = Cli.run("run", f.toString(), "--master", "local[2]");
        assertEquals(2, r.status, r.toString());
        assertTrue(r.err.startsWith("--master needs --engine spark"), r.err);
        Cli p = Cli.run("run", f.toString(), "--engine", "spark", "--partitions", "0");
        assertEquals(2, p.status, p.toString());
        assertTrue(p.err.startsWith("--partitions must be at least 1, got 0"), p.err);
    }
}
