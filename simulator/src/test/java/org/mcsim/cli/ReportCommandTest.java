package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    private static final Pattern SRC = Pattern.compile("(?:src|href)=\"?([^\" >]+)");

    @TempDir
    Path dir;

    /** Every image the page shows decodes, is at least 800x500, and lies beside the page. */
    static void checkReport(Path folder) throws IOException {
        String html = Files.readString(folder.resolve("report.html"));
        assertTrue(!html.contains("http:") && !html.contains("https:"), "loads nothing from the network");
        Matcher m = SRC.matcher(html);
        int images = 0;
        while (m.find()) {
            String ref = m.group(1);
            if (ref.startsWith("#")) {
                continue;
            }
            Path file = folder.resolve(ref);
            assertTrue(Files.exists(file), "report.html references a missing file: " + ref);
            if (ref.endsWith(".png")) {
                BufferedImage img = ImageIO.read(file.toFile());
                assertTrue(img.getWidth() >= 800 && img.getHeight() >= 500, ref + " is too small");
                images++;
            }
        }
        assertTrue(images >= 2, "a histogram and a CDF at least");
    }

    @Test
    void runWithReportWritesThePageAndItsChartsIntoTheRunFolder() throws IOException {
        Path f = Cli.write(dir, "demo.yaml", RunCommandTest.MODEL);
        Cli r = Cli.run("run", f.toString(), "-o", dir.resolve("out").toString(), "--report", "--quiet");
        assertEquals(0, r.status, r.toString());
        Path folder = dir.resolve("out/demo");
        checkReport(folder);
        assertTrue(Files.exists(folder.resolve("hist-ratio.png")));
        assertTrue(Files.exists(folder.resolve("cdf-s.png")));
    }

    @Test
    void reportCommandOnARunFolderAndOnSomethingElse() throws IOException {
        Path f = Cli.write(dir, "demo.yaml", RunCommandTest.MODEL);
        assertEquals(0, Cli.run("run", f.toString(), "-o", dir.toString(), "--quiet").status);
        Cli r = Cli.run("report", dir.resolve("demo").toString());
        assertEquals(0, r.status, r.toString());
        checkReport(dir.resolve("demo"));
        Cli bad = Cli.run("report", dir.toString());
        assertEquals(1, bad.status);
        assertTrue(bad.err.contains("not a run folder"), bad.err);
    }

    @Test
    void everyScenarioOfTheLibraryGetsAReport() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("../scenarios"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(!files.isEmpty());
        for (Path f : files) {
            Path out = dir.resolve(f.getFileName().toString());
            Cli r = Cli.run("run", f.toString(), "-n", "2000", "-o", out.toString(), "--report", "--quiet");
            assertEquals(0, r.status, f + ": " + r);
            try (Stream<Path> s = Files.list(out)) {
                checkReport(s.findFirst().orElseThrow());
            }
        }
    }
}
