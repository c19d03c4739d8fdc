package org.mcsim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the report of a run folder (cli.md, "report"): {@code report.html} and its PNG charts,
 * made only from the files that mcsim wrote into the folder.
 *
 * <p>Charts: per output, {@code hist-OUTPUT.png} (density histogram with a kernel-smoothed curve)
 * and {@code cdf-OUTPUT.png} (empirical CDF with its 95% Dvoretzky–Kiefer–Wolfowitz band and a
 * marker at the threshold of each claim {@code OUTPUT cmp NUMBER}); {@code tornado-OUTPUT.png}
 * per output of sensitivity.csv; {@code sweep-PARAM-OUTPUT.png} and
 * {@code sweep-PARAM-P-CLAIM.png} from sweep.csv and sweep-claims.csv. The page is self-contained
 * (inline CSS, no script, no network reference) and shows each chart as {@code <img src="FILE">}
 * with FILE beside it.
 *
 * <p>Every file is written to a hidden temporary file in the folder and renamed into place
 * (atomically where the file system allows) only after all of them were written, report.html
 * last; on failure the temporary files are removed and nothing half-written remains. Charts are
 * rendered headless. Safe to call from several threads on different folders; two concurrent
 * calls on one folder both succeed, the later rename winning.
 */
public final class Report {
    /** The page's file name in the run folder. */
    public static final String PAGE = "report.html";

    private Report() {
    }

    /**
     * Writes the report of a run folder into it.
     *
     * @param runFolder a folder written by {@code mcsim run} (and possibly {@code sensitivity}
     *     and {@code sweep})
     * @return the files written: the charts in page order, then report.html
     * @throws ReportException if the folder is not a run folder
     *     ({@code out/NAME: not a run folder: summary.csv is missing}) or a file in it is
     *     malformed; the message names the file and is meant for the user as it is
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(Path runFolder) throws IOException {
        return write(runFolder, note -> { });
    }

    /**
     * As {@link #write(Path)}, telling {@code notes} what the page says about files of the
     * folder that it leaves out or whose origin is unknown ({@code sensitivity.csv} from another
     * seed, for example), one line each, so that a command can print them.
     *
     * @param runFolder the run folder
     * @param notes receives each note
     * @return the files written
     * @throws IOException as {@link #write(Path)}
     */
    public static List<Path> write(Path runFolder, java.util.function.Consumer<String> notes) throws IOException {
        // run.json first: if a run replaces the folder after this, the commit sees it.
        byte[] runJson;
        try {
            runJson = Files.readAllBytes(runFolder.resolve("run.json"));
        } catch (IOException e) {
            runJson = new byte[0];
        }
        SavedRun run = SavedRun.read(runFolder);
        run.notes().forEach(notes);
        List<String> discoverNotes = new java.util.ArrayList<>();
        List<DiscoverFile.Discovered> discovered = DiscoverFile.read(runFolder, run.info(), discoverNotes);
        discoverNotes.forEach(notes);
        try (StagedFiles files = new StagedFiles(runFolder, runJson)) {
            List<Figure> figures = ChartSet.render(run, discovered, files);
            files.write(PAGE, HtmlPage.render(run, figures, discovered, discoverNotes)
                .getBytes(StandardCharsets.UTF_8));
            return files.commit();
        }
    }
}
