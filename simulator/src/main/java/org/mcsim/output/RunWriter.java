package org.mcsim.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.mcsim.engine.ClaimSummary;
import org.mcsim.engine.CorrelationSummary;
import org.mcsim.engine.Estimate;
import org.mcsim.engine.RunResult;
import org.mcsim.engine.SketchSummary;
import org.mcsim.engine.VariableSummary;
import org.mcsim.lanes.Lanes;
import org.mcsim.model.DistText;
import org.mcsim.model.Input;

/**
 * Writes a run folder (cli.md, run): summary.csv, claims.csv, histogram.csv, optionally
 * samples.csv or samples.csv.gz, and run.json. Everything is written into a temporary folder
 * beside the target and moved into place only when complete.
 */
public final class RunWriter {

    /** The format of samples.csv. */
    public enum SamplesFormat {
        CSV("samples.csv"), GZ("samples.csv.gz");

        private final String fileName;

        SamplesFormat(String fileName) {
            this.fileName = fileName;
        }

        public String fileName() {
            return fileName;
        }
    }

    private RunWriter() {
    }

    /**
     * Replaces {@code out/NAME/} with the run's files; leaves nothing behind on failure.
     *
     * @return the earlier folder, kept because it held other commands' results, or null
     */
    public static Path write(RunResult r, RunInfo info, Path out, SamplesFormat samples) throws IOException {
        return write(r, info, out, samples, folder -> { });
    }

    /**
     * Replaces {@code out/NAME/} with the run's files, after {@code beforeCommit} has added its
     * own to the complete temporary folder (the report); leaves nothing behind on failure. Only
     * a folder mcsim wrote is replaced, never one that holds the scenario file
     * ({@link RunFolder#begin(Path, String, List)}).
     *
     * @return the earlier folder, kept because it held other commands' results, or null
     */
    public static Path write(RunResult r, RunInfo info, Path out, SamplesFormat samples,
                             IoConsumer<Path> beforeCommit) throws IOException {
        RunFolder folder = RunFolder.begin(out, r.scenario().name(), List.of(Path.of(info.scenarioPath())));
        try {
            writeSummary(r, folder.file("summary.csv"));
            writeClaims(r, folder.file("claims.csv"));
            writeHistogram(r, folder.file("histogram.csv"));
            if (!r.correlations().isEmpty()) {
                writeCorrelations(r, folder.file("correlations.csv"));
            }
            if (samples != null) {
                writeSamples(r, folder.file(samples.fileName()), samples == SamplesFormat.GZ);
            }
            Files.writeString(folder.file("run.json"), runJson(r, info), StandardCharsets.UTF_8);
            beforeCommit.accept(folder.file("run.json").getParent());
            return folder.commit();
        } finally {
            folder.abort();
        }
    }

    static void writeSummary(RunResult r, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CsvWriter csv = CsvFiles.open(w, "variable", "kind", "statistic", "estimate", "mc_low", "mc_high")) {
            for (VariableSummary v : r.variables()) {
                row(csv, v, "mean", v.mean());
                row(csv, v, "sd", v.sd());
                row(csv, v, "min", Estimate.of(v.min()));
                row(csv, v, "max", Estimate.of(v.max()));
                for (VariableSummary.QuantileEstimate q : v.quantiles()) {
                    row(csv, v, q.label(), q.estimate());
                }
            }
        }
    }

    private static void row(CsvWriter csv, VariableSummary v, String stat, Estimate e) throws IOException {
        csv.row(v.name(), v.kind().label(), stat, Numbers.formatOrEmpty(e.value()),
            Numbers.formatOrEmpty(e.low()), Numbers.formatOrEmpty(e.high()));
    }

    static void writeClaims(RunResult r, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CsvWriter csv = CsvFiles.open(w, "claim", "expression", "probability", "mc_low", "mc_high",
                 "hits", "samples")) {
            for (ClaimSummary c : r.claims()) {
                Estimate p = c.probability();
                csv.row(c.name(), c.expression(), Numbers.formatOrEmpty(p.value()),
                    Numbers.formatOrEmpty(p.low()), Numbers.formatOrEmpty(p.high()),
                    Long.toString(c.hits()), Long.toString(c.samples()));
            }
        }
    }

    static void writeCorrelations(RunResult r, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CsvWriter csv = CsvFiles.open(w, "a", "b", "target", "achieved")) {
            for (CorrelationSummary c : r.correlations()) {
                csv.row(c.a(), c.b(), Numbers.format(c.target()), Numbers.formatOrEmpty(c.achieved()));
            }
        }
    }

    static void writeHistogram(RunResult r, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CsvWriter csv = CsvFiles.open(w, "variable", "bin_low", "bin_high", "count")) {
            for (String name : r.scenario().outputs()) {
                VariableSummary.HistogramData h = r.variable(name).histogram();
                for (int b = 0; b < h.counts().length; b++) {
                    csv.row(name, Numbers.format(h.edges()[b]), Numbers.format(h.edges()[b + 1]),
                        Long.toString(h.counts()[b]));
                }
            }
        }
    }

    /**
     * samples.csv: the header through {@link CsvWriter} (names may need quoting), then every row
     * formatted straight into a byte buffer by {@link DecimalText} (numbers never need quoting,
     * and are ASCII), so that writing costs a few tens of nanoseconds per value.
     */
    static void writeSamples(RunResult r, Path file, boolean gzip) throws IOException {
        double[][] cols = r.outputSamples();
        List<String> names = r.scenario().outputs();
        StringWriter header = new StringWriter();
        try (CsvWriter csv = CsvFiles.open(header, names.toArray(String[]::new))) {
            csv.flush();
        }
        try (OutputStream os = Files.newOutputStream(file);
             OutputStream z = gzip ? new GZIPOutputStream(os, 1 << 16) : os) {
            z.write(header.toString().getBytes(StandardCharsets.UTF_8));
            DecimalText text = new DecimalText();
            byte[] buf = new byte[(1 << 16) + cols.length * (DecimalText.MAX_LENGTH + 1)];
            int pos = 0;
            for (int i = 0; i < r.samples(); i++) {
                for (int o = 0; o < cols.length; o++) {
                    pos = text.write(cols[o][i], buf, pos);
                    buf[pos++] = (byte) (o == cols.length - 1 ? '\n' : ',');
                }
                if (pos >= 1 << 16) {
                    z.write(buf, 0, pos);
                    pos = 0;
                }
            }
            z.write(buf, 0, pos);
        }
    }

    /** The sketch, its error bound and the Monte Carlo half-widths beside it. */
    static Json sketchJson(SketchSummary s) {
        Json outputs = Json.object();
        for (SketchSummary.Output o : s.outputs()) {
            Json j = Json.object().put("center", o.center()).put("scale", o.scale())
                .put("max_error_bound", o.maxErrorBound());
            real(j, "min_mc_half_width", o.minMcHalfWidth());
            real(j, "max_error_over_mc_half_width", o.worstRatio());
            outputs.put(o.name(), j);
        }
        Json root = Json.object()
            .put("method", "sketch")
            .put("sketch", "buckets linear within one scale of the centre, beyond it each octave of "
                + "|x - center| / scale cut into ceil(1 / (2 relative_accuracy)) equal buckets (log-linear); "
                + "centre and scale = mean and sd of block 0")
            .put("relative_accuracy", s.accuracy())
            .put("error_bound", "relative_accuracy * max(scale, |x - center|) per order statistic; "
                + "max_error_over_mc_half_width compares, per quantile, that bound with the half-width "
                + "of the quantile's Monte Carlo interval");
        real(root, "max_error_over_mc_half_width", s.worstRatio());
        return root.put("outputs", outputs);
    }

    /** A real member, or null when it is NaN or infinite (JSON has no such numbers). */
    private static void real(Json j, String key, double value) {
        if (Double.isFinite(value)) {
            j.put(key, value);
        } else {
            j.putNull(key);
        }
    }


    static String runJson(RunResult r, RunInfo info) {
        Json inputs = Json.object();
        for (Input in : r.scenario().inputs()) {
            inputs.put(in.name(), Json.object().put("unit", in.unit()).put("description", in.description())
                .put("source", in.source()).put("distribution", DistText.of(in.dist()))
                .put("written", info.written().getOrDefault(in.name(), DistText.of(in.dist()))));
        }
        Json claims = Json.array();
        for (ClaimSummary c : r.claims()) {
            claims.add(Json.object().put("name", c.name()).put("expression", c.expression()));
        }
        Json root = Json.object()
            .put("name", r.scenario().name())
            .put("scenario", info.scenarioPath())
            .put("scenario_sha256", info.sha256())
            .put("seed", r.scenario().settings().seed())
            .put("samples", r.samples())
            .put("samples_requested", r.samplesRequested())
            .put("method", r.scenario().settings().method().label())
            .put("threads", r.threads())
            .put("engine", info.engine())
            .put("version", info.version())
            .put("java", Runtime.version().toString())
            .put("simd", Lanes.describe())
            .put("started", DateTimeFormatter.ISO_INSTANT.format(info.started().truncatedTo(ChronoUnit.MILLIS)))
            .put("elapsed_seconds", r.elapsedNanos() / 1e9)
            .put("samples_per_second", r.samplesPerSecond())
            .put("stop_reason", r.stopReason())
            .put("overrides", Provenance.overridesJson(info.overrides()));
        if (info.variant() != null) {
            root.put("variant", info.variant());
        }
        if (r.sketch() == null) {
            root.put("quantiles", r.quantileMethod());
        } else {
            root.put("quantiles", sketchJson(r.sketch()));
        }
        return root
            .put("samples_used", r.samples())
            .put("warnings", Json.strings(r.warnings()))
            .put("inputs", inputs)
            .put("constants", Json.numbers(r.scenario().constants())) // file order
            .put("description", r.scenario().description())
            .put("sources", Json.strings(r.scenario().sources()))
            .put("outputs", Json.strings(r.scenario().outputs()))
            .put("claims", claims)
            .toJson() + "\n";
    }
}
