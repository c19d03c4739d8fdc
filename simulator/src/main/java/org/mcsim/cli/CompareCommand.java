package org.mcsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.io.PrintWriter;
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
import org.mcsim.output.CompareWriter;
import org.mcsim.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mcsim compare}: runs each scenario and each of its variants with the same seed, writes
 * {@code OUT/compare/summary.csv} and {@code claims.csv}, and prints the runs side by side
 * (cli.md, compare). Rows are named {@code NAME} and {@code NAME@VARIANT}. Run folders of the
 * single scenarios are not written. A scenario or variant that fails is reported and the others
 * still run; the call then exits 1.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    header = "Run scenarios and their variants side by side.",
    description = {
        "Runs each scenario and each of its variants with the same seed and prints them side by "
        + "side; writes OUT/compare/summary.csv and OUT/compare/claims.csv.",
        "",
        "Example:",
        "  mcsim compare scenarios/deepseek/*.yaml -n 1e6"})
final class CompareCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SCENARIO.yaml", description = "Scenario files.")
    List<String> files;

    @Mixin
    SamplingOptions options;

    @Mixin
    EngineOptions engineOptions;

    /** Where the runs' blocks go, while {@link #call} runs. */
    private BlockExecutor executor;

    @Option(names = "--until", paramLabel = "TARGET+-H", converter = RunCommand.UntilConverter.class,
        description = "Sample each run until the interval of TARGET has half-width at most H "
            + "(repeatable): P(CLAIM)+-H, mean(VAR)+-H or p<100q>(VAR)+-H. "
            + "The ceiling is -n, else 100 x settings.samples.")
    List<Target> until = List.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One scenario file's runs: the scenario itself, then its variants in file order. */
    record Group(ScenarioFiles.Loaded loaded, List<CompareWriter.Row> rows) { }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        options.checkThreads(spec);
        engineOptions.check(spec.commandLine());
        boolean failed = false;
        List<ScenarioFiles.Loaded> valid = new ArrayList<>();
        for (String f : files) {
            ScenarioFiles.Loaded l = ScenarioFiles.load(f, options.overrides(), err, options.debug);
            if (l == null) {
                failed = true;
            } else {
                valid.add(l);
            }
        }
        String clash = "their rows could not be told apart";
        for (ScenarioFiles.Loaded clashing : ScenarioFiles.clashingNames(valid, err, clash)) {
            valid.remove(clashing);
            failed = true;
        }
        List<Group> groups = new ArrayList<>();
        if (!valid.isEmpty()) {
            try (BlockExecutor opened = engineOptions.open(options.threads)) {
                executor = opened;
                for (ScenarioFiles.Loaded l : valid) {
                    Group g = runGroup(l, err);
                    failed |= g.rows().size() != 1 + l.document().variantNames().size();
                    if (!g.rows().isEmpty()) {
                        groups.add(g);
                    }
                }
            } catch (RunFailedException e) {
                return Failures.report(e, null, null, err, options.debug);
            } finally {
                executor = null;
            }
        }
        failed |= !write(groups, err);
        if (!options.quiet) {
            groups.forEach(g -> CompareTable.print(g.loaded().given(), g.rows(), out));
        }
        out.flush();
        err.flush();
        return failed ? 1 : 0;
    }

    /** Runs the scenario, then each variant; a failed run is reported and left out. */
    private Group runGroup(ScenarioFiles.Loaded l, PrintWriter err) {
        List<CompareWriter.Row> rows = new ArrayList<>();
        String name = l.scenario().name();
        RunResult base = runOne(l.scenario(), l, null, l.given(), err);
        if (base != null) {
            rows.add(new CompareWriter.Row(name, base));
        }
        for (String v : l.document().variantNames()) {
            String where = l.given() + " (variant " + v + ")";
            try {
                Scenario s = l.document().buildVariant(v, options.overrides());
                RunResult r = runOne(s, l, v, where, err);
                if (r != null) {
                    rows.add(new CompareWriter.Row(name + "@" + v, r));
                }
            } catch (ScenarioException e) {
                Failures.report(e, where, null, err, options.debug);
            }
        }
        return new Group(l, rows);
    }

    /** Runs the scenario (built from {@code l} with {@code variant}, or null) on the executor. */
    private RunResult runOne(Scenario scenario, ScenarioFiles.Loaded l, String variant, String where,
                             PrintWriter err) {
        Precisions.Prepared prepared = Precisions.prepare(scenario, options, until);
        if (prepared.problem() != null) {
            Failures.refuse(where, prepared.problem(), err);
            return null;
        }
        Scenario s = prepared.scenario();
        long samples = prepared.samples();
        try {
            Plan plan = engineOptions.plan(s, l.document(), options.overrides(), variant);
            RunResult r = Engine.run(plan, new RunOptions(samples, options.threads, false,
                RunOptions.Progress.NONE).withUntil(until), executor);
            r.warnings().forEach(w -> err.println(where + ": warning: " + w));
            return r;
        } catch (RunFailedException | RuntimeException e) {
            // said for this run, and the others still run
            Failures.report(e, where, null, err, options.debug);
            return null;
        }
    }

    private boolean write(List<Group> groups, PrintWriter err) {
        List<CompareWriter.Row> rows = groups.stream().flatMap(g -> g.rows().stream()).toList();
        if (rows.isEmpty()) {
            return false;
        }
        try {
            CompareWriter.write(rows, options.out, groups.stream().map(g -> Path.of(g.loaded().given())).toList());
            return true;
        } catch (IOException e) {
            Failures.report(e, null, options.out.resolve(CompareWriter.FOLDER), err, options.debug);
            return false;
        }
    }
}
