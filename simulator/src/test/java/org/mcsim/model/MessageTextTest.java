package org.mcsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class MessageTextTest {

    @Test
    void anExcerptIsCutAndCannotSteerTheTerminal() {
        assertEquals("a\\nb\\u001B[31m\\u202E", MessageText.excerpt("a\nb\u001B[31m\u202E"));
        assertEquals("x".repeat(60) + "...", MessageText.excerpt("x".repeat(1_000_000)));
        assertEquals("xxxx...", MessageText.excerpt("xxxxxx", 4));
        assertEquals("short", MessageText.excerpt("short"));
    }

    @Test
    void aCsvFailureIsToldByItsLineNumberAlone() {
        assertEquals("12", MessageText.csvLine(new IOException("(line 12) invalid char between encapsulated token")));
        assertEquals("3", MessageText.csvLine(new IllegalStateException("IOException reading next record: Line: 3")));
        assertNull(MessageText.csvLine(new IOException("closed")));
        assertNull(MessageText.csvLine(new IOException()));
    }
}
