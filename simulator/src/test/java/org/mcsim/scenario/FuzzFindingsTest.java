package org.mcsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
