package org.mcsim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvFilesTest {

    @Test
    void headerFirstCommaSeparatedNewlineTerminated() throws IOException {
        StringWriter w = new StringWriter();
        try (CsvWriter csv = CsvFiles.open(w, "variable", "estimate")) {
            csv.row("x", "1.5");
            csv.field("y").value(1e7).end();
            csv.field("z").value(Double.NaN).end();
            csv.field("n").value(42L).end();
        }
        assertEquals("variable,estimate\nx,1.5\ny,1.0E7\nz,\nn,42\n", w.toString());
    }

    @Test
    void quotesOnlyFieldsThatNeedIt() throws IOException {
        StringWriter w = new StringWriter();
        try (CsvWriter csv = CsvFiles.open(w, "a", "b", "c", "d", "e", "f", "g")) {
            csv.row("", "!x > 3", " lead", "trail ", "a,b", "say \"hi\"", "two\nlines");
            csv.row("#c", "x\ry", "", "ü€", "'q'", ";", "");
        }
        String expected = "a,b,c,d,e,f,g\n"
            + ",!x > 3, lead,trail ,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\n"
            + "#c,\"x\ry\",,ü€,'q',;,\n";
        assertEquals(expected, w.toString());
        // And an RFC 4180 reader gets the fields back.
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(w.toString())).getRecords();
        assertEquals("say \"hi\"", records.get(1).get(5));
        assertEquals("two\nlines", records.get(1).get(6));
        assertEquals("x\ry", records.get(2).get(1));
    }

    @Test
    void wrongFieldCountsAreRefused() throws IOException {
        CsvWriter csv = CsvFiles.open(new StringWriter(), "a", "b");
        assertThrows(IllegalStateException.class, () -> csv.row("1"));
        csv.field("1");
        assertThrows(IllegalStateException.class, csv::end);
        csv.field("2");
        assertThrows(IllegalStateException.class, () -> csv.field("3"));
        csv.end();
        assertThrows(IllegalArgumentException.class, () -> CsvFiles.open(new StringWriter()));
    }

    @Test
    void writesAMillionRowsQuickly() throws IOException {
        // samples.csv can have 1e7 rows; 1e6 rows of two formatted reals must take well under
        // a few seconds (about 0.3 s on a laptop), so this bound only catches gross regressions.
        CountingWriter sink = new CountingWriter();
        long start = System.nanoTime();
        try (CsvWriter csv = CsvFiles.open(sink, "capex", "ratio")) {
            for (int i = 0; i < 1_000_000; i++) {
                csv.value(i * 1.000001).value(1.0 / (i + 1)).end();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(sink.chars > 20_000_000, "wrote " + sink.chars);
        assertTrue(seconds < 20, "took " + seconds + " s");
    }

    private static final class CountingWriter extends Writer {
        long chars;

        @Override
        public void write(char[] buf, int off, int len) {
            chars += len;
        }

        @Override
        public void write(String s) {
            chars += s.length();
        }

        @Override
        public void write(int c) {
            chars++;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
