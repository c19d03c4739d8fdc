package org.mcsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.mcsim.report.DiscoverFile.Discovered;
import org.mcsim.report.DiscoverFile.Step;
import org.mcsim.report.DiscoverFile.Value;

/** The charts of discover.csv, checked on their datasets. */
class DiscoverChartsTest {

    private static Value value(double v) {
        return new Value(new CsvNumber(Double.toString(v), v), CsvNumber.UNDEFINED, CsvNumber.UNDEFINED);
    }

    private static Step step(int k, double coverage, double density, int restricted) {
        Map<String, Value> stats = new LinkedHashMap<>();
        stats.put("coverage", value(coverage));
        stats.put("density", value(density));
        stats.put("restricted", value(restricted));
        return new Step(k, stats, new LinkedHashMap<>());
    }

    private static Map<String, Value> input(double shift, double... quantiles) {
        Map<String, Value> m = new LinkedHashMap<>();
        String[] labels = {"p5", "p25", "p50", "p75", "p95"};
        for (int i = 0; i < 5; i++) {
            m.put(labels[i] + "_true", value(quantiles[i] + shift));
            m.put(labels[i] + "_false", value(quantiles[i]));
        }
        m.put("sd", value(1));
        return m;
    }

    /** Coverage falls along the trajectory: the points must stay in step order, not sorted by coverage. */
    @Test
    void trajectoryKeepsStepOrderSoLabelsFollowTheirPoints() {
        List<Step> steps = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            steps.add(step(k, 1 - 0.1 * k, 0.3 + 0.1 * k, k == 0 ? 0 : 1));
        }
        Discovered d = new Discovered("c", Map.of(), steps, null, Map.of());
        XYPlot plot = DiscoverCharts.trajectory(d).orElseThrow().chart().getXYPlot();
        XYDataset points = plot.getDataset(0);
        assertEquals(5, points.getItemCount(0));
        for (int k = 0; k < 5; k++) {
            assertEquals(1 - 0.1 * k, points.getXValue(0, k), 1e-12, "item " + k + " is step " + k);
        }
        org.jfree.chart.labels.XYItemLabelGenerator labels = plot.getRenderer(0).getDefaultItemLabelGenerator();
        assertEquals("0 (0)", labels.generateLabel(points, 0, 0));
        assertEquals("1 (1)", labels.generateLabel(points, 0, 1));
    }

    @Test
    void inputsAreSortedByTheSizeOfTheirMedianShift() {
        Map<String, Map<String, Value>> inputs = new LinkedHashMap<>();
        inputs.put("small", input(0.1, 0, 1, 2, 3, 4));
        inputs.put("large", input(-2, 0, 1, 2, 3, 4));
        inputs.put("middle", input(1, 0, 1, 2, 3, 4));
        Discovered d = new Discovered("c", Map.of(), List.of(), null, inputs);
        XYPlot plot = DiscoverCharts.inputs(d).orElseThrow().chart().getXYPlot();
        SymbolAxis axis = (SymbolAxis) plot.getDomainAxis();
        // drawn bottom to top: the largest shift last, on top
        assertEquals(List.of("small", "middle", "large"), List.of(axis.getSymbols()));
        // in sds from the median where the claim fails: that median is at 0, the other at the shift
        XYDataset data = plot.getDataset();
        assertTrue(Math.abs(data.getYValue(4, 5) - -2) < 1e-12 || Math.abs(data.getYValue(4, 4) - -2) < 1e-12,
            "the large input's median where the claim holds is 2 sds below");
    }
}
