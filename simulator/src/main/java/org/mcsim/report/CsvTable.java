package org.mcsim.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mcsim.model.MessageText;

/**
 * One CSV file of a run folder, read whole and checked against its header from cli.md.
 *
 * <p>The header must start with the given leading columns and end with the given trailing
 * columns; columns between them (the swept parameters of {@code sweep.csv}) are allowed only when
 * asked for. Every error is a {@link ReportException} naming the file and record. Not thread-safe
 * while reading; the result is effectively immutable.
 */
final class CsvTable {
    private final String name;
    private final List<String> header;
    private final List<Line> rows;
    private final List<String> middle;

    private CsvTable(String name, List<String> header, List<Line> rows, List<String> middle) {
        this.name = name;
        this.header = header;
        this.rows = rows;
        this.middle = middle;
    }

    private static final java.util.regex.Pattern DECIMAL =
        java.util.regex.Pattern.compile("[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?");

    /** A cell quoted in a message: {@link MessageText#excerpt(String)}. */
    static String shown(String text) {
        return MessageText.excerpt(text);
    }

    /**
     * Why a run folder's file cannot be read, in plain words: library messages name classes
     * ({@code MalformedInputException}, {@code CSVException}) and may quote the file.
     */
    static String reason(Exception e) {
        Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.nio.charset.CharacterCodingException) {
                return "not valid UTF-8 text";
            }
            if (c instanceof java.nio.file.NoSuchFileException) {
                return "no such file";
            }
            if (c instanceof java.nio.file.AccessDeniedException) {
                return "permission denied";
            }
        }
        String line = MessageText.csvLine(t);
        return "not a valid CSV file" + (line == null ? "" : " (near line " + line + ")")
            + ": a quoted field is not closed, or text follows its closing quote";
    }

    /**
     * Reads and checks a file.
     *
     * @param file the file
     * @param leading the columns the header starts with
     * @param trailing the columns the header ends with
     * @param middleAllowed whether other columns may stand between them
     * @return the table
     * @throws ReportException if the file cannot be read or its header is not the expected one
     */
    static CsvTable read(Path file, List<String> leading, List<String> trailing, boolean middleAllowed)
        throws ReportException {
        String name = file.toString();
        List<CSVRecord> records;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            CSVParser parser = CSVFormat.RFC4180.builder().get().parse(reader)) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new ReportException(name + ": cannot read: " + reason(e));
        }
        if (records.isEmpty()) {
            throw new ReportException(name + ": empty file, expected a header");
        }
        List<String> header = records.get(0).toList();
        int size = header.size();
        int between = size - leading.size() - trailing.size();
        boolean matches = between >= 0 && (middleAllowed || between == 0)
            && header.subList(0, leading.size()).equals(leading)
            && header.subList(size - trailing.size(), size).equals(trailing);
        if (!matches) {
            List<String> parts = new ArrayList<>(leading);
            if (middleAllowed) {
                parts.add("<parameters...>");
            }
            parts.addAll(trailing);
            String expected = String.join(",", parts);
            throw new ReportException(name + ": expected the header " + expected + ", got "
                + String.join(",", header));
        }
        List<String> middle = List.copyOf(header.subList(leading.size(), size - trailing.size()));
        CsvTable table = new CsvTable(name, List.copyOf(header), new ArrayList<>(), middle);
        for (CSVRecord record : records.subList(1, records.size())) {
            if (record.size() != size) {
                throw new ReportException(name + ":" + record.getRecordNumber() + ": expected "
                    + size + " fields, got " + record.size());
            }
            table.rows.add(table.new Line(record));
        }
        return table;
    }

    /**
     * The columns between the leading and trailing ones, in file order.
     *
     * @return the middle columns (empty unless allowed)
     */
    List<String> middle() {
        return middle;
    }

    /**
     * The data rows, in file order.
     *
     * @return the rows
     */
    List<Line> rows() {
        return rows;
    }

    /** One data row, with typed access that reports bad fields by file, record and column. */
    final class Line {
        private final CSVRecord record;

        private Line(CSVRecord record) {
            this.record = record;
        }

        String text(String column) {
            return record.get(header.indexOf(column));
        }

        CsvNumber decimal(String column) throws ReportException {
            String text = text(column).trim();
            if (text.isEmpty()) {
                return CsvNumber.UNDEFINED;
            }
            // CsvNumber notation only, as mcsim writes it: Double.parseDouble also takes 1d, 0x1p3
            // and Infinity, which the exact form (BigDecimal) of the page cannot show.
            if (DECIMAL.matcher(text).matches()) {
                double value = Double.parseDouble(text);
                if (Double.isFinite(value)) {
                    return new CsvNumber(text, value);
                }
            }
            throw error(column, "not a finite decimal number: \"" + CsvTable.shown(text) + "\"");
        }

        double number(String column) throws ReportException {
            CsvNumber decimal = decimal(column);
            if (!decimal.defined()) {
                throw error(column, "empty, expected a number");
            }
            return decimal.value();
        }

        long integer(String column) throws ReportException {
            String text = text(column).trim();
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw error(column, "not an integer: \"" + shown(text) + "\"");
            }
        }

        private ReportException error(String column, String message) {
            return new ReportException(name + ":" + record.getRecordNumber() + ": column " + column
                + ": " + message);
        }
    }
}
