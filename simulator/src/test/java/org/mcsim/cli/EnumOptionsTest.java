package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --method, --indices, --engine and --write-samples are converted by picocli's own enum conversion. */
class EnumOptionsTest {

    @TempDir
    Path dir;

    @Test
    void theConstantsAreTakenInAnyCase() throws IOException {
        Path f = Cli.write(dir, "demo.yaml", RunCommandTest.MODEL);
        Cli r = Cli.run("run", f.toString(), "-n", "200", "-o", dir.resolve("out").toString(), "--quiet",
            "--method", "LHS", "--engine", "Local", "--write-samples=GZ");
        assertEquals(0, r.status, r.toString());
        try (var files = Files.list(dir.resolve("out"))) {
            Path folder = files.findFirst().orElseThrow();
            assertTrue(Files.exists(folder.resolve("samples.csv.gz")), folder.toString());
            assertTrue(Cli.read(folder.resolve("run.json")).contains("\"method\": \"lhs\""));
        }
    }

    @Test
    void anUnknownConstantIsAUsageErrorListingThem() throws IOException {
        Path f = Cli.write(dir, "demo.yaml", RunCommandTest.MODEL);
        Cli r = Cli.run("run", f.toString(), "--method", "magic");
        assertEquals(2, r.status, r.toString());
        assertTrue(r.err.startsWith("Invalid value for option '--method': expected one of [RANDOM, LHS, SOBOL] "
            + "(case-insensitive) but was 'magic'\n"), r.err);
        r = Cli.run("sensitivity", f.toString(), "--output", "x", "--indices", "morris");
        assertEquals(2, r.status, r.toString());
        assertTrue(r.err.contains("expected one of [ALL, RANK, TORNADO, SOBOL] (case-insensitive) but was 'morris'"),
            r.err);
    }
}
