package org.mcsim.output;

import java.io.IOException;
import java.io.Writer;

/**
 * Entry point for writing mcsim's CSV files (UTF-8 without a byte-order mark comes from the
 * {@link RunFolder} writers; separators, line ends and quoting from {@link CsvWriter}).
 *
 * <p>Commons CSV is deliberately not used for writing: its {@code QuoteMode.MINIMAL} also quotes
 * fields that do not need it (an empty first field, a field starting with a character up to
 * {@code #} such as {@code !} or a space, a field ending in a space), and the file contract allows
 * quotes only where RFC 4180 needs them. Thread-safe (stateless).
 */
public final class CsvFiles {
    private CsvFiles() {
    }

    /**
     * Starts a CSV file on {@code out} by writing its header record.
     *
     * @param out where the text goes; closed when the returned writer is closed
     * @param header the column names, at least one
     * @return a writer for the data records
     * @throws IOException if writing the header fails
     */
    public static CsvWriter open(Writer out, String... header) throws IOException {
        return new CsvWriter(out, header);
    }
}
