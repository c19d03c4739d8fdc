package org.mcsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's files appear together, with ordinary permissions, only beside the run they describe. */
class StagedFilesTest {
    @TempDir
    Path folder;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aRunThatReplacedTheFolderMeanwhileMakesTheReportFailAndWriteNothing() throws IOException {
        Files.writeString(folder.resolve("run.json"), "{\"seed\": 1}");
        byte[] read = Files.readAllBytes(folder.resolve("run.json"));
        try (StagedFiles files = new StagedFiles(folder, read)) {
            files.write("report.html", "<p>seed 1</p>".getBytes(StandardCharsets.UTF_8));
            Files.writeString(folder.resolve("run.json"), "{\"seed\": 101}");
            ReportException e = assertThrows(ReportException.class, files::commit);
            assertTrue(
                e.getMessage().startsWith(folder + ": the run folder changed while the report was being written"),
                e.getMessage());
        }
        assertEquals(List.of("run.json"), names());
    }

    @Test
    void filesGetTheProcessesOrdinaryPermissions() throws IOException {
        Files.writeString(folder.resolve("run.json"), "{}");
        Path csv = folder.resolve("summary.csv");
        Files.writeString(csv, "x\n");
        try (StagedFiles files = new StagedFiles(folder, Files.readAllBytes(folder.resolve("run.json")))) {
            files.write("report.html", new byte[] {1});
            files.write("hist-x.png", new byte[] {2});
            files.commit();
        }
        String expected = PosixFilePermissions.toString(Files.getPosixFilePermissions(csv));
        for (String file : new String[] {"report.html", "hist-x.png"}) {
            assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(file))));
        }
    }

    @Test
    void temporariesThatKilledReportsLeftAreRemovedButNotALiveOnes() throws IOException {
        long dead = 4_000_000;
        while (ProcessHandle.of(dead).isPresent()) {
            dead--;
        }
        Files.writeString(folder.resolve("run.json"), "{}");
        Files.writeString(folder.resolve(".hist-x.png.tmp-" + dead + "-abc"), "x");
        Files.writeString(folder.resolve(".cdf-x.png.8372615.tmp"), "x");
        Path live = folder.resolve(".hist-y.png.tmp-" + ProcessHandle.current().pid() + "-abc");
        Files.writeString(live, "x");
        new StagedFiles(folder, new byte[0]).close();
        assertEquals(List.of(live.getFileName().toString(), "run.json"), names());
        assertFalse(Files.exists(folder.resolve(".cdf-x.png.8372615.tmp")));
    }
}
