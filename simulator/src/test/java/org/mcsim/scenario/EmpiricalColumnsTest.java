package org.mcsim.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcsim.model.Dist;

/** Empirical inputs: CSV files relative to the scenario, columns, cells at CSVFILE:LINE:COLUMN. */
class EmpiricalColumnsTest {

    @TempDir
    Path dir;

    private ScenarioDocument doc(String column) throws Exception {
        Files.createDirectories(dir.resolve("sc/data"));
        Path s = dir.resolve("sc/s.yaml");
        Files.writeString(s, "name: t\ninputs:\n  x: {dist: empirical, file: data/p.csv, column: " + column + "}\n");
        return ScenarioDocument.read(s, "sc/s.yaml");
    }

    private void csv(String text) throws Exception {
        Files.createDirectories(dir.resolve("sc/data"));
        Files.writeString(dir.resolve("sc/data/p.csv"), text, StandardCharsets.UTF_8);
    }

    private List<String> errors(String column) {
        return assertThrows(ScenarioException.class, () -> doc(column).build(Map.of())).lines();
    }

    @Test
    void columnIsReadSortedRelativeToTheScenarioFile() throws Exception {
        csv("id,price\n1,3.5\n2,-1\n\n3,\"2e1\"\n4,.5\n");
        Dist.Empirical e = (Dist.Empirical) doc("price").build(Map.of()).inputs().get(0).dist();
        assertArrayEquals(new double[] {-1, 0.5, 3.5, 20}, e.sorted());
        assertEquals("data/p.csv", e.file());
        assertEquals("price", e.column());
    }

    @Test
    void badCellsAreReportedInTheCsvFileAtTheirLineAndColumn() throws Exception {
        csv("id,price\n1,3.5\n2,\n\"a,b\",abc\n4,1_000\n");
        assertEquals(List.of(
                "sc/data/p.csv:3:3: x: column 'price': empty cell; every cell must be a plain decimal number",
                "sc/data/p.csv:4:7: x: column 'price': 'abc' is not a plain decimal number",
                "sc/data/p.csv:5:3: x: column 'price': '1_000' is not a plain decimal number"),
            errors("price"));
    }

    @Test
    void aFifoIsRefusedAtOnceInsteadOfBlocking() throws Exception {
        Files.createDirectories(dir.resolve("sc/data"));
        Path fifo = dir.resolve("sc/data/p.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(
            new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
        List<String> e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
            () -> errors("price"));
        assertEquals(List.of("sc/s.yaml:3:24: x.file: cannot read sc/data/p.csv: not a regular file"), e);
        ScenarioException direct = assertThrows(ScenarioException.class,
            () -> ScenarioDocument.read(fifo, "p.csv"));
        assertEquals(List.of("p.csv: cannot read: not a regular file"), direct.lines());
    }

    @Test
    void aByteOrderMarkAndCrlfLineEndsReadTheSameValues() throws Exception {
        csv("\uFEFFid,price\r\n1,3.5\r\n2,-1\r\n\r\n3,\"2e1\"\r\n4,.5\r\n");
        Dist.Empirical e = (Dist.Empirical) doc("price").build(Map.of()).inputs().get(0).dist();
        assertArrayEquals(new double[] {-1, 0.5, 3.5, 20}, e.sorted());
        csv("\uFEFFprice\n7\n");
        assertArrayEquals(new double[] {7}, ((Dist.Empirical) doc("price").build(Map.of()).inputs().get(0).dist()).sorted());
    }

    @Test
    void aFileAboveTheLimitIsRefusedWithoutReadingIt() throws Exception {
        Files.createDirectories(dir.resolve("sc/data"));
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(dir.resolve("sc/data/p.csv").toFile(), "rw")) {
            f.setLength(EmpiricalColumns.MAX_BYTES + 1); // sparse: no disk space, no memory
        }
        assertEquals(List.of("sc/s.yaml:3:24: x.file: sc/data/p.csv is larger than 64 MiB; an empirical column "
            + "must be smaller (sample it down)"), errors("price"));
    }

    @Test
    void badCellsAreQuotedShortAndEscapedAndCappedAtTwenty() throws Exception {
        StringBuilder b = new StringBuilder("price\n\u001b[31mred" + "x".repeat(100) + "\n");
        for (int i = 0; i < 999; i++) {
            b.append("secret line ").append(i).append('\n');
        }
        csv(b.toString());
        List<String> e = errors("price");
        assertEquals(EmpiricalColumns.MAX_CELL_PROBLEMS + 1, e.size(), e.toString());
        assertEquals("sc/data/p.csv:2:1: x: column 'price': '\\u001B[31mred" + "x".repeat(27)
            + "...' is not a plain decimal number", e.get(0));
        assertEquals("sc/s.yaml:3:24: x.file: 980 more cells of column 'price' in sc/data/p.csv are not plain "
            + "decimal numbers", e.get(e.size() - 1));
    }

    @Test
    void brokenCsvSaysWhereWithoutQuotingTheFile() throws Exception {
        csv("price\n\"1\n2 secret\n");
        List<String> e = errors("price");
        assertEquals(1, e.size(), e.toString());
        assertEquals(false, e.get(0).contains("secret") || e.get(0).contains("Exception"), e.get(0));
        assertEquals(true, e.get(0).startsWith("sc/s.yaml:3:24: x.file: sc/data/p.csv is not valid CSV"), e.get(0));
    }

    @Test
    void shortRowIsReported() throws Exception {
        csv("id,price\n1\n");
        assertEquals(List.of("sc/data/p.csv:2:2: x: column 'price': the row has no such field"), errors("price"));
    }

    @Test
    void unknownColumnSuggestsTheNearestHeader() throws Exception {
        csv("id,price\n1,2\n");
        assertEquals(List.of("sc/s.yaml:3:42: x.column: unknown column 'prices' in sc/data/p.csv; did you mean 'price'?"),
            errors("prices"));
        assertEquals(List.of("sc/s.yaml:3:42: x.column: unknown column 'zzzzz' in sc/data/p.csv; the columns are id, price"),
            errors("zzzzz"));
        csv("price,price\n1,2\n");
        assertEquals(List.of("sc/s.yaml:3:42: x.column: the column 'price' appears more than once in sc/data/p.csv"),
            errors("price"));
    }

    @Test
    void columnNeedsAtLeastOneValue() throws Exception {
        csv("id,price\n");
        assertEquals(List.of("sc/s.yaml:3:24: x.file: sc/data/p.csv has no values in column 'price' (at least one"
            + " is needed)"), errors("price"));
        csv("");
        assertEquals(List.of("sc/s.yaml:3:42: x.column: sc/data/p.csv has no header row"), errors("price"));
    }

    @Test
    void missingOrUnreadableFileIsReportedAtTheFileKey() throws Exception {
        assertEquals(List.of("sc/s.yaml:3:24: x.file: cannot read sc/data/p.csv: no such file"), errors("price"));
        Files.createDirectories(dir.resolve("sc/data"));
        Files.write(dir.resolve("sc/data/p.csv"), new byte[] {'p', '\n', (byte) 0xc3});
        assertEquals(List.of("sc/s.yaml:3:24: x.file: sc/data/p.csv is not valid UTF-8 (2:1: not valid UTF-8"
            + " (byte 0xc3); a scenario is UTF-8 text)"), errors("p"));
    }

    @Test
    void mixtureComponentsMayBeEmpirical() throws Exception {
        csv("v\n1\n2\n");
        Path s = dir.resolve("sc/m.yaml");
        Files.writeString(s, "name: t\ninputs:\n  x: {dist: mixture, components: [{weight: 1, dist: empirical,"
            + " file: data/p.csv, column: v}]}\n");
        Dist.Mixture m = (Dist.Mixture) ScenarioDocument.read(s, "m.yaml").build(Map.of()).inputs().get(0).dist();
        assertArrayEquals(new double[] {1, 2}, ((Dist.Empirical) m.components().get(0).dist()).sorted());
    }
}
