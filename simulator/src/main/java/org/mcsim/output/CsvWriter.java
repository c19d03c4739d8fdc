package org.mcsim.output;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes CSV records as mcsim's file contract asks: {@code ,} separators, {@code \n} after every
 * record, and RFC 4180 quoting only for a field that needs it (one holding a comma, a double
 * quote, CR or LF), its quotes doubled. Every record must have as many fields as the header.
 * Fields are text; numbers are formatted by the caller with {@link Numbers}, or by
 * {@link #value(double)} and {@link #value(long)}.
 *
 * <p>Made by {@link CsvFiles#open(Writer, String...)}. The writer passed in should be buffered
 * (all {@link RunFolder} writers are). Not thread-safe.
 */
public final class CsvWriter implements Closeable, Flushable {
    private final Writer out;
    private final int columns;
    private int field;

    CsvWriter(Writer out, String... header) throws IOException {
        if (header.length == 0) {
            throw new IllegalArgumentException("header: at least one column needed");
        }
        this.out = out;
        this.columns = header.length;
        row(header);
    }

    /**
     * Writes one whole record.
     *
     * @param fields the fields, as many as the header has
     * @return this writer
     * @throws IOException if the underlying writer fails
     * @throws IllegalStateException if the record is not complete or has too many fields
     */
    public CsvWriter row(String... fields) throws IOException {
        if (field != 0 || fields.length != columns) {
            throw new IllegalStateException("record needs " + columns + " fields, got " + (field + fields.length));
        }
        for (String f : fields) {
            field(f);
        }
        return end();
    }

    /**
     * Writes the next field of the current record, quoting it if it needs it.
     *
     * @param text the field's text, not null ("" for an empty field)
     * @return this writer
     * @throws IOException if the underlying writer fails
     * @throws IllegalStateException if the record already has all its fields
     */
    public CsvWriter field(String text) throws IOException {
        if (field == columns) {
            throw new IllegalStateException("record already has its " + columns + " fields");
        }
        if (field > 0) {
            out.write(',');
        }
        field++;
        if (needsQuotes(text)) {
            out.write('"');
            out.write(text.replace("\"", "\"\""));
            out.write('"');
        } else {
            out.write(text);
        }
        return this;
    }

    /**
     * Writes a real as its shortest text ({@link Numbers#formatOrEmpty(double)}): empty for NaN.
     *
     * @param d the value, finite or NaN
     * @return this writer
     * @throws IOException if the underlying writer fails
     */
    public CsvWriter value(double d) throws IOException {
        return field(Numbers.formatOrEmpty(d));
    }

    /**
     * Writes an integer in plain notation.
     *
     * @param n the value
     * @return this writer
     * @throws IOException if the underlying writer fails
     */
    public CsvWriter value(long n) throws IOException {
        return field(Long.toString(n));
    }

    /**
     * Ends the current record with {@code \n}.
     *
     * @return this writer
     * @throws IOException if the underlying writer fails
     * @throws IllegalStateException if the record has fewer fields than the header
     */
    public CsvWriter end() throws IOException {
        if (field != columns) {
            throw new IllegalStateException("record needs " + columns + " fields, got " + field);
        }
        out.write('\n');
        field = 0;
        return this;
    }

    /** Whether RFC 4180 requires quotes around this field. */
    static boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Closes the underlying writer. A record left incomplete is an error, reported after closing. */
    @Override
    public void close() throws IOException {
        out.close();
        if (field != 0) {
            throw new IllegalStateException("record left incomplete with " + field + " of " + columns + " fields");
        }
    }
}
