package org.mcsim.scenario;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.mcsim.expr.Suggestions;
import org.mcsim.model.MessageText;

/**
 * Reads the data columns of empirical inputs (scenario-format.md, {@code empirical}): a UTF-8
 * CSV file with a header row, its path relative to the scenario file's directory, the column
 * named exactly, every cell a plain decimal number. A bad cell is reported at
 * {@code CSVFILE:LINE:COLUMN}, CSVFILE being the scenario path as given resolved against the
 * file's path as written; at most {@value #MAX_CELL_PROBLEMS} cells per column are reported,
 * then their count. The outcome of each input's column is read once and kept, so that the
 * checks of variants do not read the file again. Thread-safe.
 */
final class EmpiricalColumns {

    static final int MAX_CELL_PROBLEMS = 20;
    /** Largest accepted data file: 64 MiB (about five million values of a dozen characters). */
    static final long MAX_BYTES = 64L << 20;
    /** Characters of a bad cell quoted in its message. */
    private static final int QUOTED = 40;
    private static final Pattern PLAIN_DECIMAL =
        Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    /** One problem as reported, replayed into each check's {@link Problems}. */
    private record Finding(String otherFile, Pos pos, Pos sortPos, String message) { }

    private record Outcome(double[] sorted, List<Finding> reports) { }

    private final Path dir;
    private final String displayName;
    private final DataFiles files;
    private final Map<String, Outcome> cache = new ConcurrentHashMap<>();

    EmpiricalColumns(Path scenarioFile, String displayName, DataFiles files) {
        this.files = files;
        Path parent = scenarioFile.toAbsolutePath().getParent();
        this.dir = parent == null ? Path.of("") : parent;
        this.displayName = displayName;
    }

    /** The sorted values of the column, or null after reporting its problems. */
    double[] column(String label, Field file, Field column, Problems problems) {
        Outcome o = cache.computeIfAbsent(label, l -> read(l, file, column));
        for (Finding r : o.reports()) {
            if (r.otherFile() == null) {
                problems.at(r.pos(), r.message());
            } else {
                problems.inFile(r.otherFile(), r.pos(), r.sortPos(), r.message());
            }
        }
        return o.sorted() == null ? null : o.sorted().clone();
    }

    private Outcome read(String label, Field file, Field column) {
        String fileText = Nodes.text(file.value());
        String name = Nodes.text(column.value());
        String shown = Path.of(displayName).resolveSibling(fileText).toString();
        List<Finding> reports = new ArrayList<>();
        Path path = dir.resolve(fileText);
        String text;
        byte[] shipped = files.open(path);
        try {
            if (shipped != null) {
                // Rebuilt where the file is not: the driver's bytes, read as the file would be.
                text = YamlSource.decode(shipped, new Problems(shown));
                double[] values = parse(new StringReader(text), new LineIndex(text), label, name, shown, file, column,
                    reports);
                return new Outcome(values, reports);
            }
            if (Files.exists(path) && !Files.isRegularFile(path)) {
                // A FIFO, a terminal or a device would block or never end: only files are read.
                reports.add(new Finding(null, file.pos(), file.pos(), label + ".file: cannot read " + shown
                    + ": " + (Files.isDirectory(path) ? "is a directory" : "not a regular file")));
                return new Outcome(null, reports);
            }
            if (Files.size(path) <= MAX_BYTES) {
                double[] streamed = stream(path, label, name, shown, file, column);
                if (streamed != null) {
                    return new Outcome(streamed, reports);
                }
            }
            // Something is wrong (or the file grew): read it whole to say what, and where.
            byte[] bytes;
            try (java.io.InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                reports.add(new Finding(null, file.pos(), file.pos(), label + ".file: " + shown
                    + " is larger than 64 MiB; an empirical column must be smaller (sample it down)"));
                return new Outcome(null, reports);
            }
            Problems decoding = new Problems(shown);
            text = YamlSource.decode(bytes, decoding);
        } catch (ScenarioException e) {
            reports.add(new Finding(null, file.pos(), file.pos(), label + ".file: " + shown
                + " is not valid UTF-8 (" + e.lines().get(0).substring(shown.length() + 1) + ")"));
            return new Outcome(null, reports);
        } catch (IOException e) {
            reports.add(new Finding(null, file.pos(), file.pos(), label + ".file: cannot read " + shown
                + ": " + YamlSource.reason(e, path)));
            return new Outcome(null, reports);
        }
        double[] values = parse(new StringReader(text), new LineIndex(text), label, name, shown, file, column, reports);
        return new Outcome(values, reports);
    }

    /**
     * The column read in one pass over the file, without holding its text: the values, sorted,
     * or null if anything is wrong (the file longer than {@value #MAX_BYTES} bytes, not UTF-8,
     * not CSV, a bad cell, no such column, no values), which the caller then reads whole to
     * report with positions.
     */
    private static double[] stream(Path path, String label, String name, String shown, Field file,
                                   Field column) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = new BoundedInputStream(Files.newInputStream(path), MAX_BYTES);
             PushbackReader reader = new PushbackReader(new BufferedReader(new InputStreamReader(in, utf8), 1 << 16))) {
            int first = reader.read();
            if (first >= 0 && first != '\uFEFF') {
                reader.unread(first);
            }
            return parse(reader, null, label, name, shown, file, column, new ArrayList<>());
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /**
     * Parses the CSV text. With {@code lines} null (a streamed file, positions unknown) the
     * first problem ends the parse with null and nothing reported.
     */
    private static double[] parse(Reader text, LineIndex lines, String label, String name, String shown,
                                  Field file, Field column, List<Finding> reports) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            List<String> header = parser.getHeaderNames();
            int index = header.indexOf(name);
            if (index < 0 || header.lastIndexOf(name) != index) {
                if (lines == null) {
                    return null;
                }
                String why = header.isEmpty() ? shown + " has no header row"
                    : index >= 0 ? "the column '" + name + "' appears more than once in " + shown
                    : unknownColumn(name, header, shown);
                reports.add(new Finding(null, column.pos(), column.pos(), label + ".column: " + why));
                return null;
            }
            double[] out = new double[16];
            int n = 0;
            int bad = 0;
            for (CSVRecord r : parser) {
                long at = r.getCharacterPosition();
                String cell = r.size() > index ? r.get(index) : null;
                double v = cell == null ? Double.NaN : value(cell);
                if (Double.isNaN(v)) {
                    if (lines == null) {
                        return null;
                    }
                    if (++bad <= MAX_CELL_PROBLEMS) {
                        int offset = lines.fieldOffset((int) at, index);
                        reports.add(new Finding(shown, lines.pos(offset), file.pos(), label + ": column '" + name
                            + "': " + (cell == null ? "the row has no such field"
                            : cell.isEmpty() ? "empty cell; every cell must be a plain decimal number"
                            : "'" + Nodes.abbreviate(cell, QUOTED) + "' is not a plain decimal number")));
                    }
                    continue;
                }
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = v;
            }
            if (bad > MAX_CELL_PROBLEMS) {
                reports.add(new Finding(null, file.pos(), file.pos(), label + ".file: " + (bad - MAX_CELL_PROBLEMS)
                    + " more cells of column '" + name + "' in " + shown + " are not plain decimal numbers"));
            }
            if (bad > 0) {
                return null;
            }
            if (n == 0) {
                if (lines == null) {
                    return null;
                }
                reports.add(new Finding(null, file.pos(), file.pos(), label + ".file: " + shown
                    + " has no values in column '" + name + "' (at least one is needed)"));
                return null;
            }
            double[] sorted = Arrays.copyOf(out, n);
            Arrays.sort(sorted);
            return sorted;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            if (lines == null) {
                return null;
            }
            reports.add(new Finding(null, file.pos(), file.pos(), label + ".file: " + shown
                + " is not valid CSV" + csvLine(e) + ": a quoted field is not closed, or text follows its closing quote"));
            return null;
        }
    }

    /** " near line N" from a Commons CSV message, which may quote the file's content: only the number is kept. */
    private static String csvLine(Exception e) {
        String line = MessageText.csvLine(e);
        return line == null ? "" : " near line " + line;
    }

    private static String unknownColumn(String name, List<String> header, String shown) {
        String near = Suggestions.nearest(name, header);
        return "unknown column '" + Nodes.abbreviate(name) + "' in " + shown
            + (near == null ? "; the columns are " + Nodes.abbreviate(String.join(", ", header))
            : "; did you mean '" + near + "'?");
    }

    /** A plain decimal number, or NaN. */
    private static double value(String cell) {
        if (!PLAIN_DECIMAL.matcher(cell).matches()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(cell);
        return Double.isFinite(v) ? v : Double.NaN;
    }

    /** A stream that fails once more than its limit has been read from it (a file that grows). */
    private static final class BoundedInputStream extends FilterInputStream {
        private long left;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (left -= n) < 0) {
                throw new IOException("longer than the limit");
            }
            return n;
        }
    }
}
