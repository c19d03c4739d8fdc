package org.mcsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tornado of a claim ({@code sensitivity --claim}, rows of output {@code P(NAME)}). */
class TornadoChartTest {

    @Test
    void aClaimsBarsStartAtItsProbabilityFromClaimsCsv(@TempDir Path dir) throws IOException {
        Path folder = ReportTest.copy("fleet-tco", dir);
        Files.writeString(folder.resolve("sensitivity.csv"), """
            output,input,index,estimate,mc_low,mc_high
            P(60x),p_h800,mean_low,0.9,0.88,0.92
            P(60x),p_h800,mean_high,0.2,0.18,0.22
            P(60x),rent,mean_low,0.5,0.48,0.52
            P(60x),rent,mean_high,0.8,0.78,0.82
            """, StandardCharsets.UTF_8);
        SavedRun run = SavedRun.read(folder);
        Chart chart = TornadoChart.create(run, "P(60x)", run.sensitivityByOutput().get("P(60x)")).orElseThrow();
        XYPlot plot = chart.chart().getXYPlot();
        ValueMarker marker = (ValueMarker) plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next();
        assertEquals(0.6969, marker.getValue(), 0, "claims.csv's probability of 60x");
        assertEquals("P(60x) = 0.697", marker.getLabel());
        assertEquals("What moves P(60x)", chart.chart().getTitle().getText());
    }
}
