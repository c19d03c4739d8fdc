package org.mcsim.output;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What mcsim may do with an existing {@code OUT/NAME}: a folder is mcsim's when it is a real
 * directory (not a link), holds no subfolder, and every file in it is one that an mcsim command
 * writes there: the run's files ({@code run.json} among them), the files of {@code sensitivity},
 * {@code sweep}, {@code solve} and {@code discover}, the report and its PNG charts, or the
 * hidden temporary files these commands write aside. Anything else makes the folder the user's, and mcsim refuses to
 * replace it or to write into it. A folder that holds the scenario file or the working directory
 * is never replaced, whoever wrote it.
 *
 * <p>Files written by commands other than {@code run} are <em>derived</em>: when {@code run}
 * replaces a folder that holds some, the earlier folder is kept beside the new one
 * ({@link RunFolder#commit()}), so that no command deletes another's results. Stateless.
 */
final class OwnedFolder {
    /** Files {@code run} writes; {@code run.json} marks a run folder. */
    static final Set<String> RUN_FILES = Set.of("summary.csv", "claims.csv", "histogram.csv", "correlations.csv",
        "samples.csv", "samples.csv.gz", "run.json");
    /** Files the commands that add to a run folder write. */
    static final Set<String> DERIVED_FILES = Set.of(SensitivityWriter.FILE, SweepWriter.FILE, SweepWriter.CLAIMS_FILE,
        SolveWriter.FILE, DiscoverWriter.FILE);
    /** The report's page; its charts are the folder's PNG files. */
    static final String REPORT = "report.html";

    private OwnedFolder() {
    }

    /** The files of an existing folder, sorted, or empty when it does not exist. */
    record Contents(List<String> mcsims, List<String> derived, List<String> others) {
    }

    /**
     * Reads what {@code folder} holds.
     *
     * @throws RefusedException if it is a link, not a directory, or holds a subfolder
     * @throws IOException if it cannot be listed
     */
    static Contents read(Path folder) throws IOException {
        if (Files.isSymbolicLink(folder)) {
            throw new RefusedException(folder + ": is a symbolic link; mcsim writes only into folders it "
                + "created (remove the link or choose another -o)");
        }
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return new Contents(List.of(), List.of(), List.of());
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new RefusedException(folder + ": is a file, not a run folder; mcsim will not replace it "
                + "(move it or choose another -o)");
        }
        Set<String> names = new TreeSet<>();
        List<String> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    folders.add(name);
                } else {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw PendingOutput.failure("cannot read", folder, e);
        }
        boolean report = names.contains(REPORT);
        List<String> mcsims = new ArrayList<>();
        List<String> derived = new ArrayList<>();
        List<String> others = new ArrayList<>(folders.stream().map(f -> f + "/").toList());
        for (String name : names) {
            if (DERIVED_FILES.contains(name) || isProvenance(name)) {
                derived.add(name);
            } else if (RUN_FILES.contains(name) || name.equals(REPORT) || report && name.endsWith(".png")
                || isTemporary(name)) {
                mcsims.add(name);
            } else {
                others.add(name);
            }
        }
        return new Contents(mcsims, derived, others);
    }

    /** A derived file's record of what produced it: {@code sensitivity.csv.json}. */
    static boolean isProvenance(String name) {
        return name.endsWith(".csv.json") && DERIVED_FILES.contains(name.substring(0, name.length() - 5));
    }

    /** A hidden file that an mcsim command writes aside and moves into place. */
    static boolean isTemporary(String name) {
        return name.startsWith(".") && (name.contains(".tmp-") || name.endsWith(".tmp"));
    }

    /**
     * Refuses, before anything is written, to replace {@code folder} unless mcsim wrote it and it
     * holds neither the working directory nor any of {@code protect}.
     *
     * @param folder the folder {@code OUT/NAME} that {@code run} or {@code compare} will replace
     * @param protect files that must survive (the scenario files)
     * @return what the folder holds
     * @throws RefusedException with a message that says why and what to do
     * @throws IOException if the folder cannot be read
     */
    static Contents checkReplaceable(Path folder, List<Path> protect) throws IOException {
        Contents c = read(folder);
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return c;
        }
        Path real = folder.toRealPath();
        List<Path> kept = new ArrayList<>(protect);
        kept.add(Path.of("").toAbsolutePath());
        for (Path p : kept) {
            Path q = Files.exists(p) ? p.toRealPath() : p.toAbsolutePath().normalize();
            if (q.startsWith(real)) {
                throw new RefusedException(folder + ": holds " + (p.toString().isEmpty() || q.equals(real)
                    ? "the working directory" : p) + "; mcsim will not replace it (choose another -o)");
            }
        }
        if (!c.others().isEmpty()) {
            throw new RefusedException(folder + ": holds " + quote(c.others()) + ", which mcsim did not write; "
                + "mcsim replaces only folders it wrote (move " + (c.others().size() == 1 ? "it" : "them")
                + " or choose another -o)");
        }
        return c;
    }

    /**
     * Refuses a folder that derived files cannot be added to: a link or a file at
     * {@code OUT/NAME}, so that nothing is written outside {@code OUT}.
     */
    static void checkWritable(Path folder) throws IOException {
        read(folder);
    }

    private static String quote(List<String> names) {
        int shown = Math.min(3, names.size());
        String list = String.join(", ", names.subList(0, shown));
        return names.size() > shown ? list + " and " + (names.size() - shown) + " more" : list;
    }
}
