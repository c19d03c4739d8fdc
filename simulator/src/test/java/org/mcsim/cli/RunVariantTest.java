package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --variant NAME}: one variant, with its replaced distributions, in a folder of its own. */
class RunVariantTest {
    static final String MODEL = """
        name: demo
        settings: {samples: 4000, seed: 7}
        indexes:
          gpu: [a, b]
        inputs:
          x: {dist: normal, mean: 10, sd: 1}
          p: {index: gpu, dist: uniform, min: 1, max: 2, draw: independent}
        formulas:
          f: x + sum(p, gpu)
        variants:
          swapped:
            x: {dist: constant, value: 100}
            "p[b]": {dist: constant, value: 7}
        """;

    @TempDir
    Path dir;

    private static String mean(Path folder, String variable) throws IOException {
        return Files.readAllLines(folder.resolve("summary.csv")).stream()
            .filter(l -> l.startsWith(variable + ",formula,mean,") || l.startsWith(variable + ",input,mean,"))
            .findFirst().orElseThrow().split(",")[3];
    }

    @Test
    void aVariantRunsAloneInItsOwnFolder() throws IOException {
        Path f = Cli.write(dir, "demo.yaml", MODEL);
        Path out = dir.resolve("out");
        Cli base = Cli.run("run", f.toString(), "-o", out.toString());
        assertEquals(0, base.status, base.toString());
        Cli r = Cli.run("run", f.toString(), "-o", out.toString(), "--variant", "swapped", "--threads", "2");
        assertEquals(0, r.status, r.toString());
        Path folder = out.resolve("demo@swapped");
        // x is the constant 100 and p[b] the constant 7; p[a] keeps its own stream, so its draws are the base run's
        assertEquals(mean(out.resolve("demo"), "p[a]"), mean(folder, "p[a]"));
        double f1 = Double.parseDouble(mean(folder, "f"));
        double pa = Double.parseDouble(mean(folder, "p[a]"));
        assertEquals(107 + pa, f1, 1e-9);
        assertTrue(Files.isDirectory(out.resolve("demo")), "the scenario's own folder is left alone");
    }

    @Test
    void anUnknownVariantIsRefusedWithTheNearest() throws IOException {
        Path f = Cli.write(dir, "demo.yaml", MODEL);
        Path out = dir.resolve("out");
        Cli r = Cli.run("run", f.toString(), "-o", out.toString(), "--variant", "swaped");
        assertEquals(1, r.status);
        assertTrue(r.err.contains("unknown variant 'swaped'; did you mean 'swapped'?"), r.err);
        assertFalse(Files.exists(out.resolve("demo@swaped")));
    }

    @Test
    void aReplacedDistributionIsCheckedLikeAnyOther() throws IOException {
        Path f = Cli.write(dir, "demo.yaml", MODEL.replace("{dist: constant, value: 100}",
            "{dist: normal, mean: 1, sd: -1}").replace("\"p[b]\"", "q"));
        Cli r = Cli.run("validate", f.toString());
        assertEquals(1, r.status);
        assertEquals(List.of(f + ":11:3: variant swapped: x.sd: must be positive, got -1",
            f + ":13:5: variant swapped: q: unknown input 'q'; expected one of x, p[a], p[b]"), r.err.lines().toList());
    }
}
