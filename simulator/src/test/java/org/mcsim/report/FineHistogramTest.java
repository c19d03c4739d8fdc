package org.mcsim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports of the finest allowed histograms (10^6 bins) are drawn in seconds, from merged bins. */
class FineHistogramTest {

    @TempDir
    Path dir;

    @Test
    void adjacentBinsAreMergedToAtMostTheLimitKeepingEdgesAndCounts() {
        SavedRun.Bins h = new SavedRun.Bins("x", new double[] {0, 1, 2, 3, 4}, new double[] {1, 2, 3, 4, 5},
            new long[] {1, 2, 3, 4, 5});
        SavedRun.Bins m = DistributionCharts.merged(h, 2);
        assertArrayEquals(new double[] {0, 3}, m.lows());
        assertArrayEquals(new double[] {3, 5}, m.highs());
        assertArrayEquals(new long[] {6, 9}, m.counts());
        assertSame(h, DistributionCharts.merged(h, 5));
    }

    @Test
    void aMillionBinReportIsWrittenInSeconds() throws IOException {
        // Was 306 s: the CDF summed every bin again for each bin, and a million bars were drawn.
        int bins = 1_000_000;
        Path folder = Files.createDirectories(dir.resolve("fine"));
        Files.writeString(folder.resolve("summary.csv"), "variable,kind,statistic,estimate,mc_low,mc_high\n"
            + "y,formula,mean,0.5,0.49,0.51\ny,formula,sd,0.29,0.28,0.3\ny,formula,min,0.0,,\ny,formula,max,1.0,,\n"
            + "y,formula,p50,0.5,0.49,0.51\n");
        Files.writeString(folder.resolve("claims.csv"), "claim,expression,probability,mc_low,mc_high,hits,samples\n");
        try (Writer w = Files.newBufferedWriter(folder.resolve("histogram.csv"))) {
            w.write("variable,bin_low,bin_high,count\n");
            for (int i = 0; i < bins; i++) {
                w.write("y," + (double) i / bins + "," + (double) (i + 1) / bins + "," + (i % 3) + "\n");
            }
        }
        Files.writeString(folder.resolve("run.json"), "{\"name\": \"fine\", \"scenario\": \"fine.yaml\", \"seed\": 1, "
            + "\"samples\": 999999, \"samples_requested\": 999999, \"method\": \"random\", \"inputs\": {}}");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Report.write(folder));
        assertEquals(true, Files.size(folder.resolve(Report.PAGE)) > 0);
    }

    @Test
    void theHistogramChartShowsTheCentralPartAndCountsWhatItLeavesOut() {
        // 1000 samples: 3 far below, 990 in the body, 7 far above (a long right tail).
        long[] counts = new long[100];
        counts[0] = 3;
        for (int i = 10; i < 20; i++) {
            counts[i] = 99;
        }
        counts[99] = 7;
        double[] lows = new double[100];
        double[] highs = new double[100];
        for (int i = 0; i < 100; i++) {
            lows[i] = i;
            highs[i] = i + 1;
        }
        SavedRun.Bins h = new SavedRun.Bins("x", lows, highs, counts);
        int[] c = DistributionCharts.central(h, 0.005);
        // at most 5 samples (0.5%) may be left out on each side: the 3 below could go, the 7 above
        // stay, and a view of 10..100 would narrow the chart by less than a third: all is drawn
        assertArrayEquals(new int[] {0, 99}, c);
        SavedRun.Bins both = new SavedRun.Bins("x", lows, highs,
            java.util.stream.IntStream.range(0, 100).mapToLong(i -> i == 99 ? 4 : counts[i]).toArray());
        assertArrayEquals(new int[] {10, 19}, DistributionCharts.central(both, 0.005));
        long[] even = new long[100];
        java.util.Arrays.fill(even, 10);
        assertArrayEquals(new int[] {0, 99},
            DistributionCharts.central(new SavedRun.Bins("x", lows, highs, even), 0.005), "no tail: all drawn");
    }
}
