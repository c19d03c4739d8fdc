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
