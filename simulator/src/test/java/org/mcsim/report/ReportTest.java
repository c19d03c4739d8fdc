package org.mcsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports of the fixture run folders under src/test/resources/report (written by generate.py
 * there, in the layout of cli.md): fleet-tco has sensitivity.csv and sweep.csv with two swept
 * parameters, threshold claims in both orders and one that is not a threshold, inputs in USD;
 * odd has a constant output (one bin), an output name needing sanitizing, a script in its
 * description and only the required run.json keys plus a few.
 */
class ReportTest {
    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)\\s*=\\s*\"([^\"]*)\"");

    @TempDir
    static Path shared;
    private static Path fleet;
    private static Path odd;
    private static List<Path> fleetFiles;
    private static List<Path> oddFiles;

    @BeforeAll
    static void writeReports() throws IOException {
        fleet = copy("fleet-tco", shared);
        odd = copy("odd", shared.resolve("nested"));
        fleetFiles = Report.write(fleet);
        oddFiles = Report.write(odd);
    }

    static Path copy(String fixture, Path into) throws IOException {
        Path source;
        try {
            source = Path.of(ReportTest.class.getResource("/report/" + fixture).toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Path target = into.resolve(fixture);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    private static Set<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static String page(Path folder) throws IOException {
        return Files.readString(folder.resolve(Report.PAGE), StandardCharsets.UTF_8);
    }

    @Test
    void writesEveryChartThenThePage() {
        Set<String> written = fleetFiles.stream().map(p -> p.getFileName().toString())
            .collect(Collectors.toSet());
        assertEquals(Set.of("hist-capex.png", "cdf-capex.png", "hist-ratio.png", "cdf-ratio.png",
            "tornado-capex.png", "tornado-ratio.png",
            "sweep-p_h800.high-capex.png", "sweep-p_h800.high-ratio.png", "sweep-rent.max-capex.png",
            "sweep-rent.max-ratio.png", "sweep-p_h800.high-P-60x.png", "sweep-p_h800.high-P-under-500M.png",
            "sweep-p_h800.high-P-both.png", "sweep-rent.max-P-60x.png", "sweep-rent.max-P-under-500M.png",
            "sweep-rent.max-P-both.png", "heatmap-p_h800.high-rent.max-P-60x.png",
            "heatmap-p_h800.high-rent.max-P-under-500M.png", "heatmap-p_h800.high-rent.max-P-both.png",
            "heatmap-p_h800.high-rent.max-capex.png", "heatmap-p_h800.high-rent.max-ratio.png", "report.html"),
            written);
        assertEquals(written.size(), fleetFiles.size());
        assertEquals(Report.PAGE, fleetFiles.get(fleetFiles.size() - 1).getFileName().toString());
        fleetFiles.forEach(p -> assertEquals(fleet, p.getParent()));
    }

    @Test
    void everyChartIsAReadablePngOfAtLeast800By500() throws IOException {
        for (Path file : Stream.concat(fleetFiles.stream(), oddFiles.stream()).toList()) {
            if (file.toString().endsWith(".png")) {
                BufferedImage image = ImageIO.read(file.toFile());
                assertNotNull(image, file + " decodes");
                assertTrue(image.getWidth() >= 800 && image.getHeight() >= 500,
                    file + " is at least 800x500");
            }
        }
    }

    @Test
    void thePageReferencesOnlyFilesInTheFolderAndItsOwnAnchors() throws IOException {
        for (Path folder : List.of(fleet, odd)) {
            String html = page(folder);
            Matcher m = REFERENCE.matcher(html);
            int references = 0;
            while (m.find()) {
                String target = m.group(1);
                references++;
                if (target.startsWith("#")) {
                    assertTrue(html.contains("id=\"" + target.substring(1) + "\""), target + " is an anchor");
                } else {
                    assertFalse(target.contains("/") || target.contains(":") || target.contains("\\"),
                        target);
                    assertTrue(Files.isRegularFile(folder.resolve(target)), target + " exists");
                }
            }
            assertTrue(references > 4);
            for (Path file : folder.equals(fleet) ? fleetFiles : oddFiles) {
                String name = file.getFileName().toString();
                if (name.endsWith(".png")) {
                    assertTrue(html.contains("<img src=\"" + name + "\""), name + " is shown");
                    assertTrue(html.contains("<code>" + name + "</code>"), name + " is named beside it");
                }
            }
        }
    }

    @Test
    void thePageLoadsNothingFromTheNetwork() throws IOException {
        for (Path folder : List.of(fleet, odd)) {
            String html = page(folder).toLowerCase(Locale.ROOT);
            assertFalse(html.contains("http:") || html.contains("https:"), folder.toString());
            assertFalse(html.contains("@import") || html.contains("url(") || html.contains("@font-face"));
            assertFalse(html.contains("<script") || html.contains("<link") || html.contains("<iframe"));
        }
    }

    @Test
    void textFromFilesIsEscaped() throws IOException {
        String html = page(odd);
        assertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more"));
        assertTrue(html.contains("flat is constant &amp; &lt;b&gt;bold&lt;/b&gt;"));
        assertTrue(html.contains("we&lt;i&gt;rd/../name"));
        assertFalse(html.contains("<b>") || html.contains("<i>"));
        assertTrue(page(fleet).contains("Vendor price lists &amp; &lt;quotes&gt;"));
        assertTrue(page(fleet).contains("<li>https&#58;//arxiv.org/abs/2412.19437</li>"), "a cited URL is text");
    }

    @Test
    void thePageShowsScenarioClaimsOutputsInputsAndRun() throws IOException {
        String html = page(fleet);
        assertTrue(html.contains("<h1>fleet-tco</h1>"));
        assertTrue(html.contains("Ownership cost of a GPU fleet"));
        assertTrue(html.contains("DeepSeek-V3 Technical Report (2024), Table 1"));
        assertTrue(html.contains("<code>5e8 &gt; capex</code>"));
        assertTrue(html.contains("0.6969"), "claim probability with enough decimals");
        assertTrue(html.contains("13,938 / 20,000"));
        assertTrue(html.contains("<code>lognormal(low=20000, high=40000)</code>"));
        assertTrue(html.contains("Price of one H800") && html.contains("market reports"));
        assertTrue(html.contains("<td class=\"num\">"), "numbers are right-aligned");
        for (String fact : List.of("2025-01-02T03:04:05Z", "samples drawn", "20,000", "random", "local",
            "17.0.15", "exact", "stopped by")) {
            assertTrue(html.contains(fact), fact);
        }
        assertTrue(html.contains("id=\"sensitivity\"") && html.contains("id=\"sweeps\""));
    }

    @Test
    void aFolderWithoutSensitivityOrSweepHasNeitherChartNorSection() throws IOException {
        Set<String> names = names(odd);
        assertTrue(names.stream().noneMatch(n -> n.startsWith("tornado-") || n.startsWith("sweep-")),
            names.toString());
        String html = page(odd);
        assertFalse(html.contains("id=\"sensitivity\"") || html.contains("id=\"sweeps\""));
    }

    @Test
    void namesAreSanitizedAndNothingIsWrittenOutsideTheFolder() throws IOException {
        Set<String> names = names(odd);
        assertTrue(names.contains("hist-we_i_rd_.._name.png"), names.toString());
        assertTrue(names.contains("hist-flat.png") && names.contains("cdf-flat.png"));
        assertEquals(Set.of("odd"), names(shared.resolve("nested")));
    }

    @Test
    void noTemporaryFileRemains() throws IOException {
        for (Path folder : List.of(fleet, odd)) {
            assertTrue(names(folder).stream().noneMatch(n -> n.startsWith(".") || n.endsWith(".tmp")));
        }
    }

    @Test
    void aFolderWithoutSummaryIsNotARunFolder(@TempDir Path dir) throws IOException {
        Path folder = copy("odd", dir);
        Files.delete(folder.resolve("summary.csv"));
        Set<String> before = names(folder);
        ReportException e = assertThrows(ReportException.class, () -> Report.write(folder));
        assertEquals(folder + ": not a run folder: summary.csv is missing", e.getMessage());
        assertEquals(before, names(folder));
    }

    @Test
    void aMissingFolderIsNotARunFolder(@TempDir Path dir) {
        Path folder = dir.resolve("nope");
        ReportException e = assertThrows(ReportException.class, () -> Report.write(folder));
        assertEquals(folder + ": not a run folder: no such directory", e.getMessage());
    }

    @Test
    void aBadNumberIsReportedWithItsFileRecordAndColumn(@TempDir Path dir) throws IOException {
        Path folder = copy("odd", dir);
        Path claims = folder.resolve("claims.csv");
        Files.writeString(claims, Files.readString(claims).replace("1.0,0.9992", "one,0.9992"));
        ReportException e = assertThrows(ReportException.class, () -> Report.write(folder));
        assertEquals(claims + ":3: column probability: not a finite decimal number: \"one\"", e.getMessage());
    }

    @Test
    void tamperedFilesAreReportedInPlainWordsWithoutLibraryInternals(@TempDir Path dir) throws IOException {
        Path folder = copy("odd", dir);
        Files.writeString(folder.resolve("run.json"), "{\"name\": \"x\",\n \"seed\": [");
        ReportException json = assertThrows(ReportException.class, () -> Report.write(folder));
        assertEquals(folder.resolve("run.json") + ":2:11: not valid JSON", json.getMessage());
        Path other = copy("odd", dir.resolve("b"));
        Files.write(other.resolve("summary.csv"), new byte[] {'v', ',', (byte) 0xff, '\n'});
        ReportException utf8 = assertThrows(ReportException.class, () -> Report.write(other));
        assertEquals(other.resolve("summary.csv") + ": cannot read: not valid UTF-8 text", utf8.getMessage());
        Files.writeString(other.resolve("summary.csv"), "variable,kind\n\"x,1\n");
        ReportException csv = assertThrows(ReportException.class, () -> Report.write(other));
        assertTrue(csv.getMessage().startsWith(other.resolve("summary.csv") + ": cannot read: not a valid CSV file"),
            csv.getMessage());
    }

    @Test
    void aWrongHeaderIsReported(@TempDir Path dir) throws IOException {
        Path folder = copy("odd", dir);
        Files.writeString(folder.resolve("histogram.csv"), "variable,low,high,count\n");
        ReportException e = assertThrows(ReportException.class, () -> Report.write(folder));
        assertEquals(folder.resolve("histogram.csv")
            + ": expected the header variable,bin_low,bin_high,count, "
            + "got variable,low,high,count", e.getMessage());
    }

    @Test
    void aFailedWriteLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path folder = copy("odd", dir);
        Files.createDirectories(folder.resolve(Report.PAGE).resolve("blocker"));
        assertThrows(IOException.class, () -> Report.write(folder));
        assertTrue(names(folder).stream().noneMatch(n -> n.startsWith(".")), names(folder).toString());
    }

    @Test
    void writingAgainReplacesTheFiles(@TempDir Path dir) throws IOException {
        Path folder = copy("odd", dir);
        List<Path> first = Report.write(folder);
        List<Path> second = Report.write(folder);
        assertEquals(first, second);
        assertEquals(oddFiles.size(), second.size());
    }

    @Test
    void eachNumberIsShownOnceWithEveryDigitInItsTooltip() throws IOException {
        String html = page(fleet);
        assertFalse(html.contains("<th class=\"num\">exact</th>"), "no column of exact values");
        assertFalse(html.contains("exact interval"), "no column of exact intervals");
        Matcher m = Pattern.compile("<span title=\"([0-9,.E-]+)\"><strong>([^<]+)</strong></span>").matcher(html);
        assertTrue(m.find(), "an estimate with its digits in a tooltip");
        assertTrue(m.group(1).length() > m.group(2).length(), m.group(1) + " vs " + m.group(2));
    }
}
