package org.mcsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcsim.report.SavedRun.SweepRow;

/**
 * The map of a claim's probability over two swept parameters: its grid, its 0.5 line where the
 * claim flips, the cells whose interval leaves the side open, and its place on the page.
 */
class SweepHeatmapTest {

    private static SweepRow row(long point, double x, double y, double p, double low, double high) {
        return new SweepRow(point, new double[] {x, y}, "c", "probability", decimal(p), decimal(low), decimal(high));
    }

    private static CsvNumber decimal(double v) {
        return new CsvNumber(Double.toString(v), v);
    }

    /** z = (x + y) / 2 on {0, 0.5, 1}²: the 0.5 line is the diagonal x + y = 1. */
    private static SweepHeatmap.Grid plane() {
        List<SweepRow> rows = new ArrayList<>();
        double[] v = {0, 0.5, 1};
        int point = 0;
        for (double x : v) {
            for (double y : v) {
                rows.add(row(point++, x, y, (x + y) / 2, (x + y) / 2 - 0.01, (x + y) / 2 + 0.01));
            }
        }
        return SweepHeatmap.grid(rows, 0, 1);
    }

    @Test
    void theGridPlacesEachRowAtItsParametersValues() {
        SweepHeatmap.Grid g = plane();
        assertEquals(3, g.xs().length);
        assertEquals(0.75, g.z()[1][2], 0);
        assertEquals(0.74, g.low()[1][2], 1e-15);
    }

    @Test
    void theLineOfALinearMapIsWhereItEqualsTheLevel() {
        List<double[]> segments = SweepHeatmap.contour(plane(), 0.5);
        assertFalse(segments.isEmpty());
        for (double[] s : segments) {
            assertEquals(1, s[0] + s[1], 1e-12, "start on x + y = 1");
            assertEquals(1, s[2] + s[3], 1e-12, "end on x + y = 1");
        }
        double length = segments.stream().mapToDouble(s -> Math.hypot(s[2] - s[0], s[3] - s[1])).sum();
        assertEquals(Math.sqrt(2), length, 1e-12, "the whole diagonal from (0, 1) to (1, 0), once");
    }

    /** Both top corners above, both bottom ones below: one segment from the left side to the right. */
    @Test
    void twoAdjacentCornersAboveGiveOneSegmentAcrossTheCell() {
        List<SweepRow> rows = List.of(row(0, 0, 0, 0.2, 0.1, 0.3), row(1, 0, 1, 0.8, 0.7, 0.9),
            row(2, 1, 0, 0.3, 0.2, 0.4), row(3, 1, 1, 0.9, 0.8, 1));
        List<double[]> segments = SweepHeatmap.contour(SweepHeatmap.grid(rows, 0, 1), 0.5);
        assertEquals(1, segments.size());
        double[] s = segments.get(0);
        assertEquals(List.of(1.0, round(0.2 / 0.6), 0.0, 0.5), List.of(round(s[0]), round(s[1]), round(s[2]),
            round(s[3])), "from the right side at y = 1/3 to the left side at y = 1/2");
    }

    @Test
    void aMapThatNeverCrossesTheLevelHasNoLine() {
        List<SweepRow> rows = List.of(row(0, 0, 0, 0.9, 0.8, 1), row(1, 0, 1, 0.7, 0.6, 0.8),
            row(2, 1, 0, 0.6, 0.5, 0.7), row(3, 1, 1, 0.55, 0.5, 0.6));
        assertTrue(SweepHeatmap.contour(SweepHeatmap.grid(rows, 0, 1), 0.5).isEmpty());
    }

    /**
     * A saddle: corners 0.8 and 0.6 at the bottom left and top right, 0.1 and 0.3 at the others;
     * the centre (0.45) is below 0.5, so the two high corners are each cut off by a segment.
     */
    @Test
    void aSaddleIsSettledByTheCellsCentre() {
        List<SweepRow> rows = List.of(row(0, 0, 0, 0.8, 0.7, 0.9), row(1, 0, 1, 0.1, 0, 0.2),
            row(2, 1, 0, 0.3, 0.2, 0.4), row(3, 1, 1, 0.6, 0.5, 0.7));
        List<double[]> segments = SweepHeatmap.contour(SweepHeatmap.grid(rows, 0, 1), 0.5);
        assertEquals(2, segments.size());
        // corner (0, 0) at 0.8: the bottom side crosses at x = 0.6, the left side at y = 0.3 / 0.7
        double[] a = segments.get(0);
        assertEquals(List.of(0.0, round(0.3 / 0.7), 0.6, 0.0),
            List.of(round(a[0]), round(a[1]), round(a[2]), round(a[3])));
        // corner (1, 1) at 0.6: the right side crosses at y = 1 − 0.1/0.3, the top side at x = 1 − 0.1/0.5
        double[] b = segments.get(1);
        assertEquals(List.of(1.0, round(1 - 0.1 / 0.3), round(1 - 0.1 / 0.5), 1.0),
            List.of(round(b[0]), round(b[1]), round(b[2]), round(b[3])));
    }

    private static double round(double v) {
        return Math.round(v * 1e12) / 1e12;
    }

    /**
     * Through a run folder: a claim's map gets its line and a dashed outline on each cell whose
     * interval contains 0.5; the page shows it under the pair's heading.
     */
    @Test
    void aTwoParameterSweepDrawsTheMapWithItsLineOnThePage(@TempDir Path dir) throws IOException {
        Path folder = ReportTest.copy("fleet-tco", dir);
        StringBuilder csv = new StringBuilder("point,a,b,claim,probability,mc_low,mc_high\n");
        int point = 0;
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 4; j++) {
                // P = 0.2 a + 0.01 b − 0.05 is never within 0.01 of 0.5 ...
                double p = Math.min(1, Math.max(0, 0.2 * i + 0.1 * j - 0.05));
                // ... in that its interval is wide at (2, 10), P = 0.45
                double half = i == 2 && j == 1 ? 0.1 : 0.01;
                csv.append(String.format(Locale.ROOT, "%d,%s,%s,60x,%s,%s,%s%n", point++, Double.toString(i),
                    Double.toString(10.0 * j), Double.toString(p), Double.toString(Math.max(0, p - half)),
                    Double.toString(Math.min(1, p + half))));
            }
        }
        Files.writeString(folder.resolve("sweep-claims.csv"), csv, StandardCharsets.UTF_8);
        Files.delete(folder.resolve("sweep.csv"));
        SavedRun run = SavedRun.read(folder);
        Chart chart = SweepHeatmap.create(run, run.sweepClaims(), 0, 1, "60x", "probability").orElseThrow();
        XYPlot plot = chart.chart().getXYPlot();
        List<XYAnnotation> annotations = plot.getAnnotations();
        long lines = annotations.stream().filter(a -> a instanceof XYLineAnnotation).count();
        long dashed = annotations.stream().filter(a -> a instanceof XYShapeAnnotation).count();
        assertTrue(lines >= 4, "the 0.5 line crosses the map: " + lines + " segments");
        assertEquals(1, dashed, "only the cell at (2, 10), P = 0.45 with the interval [0.35, 0.55], is undecided");
        assertEquals(-0.5, plot.getDomainAxis().getLowerBound(), 1e-12, "cells span the axis exactly");
        assertEquals(35, plot.getRangeAxis().getUpperBound(), 1e-12);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
            ChartStyle.png(chart.chart(), chart.width(), chart.height())));
        assertTrue(image.getWidth() >= 800 && image.getHeight() >= 500);

        List<Path> written = Report.write(folder);
        assertTrue(written.contains(folder.resolve("heatmap-a-b-P-60x.png")), written.toString());
        String html = Files.readString(folder.resolve(Report.PAGE), StandardCharsets.UTF_8);
        assertTrue(html.contains("<h3>a \u00d7 b</h3>"), "the pair's heading");
        assertTrue(html.indexOf("<img src=\"heatmap-a-b-P-60x.png\"") > html.indexOf("<h3>a \u00d7 b</h3>"));
    }

    @Test
    void aParameterWithOneValueGetsNoMap(@TempDir Path dir) throws IOException {
        Path folder = ReportTest.copy("fleet-tco", dir);
        Files.writeString(folder.resolve("sweep-claims.csv"), """
            point,a,b,claim,probability,mc_low,mc_high
            0,1.0,5.0,60x,0.2,0.1,0.3
            1,2.0,5.0,60x,0.7,0.6,0.8
            """, StandardCharsets.UTF_8);
        SavedRun run = SavedRun.read(folder);
        assertTrue(SweepHeatmap.create(run, run.sweepClaims(), 0, 1, "60x", "probability").isEmpty());
    }
}
