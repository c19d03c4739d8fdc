package org.mcsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mcsim.scenario.Scenarios.HEAD;
import static org.mcsim.scenario.Scenarios.errors;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression tests for what the fuzz campaigns of {@link ScenarioFuzzTest} found. */
class FuzzFindingsTest {

    @TempDir
    Path dir;

    /** Found in the first seconds: a message quoting a block scalar spanned several lines. */
    @Test
    void aQuotedMultiLineValueStaysOnOneLine() {
        assertEquals(List.of("s.yaml:4:3: f: an input is a map such as {dist: normal, mean: 0, sd: 1},"
                + " not 'x +\\n1\\n'"),
            errors(dir, "name: t\r\ninputs:\r\n  xlas:\r\n  f: |\r\n    x +\r\n    1\r\n").subList(1, 2));
    }

    /**
     * Found after 17 minutes: a character above U+FFFF whose high surrogate fell at char offset
     * 1024 (or 2049, 3074, ...) made the YAML library read past its buffer.
     */
    @Test
    void aCharacterAboveUFFFFAtTheLibrarysBufferEdgeIsRead() throws Exception {
        for (int at : new int[] {1023, 1024, 1025, 2049, 3074}) {
            String head = HEAD + "description: ";
            String text = head + "x".repeat(at - head.length()) + "\uD83D\uDE00 ok\n";
            assertEquals(text.substring(head.length(), text.length() - 1),
                Scenarios.build(dir, text).description(), "emoji in the description at " + at);
            String comment = "# " + "y".repeat(at - 2) + "\uD83D\uDE00\n" + HEAD;
            assertEquals("t", Scenarios.build(dir, comment).name(), "emoji in a comment at " + at);
        }
    }
}
