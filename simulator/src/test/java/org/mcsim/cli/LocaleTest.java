package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every message, number and file is the same under any default locale: the command line runs in
 * child JVMs under Arabic (Egypt: Arabic-Indic digits) and German (decimal comma) locales and
 * prints and writes what it does under the root locale.
 */
class LocaleTest {
    /** Arabic-Indic and extended Arabic-Indic digits, and the Arabic decimal and thousands signs. */
    private static final Pattern FOREIGN_DIGITS = Pattern.compile("[\\u0660-\\u066C\\u06F0-\\u06F9]");
    /** The run's timing on the first line of the table, which differs from run to run. */
    private static final Pattern TIMING = Pattern.compile("random, [^\\n]*\\n");

    @TempDir
    Path dir;

    private record Result(String out, String err) { }

    private Result run(String language, String country, Path scenario, Path out) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Duser.language=" + language, "-Duser.country=" + country, "-Xmx512m",
            "-cp", System.getProperty("java.class.path"), Main.class.getName(),
            "run", scenario.toString(), "-n", "20000", "-o", out.toString(), "--threads", "1"));
        Path stdout = dir.resolve(language + ".out");
        Path stderr = dir.resolve(language + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out");
        }
        assertEquals(0, p.exitValue(), Files.readString(stderr));
        return new Result(Files.readString(stdout, StandardCharsets.UTF_8),
            Files.readString(stderr, StandardCharsets.UTF_8));
    }

    @Test
    void outputIsTheSameUnderArabicAndGermanLocales() throws Exception {
        // A rare claim and a tail quantile make warnings with numbers in them.
        Path scenario = Cli.write(dir, "s.yaml", "name: s\nsettings: {quantiles: [0.0001, 0.5]}\n"
            + "inputs:\n  x: {dist: lognormal, low: 20000, high: 40000}\n  y: {dist: uniform, min: 1.5, max: 3}\n"
            + "formulas:\n  ratio: x * y / 1000\nclaims:\n  rare: ratio > 1000\n  usual: ratio > 10\n");
        Result root = run("en", "US", scenario, dir.resolve("root"));
        for (String[] locale : new String[][] {{"ar", "EG"}, {"de", "DE"}}) {
            Path out = dir.resolve(locale[0]);
            Result r = run(locale[0], locale[1], scenario, out);
            assertEquals(TIMING.matcher(root.out()).replaceAll(""), TIMING.matcher(r.out()).replaceAll(""), locale[0]);
            assertEquals(root.err(), r.err(), locale[0]);
            for (String file : new String[] {"summary.csv", "claims.csv", "histogram.csv"}) {
                assertEquals(Files.readString(dir.resolve("root/s").resolve(file)),
                    Files.readString(out.resolve("s").resolve(file)),
                    locale[0] + " " + file);
            }
            String json = Files.readString(out.resolve("s/run.json"));
            assertFalse(FOREIGN_DIGITS.matcher(r.out() + r.err() + json).find(), locale[0] + ": " + r.err());
        }
        assertFalse(root.err().isEmpty(), "the scenario makes warnings");
    }
}
