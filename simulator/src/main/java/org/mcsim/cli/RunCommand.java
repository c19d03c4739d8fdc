package org.mcsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mcsim.engine.BlockExecutor;
import org.mcsim.engine.Engine;
import org.mcsim.engine.Plan;
import org.mcsim.engine.RunFailedException;
import org.mcsim.engine.RunOptions;
import org.mcsim.engine.RunResult;
import org.mcsim.engine.Target;
import org.mcsim.model.Scenario;
import org.mcsim.output.RunFolder;
import org.mcsim.output.RunInfo;
import org.mcsim.output.RunWriter;
import org.mcsim.report.Report;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcsim run}: samples each scenario and writes its run folder (cli.md, run). */
@Command(name = "run", mixinStandardHelpOptions = true,
    header = "Sample scenarios and write their run folders.",
    description = {
        "Samples each scenario and replaces OUT/NAME/ with summary.csv, claims.csv, "
        + "histogram.csv, run.json (and samples.csv with --write-samples).",
        "",
        "Example:",
        "  mcsim run scenarios/deepseek/fleet-tco.yaml -n 1e6 --set years=5"})
final class RunCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SCENARIO.yaml", description = "Scenario files.")
    List<String> files;

    @Mixin
    SamplingOptions options;

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--write-samples", arity = "0..1", fallbackValue = "csv", paramLabel = "csv|gz",
        description = "Also write every output's samples: samples.csv, or samples.csv.gz with =gz.")
    RunWriter.SamplesFormat writeSamples;

    @Option(names = "--until", paramLabel = "TARGET+-H", converter = UntilConverter.class,
        description = {"Sample block after block until the interval of TARGET has half-width at most H",
            "(repeatable): P(CLAIM)+-H, mean(VAR)+-H or p<100q>(VAR)+-H, e.g. --until 'P(400x)+-0.005'.",
            "The ceiling is -n, else 100 x settings.samples."})
    List<Target> until = List.of();

    @Option(names = "--report", description = "Also write report.html and its PNG charts into the run folder.")
    boolean report;

    @Mixin
    VariantOption variant;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code --until TARGET+-H}. */
    static final class UntilConverter implements CommandLine.ITypeConverter<Target> {
        @Override
        public Target convert(String text) {
            return Failures.parsed(text, Target::parse, false);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        options.checkThreads(spec);
        engineOptions.check(spec.commandLine());
        List<String> failed = new ArrayList<>();
        List<ScenarioFiles.Loaded> valid = new ArrayList<>();
        for (String f : files) {
            ScenarioFiles.Loaded l = variant.apply(ScenarioFiles.load(f, options.overrides(), err, options.debug),
                options.overrides(), err, options.debug);
            if (l == null) {
                failed.add(f);
            } else {
                l.document().warnings(l.scenario()).forEach(err::println);
                valid.add(l);
            }
        }
        String clash = "both would write the same folder";
        for (ScenarioFiles.Loaded clashing : ScenarioFiles.clashingNames(valid, err, clash)) {
            valid.remove(clashing);
            failed.add(clashing.given());
        }
        List<String> done = new ArrayList<>();
        if (!valid.isEmpty()) {
            try (BlockExecutor executor = engineOptions.open(options.threads)) {
                for (ScenarioFiles.Loaded l : valid) {
                    (runOne(l, executor, out, err) ? done : failed).add(l.given());
                }
            } catch (RunFailedException e) {
                Failures.report(e, null, null, err, options.debug);
                valid.stream().map(ScenarioFiles.Loaded::given)
                    .filter(g -> !done.contains(g) && !failed.contains(g)).forEach(failed::add);
            }
        }
        out.flush();
        return ScenarioFiles.summarize(files, failed, err);
    }

    private boolean runOne(ScenarioFiles.Loaded l, BlockExecutor executor, PrintWriter out, PrintWriter err) {
        Precisions.Prepared prepared = Precisions.prepare(l.scenario(), options, until);
        if (prepared.problem() != null) {
            Failures.refuse(l.given(), prepared.problem(), err);
            return false;
        }
        Scenario s = prepared.scenario();
        long samples = prepared.samples();
        Instant started = Instant.now();
        try {
            RunFolder.checkReplaceable(options.out, s.name(), List.of(Path.of(l.given())));
            Plan plan = engineOptions.plan(s, l.document(), options.overrides(), l.variant());
            RunResult r = Engine.run(plan, new RunOptions(samples, options.threads,
                writeSamples != null, ProgressPrinter.of(err, s.name(), options.quiet)).withUntil(until), executor);
            RunInfo info = new RunInfo(l.given(), l.document().sha256(), Version.get(), executor.name(), started,
                options.overrides(), l.variant(), l.document().writtenDistributions());
            Path kept = RunWriter.write(r, info, options.out, writeSamples, folder -> {
                if (report) {
                    Report.write(folder);
                }
            });
            r.warnings().forEach(w -> err.println(l.given() + ": warning: " + w));
            if (kept != null) {
                err.println(l.given() + ": warning: " + options.out.resolve(s.name()) + " held results of other "
                    + "commands (sensitivity, sweep or solve); the earlier folder is kept as " + kept);
            }
            if (!options.quiet) {
                Table.print(r, out);
            }
            return true;
        } catch (RunFailedException | IOException | RuntimeException | OutOfMemoryError e) {
            // said for this scenario (its arrays are unreachable here), and the next ones still run
            Failures.report(e, l.given(), options.out.resolve(s.name()), err, options.debug);
        }
        return false;
    }
}
