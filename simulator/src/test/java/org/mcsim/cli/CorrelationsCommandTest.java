package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rank correlations end to end: correlations.csv ({@code a,b,target,achieved}) under every method,
 * the achieved Spearman correlation within five standard errors of its target, that standard
 * error about 1.06(1 − ρ²)/√n under independent sampling (Fieller, Hartley &amp; Pearson, Biometrika
 * 44, 1957), which bounds LHS and Sobol too; and the refusals of scenario-format.md through
 * {@code mcsim validate}.
 */
class CorrelationsCommandTest {
    private static final int N = 20_000;
    private static final String MODEL = """
        name: corr
        settings: {samples: 20000, seed: 11}
        inputs:
          price: {dist: lognormal, low: 20000, high: 40000}
          count: {dist: triangular, min: 8000, mode: 10000, max: 12000}
          mult: {dist: uniform, min: 1.3, max: 1.8}
          power: {dist: gamma, mean: 1000, sd: 150}
        formulas:
          cost: price * count * mult + power
        correlations:
          - {between: [price, mult], rank: 0.5}
          - {between: [count, power], rank: -0.3}
          - {between: [price, power], rank: 0.2}
        """;

    @TempDir
    Path dir;

    @Test
    void achievedRankCorrelationsMatchTheTargetsUnderEveryMethod() throws IOException {
        Path f = Cli.write(dir, "corr.yaml", MODEL);
        for (String method : List.of("random", "lhs", "sobol")) {
            Path out = dir.resolve(method);
            Cli r = Cli.run("run", f.toString(), "-o", out.toString(), "--method", method, "--quiet");
            assertEquals(0, r.status, r.toString());
            List<String> lines = Files.readAllLines(out.resolve("corr/correlations.csv"));
            assertEquals("a,b,target,achieved", lines.get(0));
            assertEquals(4, lines.size(), lines.toString());
            assertTrue(lines.get(1).startsWith("price,mult,0.5,"), lines.get(1));
            assertTrue(lines.get(2).startsWith("count,power,-0.3,"), lines.get(2));
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(",");
                double target = Double.parseDouble(c[2]);
                double achieved = Double.parseDouble(c[3]);
                double se = 1.06 * (1 - target * target) / Math.sqrt(N);
                assertEquals(target, achieved, 5 * se, method + ": " + line);
            }
        }
    }

    @Test
    void validateRefusesBadEntriesAtTheirPositions() throws IOException {
        Path f = Cli.write(dir, "bad.yaml", """
            name: bad
            inputs:
              a: {dist: uniform, min: 0, max: 1}
              b: {dist: uniform, min: 0, max: 1}
              k: {dist: constant, value: 3}
            correlations:
              - {between: [a, b], rank: 0.5}
              - {between: [b, a], rank: 0.1}
              - {between: [a, a], rank: 0.2}
              - {between: [a, zz], rank: 0.2}
              - {between: [b, k], rank: 0.2}
            """);
        Cli r = Cli.run("validate", f.toString());
        assertEquals(1, r.status, r.toString());
        assertEquals("", r.out);
        List<String> errors = r.err.lines().toList();
        assertEquals(4, errors.size(), r.err);
        assertTrue(errors.get(0).startsWith(f + ":8:5: correlations[1]: the pair b, a is already given"),
            errors.get(0));
        assertTrue(errors.get(1).startsWith(f + ":9:") && errors.get(1).contains("cannot be correlated with itself"),
            errors.get(1));
        assertTrue(errors.get(2).startsWith(f + ":10:") && errors.get(2).contains("unknown input 'zz'"), errors.get(2));
        assertTrue(errors.get(3).startsWith(f + ":11:") && errors.get(3).contains("'k' is a constant input"),
            errors.get(3));
    }

    @Test
    void validateRefusesTargetsThatCannotHoldTogetherNamingThePairs() throws IOException {
        Path f = Cli.write(dir, "npd.yaml", """
            name: npd
            inputs:
              a: {dist: normal, mean: 0, sd: 1}
              b: {dist: normal, mean: 0, sd: 1}
              c: {dist: normal, mean: 0, sd: 1}
            correlations:
              - {between: [a, b], rank: 0.9}
              - {between: [b, c], rank: 0.9}
              - {between: [a, c], rank: -0.9}
            """);
        Cli r = Cli.run("validate", f.toString());
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.startsWith(f + ":6:1: correlations: the targets cannot hold together"), r.err);
        assertTrue(r.err.contains("[a, b] 0.9, [b, c] 0.9, [a, c] -0.9"), r.err);
        Cli run = Cli.run("run", f.toString(), "-o", dir.resolve("out").toString());
        assertEquals(1, run.status);
        assertTrue(!Files.exists(dir.resolve("out")), "refused before sampling");
        Path ok = Cli.write(dir, "ok.yaml", MODEL);
        assertEquals("ok corr\n", Cli.run("validate", ok.toString()).out.replace("\r", ""));
    }
}
