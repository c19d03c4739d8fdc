package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs are shown as the author wrote them, with the parameters mcsim solved for second. */
class ReportInputsTest {

    @TempDir
    Path dir;

    @Test
    void aLognormalGivenByItsRangeIsShownByItsRangeThenItsMuAndSigma() throws IOException {
        Path s = Cli.write(dir, "w.yaml", "name: w\ninputs:\n"
            + "  p: {dist: lognormal, low: 20000, high: 40000, unit: USD}\n"
            + "  t: {dist: normal, mean: 0, sd: 1, truncate: [0, null]}\nformulas:\n  y: p + t\n");
        Cli r = Cli.run("run", s.toString(), "-n", "2000", "-o", dir.resolve("out").toString(), "--quiet", "--report");
        assertEquals(0, r.status, r.toString());
        String json = Cli.read(dir.resolve("out/w/run.json"));
        assertTrue(json.contains("\"written\": \"lognormal(low=20000, high=40000)\""), json);
        assertTrue(json.contains("\"written\": \"normal(mean=0, sd=1) truncated to [0, open]\""), json);
        String html = Cli.read(dir.resolve("out/w/report.html"));
        int written = html.indexOf("<code>lognormal(low=20000, high=40000)</code>");
        int solved = html.indexOf("= lognormal(mu=");
        assertTrue(written > 0 && solved > written, "written first, solved second");
    }
}
