package org.mcsim.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Fuzz target for {@code report} on run folders (Jazzer): the input's bytes, cut at NUL bytes,
 * become the folder's {@code run.json}, {@code summary.csv}, {@code claims.csv},
 * {@code histogram.csv} and {@code sensitivity.csv}; the report is written or refused with one
 * {@code PATH: message} line that names no Java class, within seconds. The default test run
 * replays the committed corpus ({@code ReportFuzzTestInputs/METHOD/}); {@code JAZZER_FUZZ=1}
 * fuzzes (README, Fuzzing).
 */
class ReportFuzzTest {
    private static final List<String> FILES = List.of("run.json", "summary.csv", "claims.csv", "histogram.csv",
        "sensitivity.csv");
    private static final Duration SLOWEST = Duration.ofSeconds(10);

    @FuzzTest(maxDuration = "10m")
    void anyRunFolderGivesAReportOrOneLineRefusal(byte[] bytes) throws IOException {
        Path folder = Files.createTempDirectory("mcsim-report-fuzz");
        try {
            int from = 0;
            for (int f = 0; f < FILES.size() && from <= bytes.length; f++) {
                int to = from;
                while (to < bytes.length && bytes[to] != 0) {
                    to++;
                }
                Files.write(folder.resolve(FILES.get(f)), Arrays.copyOfRange(bytes, from, to));
                from = to + 1;
            }
            long start = System.nanoTime();
            try {
                Report.write(folder);
            } catch (ReportException e) {
                String m = e.getMessage();
                assertTrue(m.startsWith(folder.toString()), m);
                assertFalse(m.contains("\n"), m);
                boolean written = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Exception");
                assertFalse(!written && m.contains("Exception"), m);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(SLOWEST) < 0, () -> "took " + took);
        } finally {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
