package org.mcsim.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mcsim.model.Method;
import org.mcsim.model.Scenario;
import org.mcsim.scenario.ScenarioDocument;

/**
 * The executor SPI: a job shipped as bytes (Java serialization, as Spark ships it), rebuilt from
 * its {@link PlanSource} and computed in uneven ranges on copies of its own, merges into exactly
 * the result of the local engine.
 */
class BlockExecutorTest {
    private static final String YAML = """
        name: spi
        settings: {seed: 7, quantiles: [0.05, 0.5, 0.95], histogram_bins: 20}
        inputs:
          a: {dist: normal, mean: 1, sd: 2}
          b: {dist: lognormal, mu: 1, sigma: 0.5}
          c: {dist: uniform, min: 0, max: 1}
        correlations:
          - {between: [a, b], rank: 0.6}
        formulas:
          s: a + b * c
          r: b / (1 + c)
        outputs: [s, r]
        claims:
          big: s > 4
        """;

    /** Ships the job and the results through serialization and splits each wave unevenly. */
    static final class ShippingExecutor implements BlockExecutor {
        int calls;
        int largestJob;

        @Override
        public String name() {
            return "shipping";
        }

        @Override
        public long wave(BlockJob job, long merged, boolean stopsEarly) {
            return stopsEarly ? 5 : job.blocks();
        }

        @Override
        public List<BlockRange> compute(BlockJob job, long first, int count) {
            calls++;
            byte[] shipped = serialize(job);
            largestJob = Math.max(largestJob, shipped.length);
            List<BlockRange> out = new ArrayList<>();
            long at = first;
            int size = 1;
            while (at < first + count) {
                int n = (int) Math.min(size, first + count - at);
                BlockJob copy = (BlockJob) deserialize(shipped);
                out.add((BlockRange) deserialize(serialize(copy.compute(at, n))));
                at += n;
                size = size * 2 + 1;
            }
            return out;
        }

        @Override
        public void close() {
        }
    }

    static byte[] serialize(Object o) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    static Object deserialize(byte[] b) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static Plan plan(String yaml, Method method) throws Exception {
        PlanSource source = PlanSource.of(yaml.getBytes(StandardCharsets.UTF_8), Path.of("spi.yaml"), "spi.yaml",
            Map.of(), null);
        Scenario s = source.scenario();
        return Plan.of(s.withSettings(s.settings().withMethod(method)), source);
    }

    /** Every number of a result, exactly (Double.toString tells bits apart), and nothing of timing. */
    static String fingerprint(RunResult r) {
        StringBuilder sb = new StringBuilder();
        r.variables().forEach(v -> sb.append(v.name()).append(v.mean()).append(v.sd()).append(v.min())
            .append(v.max()).append(v.quantiles()).append(Arrays.toString(v.histogram() == null ? null
                : v.histogram().counts())).append('\n'));
        r.claims().forEach(c -> sb.append(c).append('\n'));
        sb.append(r.correlations()).append(r.samples()).append(r.stopReason()).append(r.warnings());
        sb.append(Arrays.deepToString(r.outputSamples()));
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "lhs", "sobol"})
    void shippedRangesGiveTheLocalResultExactly(String method) throws Exception {
        Plan plan = plan(YAML, Method.parse(method));
        RunOptions options = new RunOptions(20_001, 3, true, RunOptions.Progress.NONE);
        RunResult local = Engine.run(plan, options);
        ShippingExecutor shipping = new ShippingExecutor();
        RunResult shipped = Engine.run(plan, options, shipping);
        assertEquals(fingerprint(local), fingerprint(shipped));
        assertEquals(1, shipping.calls);
    }

    @Test
    void sketchedRunsGiveTheLocalResultWhenShipped() throws Exception {
        // no correlations: sketched quantiles need a plain random run
        Plan plan = plan(YAML.replace("correlations:\n  - {between: [a, b], rank: 0.6}\n", ""), Method.RANDOM);
        RunOptions options = new RunOptions(30_001, 2, false, RunOptions.Progress.NONE);
        RunResult local = Engine.run(plan, options, BlockExecutor.local(2), 1000);
        ShippingExecutor shipping = new ShippingExecutor();
        RunResult shipped = Engine.run(plan, options, shipping, 1000);
        assertEquals("sketch", local.quantileMethod());
        // the job carries empty sketches (parameters only), not the run's sketches
        assertTrue(shipping.largestJob < 10_000, "job of " + shipping.largestJob + " bytes");
        assertEquals(fingerprint(local), fingerprint(shipped));
        assertEquals(local.sketch(), shipped.sketch());
    }

    @Test
    void precisionTargetsStopAtTheSameBlockInSmallWaves() throws Exception {
        Plan plan = plan(YAML, Method.RANDOM);
        RunOptions options = new RunOptions(400_000, 2, false, RunOptions.Progress.NONE)
            .withUntil(List.of(Target.parse("mean(s)+-0.05")));
        RunResult local = Engine.run(plan, options);
        ShippingExecutor shipping = new ShippingExecutor();
        RunResult shipped = Engine.run(plan, options, shipping);
        assertEquals("precision", local.stopReason());
        assertEquals(fingerprint(local), fingerprint(shipped));
        assertTrue(shipping.calls > 1, "the run went wave by wave");
    }

    @Test
    void designValuesAreTheSameWhenShipped() throws Exception {
        Plan plan = plan(YAML, Method.RANDOM);
        UniformSource design = (input, first, u, n) -> {
            for (int j = 0; j < n; j++) {
                u[j] = ((first + j) * 0.6180339887498949 + input * 0.1) % 1 * 0.998 + 0.001;
            }
        };
        List<String> names = List.of("a", "r");
        double[][] local = Engine.values(plan, 9_000, 2, design, names);
        double[][] shipped = Engine.values(plan, 9_000, new ShippingExecutor(), design, names);
        assertArrayEquals(local[0], shipped[0]);
        assertArrayEquals(local[1], shipped[1]);
    }

    @Test
    void aFailedSampleGivesTheSameMessage() throws Exception {
        String yaml = """
            name: bad
            inputs:
              x: {dist: normal, mean: 0, sd: 1}
            formulas:
              y: 1 / (x - x)
            """;
        Plan plan = plan(yaml, Method.RANDOM);
        RunOptions options = new RunOptions(10_000, 2, false, RunOptions.Progress.NONE);
        String local = assertThrows(RunFailedException.class, () -> Engine.run(plan, options)).getMessage();
        String shipped = assertThrows(RunFailedException.class,
            () -> Engine.run(plan, options, new ShippingExecutor())).getMessage();
        assertEquals(local, shipped);
    }

    /**
     * An executor never reads the driver's paths: the job carries the bytes of the included file
     * and of the empirical CSV, and copies rebuilt after both files are deleted compute the local
     * result exactly.
     */
    @Test
    void includedAndEmpiricalFilesTravelWithTheJob(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("lib.yaml"), "inputs:\n  b: {dist: lognormal, mu: 1, sigma: 0.5}\n");
        StringBuilder csv = new StringBuilder("id,load\n");
        for (int i = 0; i < 500; i++) {
            csv.append(i).append(',').append(String.format(java.util.Locale.ROOT, "%.3f", Math.sin(i) * 3 + 4))
                .append('\n');
        }
        Files.writeString(dir.resolve("data.csv"), csv);
        Path file = dir.resolve("shipped.yaml");
        Files.writeString(file, """
            name: shipped
            settings: {seed: 5, histogram_bins: 10}
            include: [lib.yaml]
            inputs:
              a: {dist: empirical, file: data.csv, column: load}
            formulas:
              s: a * b
            outputs: [s]
            """);
        ScenarioDocument doc = ScenarioDocument.read(file, "shipped.yaml");
        PlanSource source = PlanSource.of(doc, Map.of(), null);
        Plan plan = Plan.of(doc.build(Map.of()), source);
        assertEquals(List.of(dir.resolve("lib.yaml").toAbsolutePath().normalize().toString(),
            dir.resolve("data.csv").toAbsolutePath().normalize().toString()), List.copyOf(source.shippedFiles()));
        RunOptions options = new RunOptions(20_001, 2, true, RunOptions.Progress.NONE);
        RunResult local = Engine.run(plan, options);
        Files.delete(dir.resolve("data.csv"));
        Files.delete(dir.resolve("lib.yaml"));
        RunResult shipped = Engine.run(plan, options, new ShippingExecutor());
        assertEquals(fingerprint(local), fingerprint(shipped));
        Scenario rebuilt = ((PlanSource) deserialize(serialize(source))).scenario();
        assertEquals(plan.scenario().inputs(), rebuilt.inputs());
    }

    @Test
    void aPlanWithoutSourceStaysOnThisMachine() throws Exception {
        Plan plan = Plan.of(plan(YAML, Method.RANDOM).scenario());
        RunOptions options = new RunOptions(1_000, 1, false, RunOptions.Progress.NONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Engine.run(plan, options, new ShippingExecutor()));
        assertEquals("the shipping engine needs a plan that can be built elsewhere: Plan.of(scenario, source)",
            e.getMessage());
    }

    @Test
    void anUnknownEngineIsNamed() {
        RunFailedException e = assertThrows(RunFailedException.class,
            () -> BlockExecutor.open("spark", 1, Map.of()));
        assertTrue(e.getMessage().startsWith("--engine spark: that engine is not on the class path"), e.getMessage());
        try (BlockExecutor local = assertDoesNotThrowOpen()) {
            assertEquals("local", local.name());
        }
    }

    private static BlockExecutor assertDoesNotThrowOpen() {
        try {
            return BlockExecutor.open("local", 2, Map.of());
        } catch (RunFailedException e) {
            throw new AssertionError(e);
        }
    }
}
