package org.mcsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mcsim.engine.BlockExecutor;
import org.mcsim.engine.ClaimSummary;
import org.mcsim.engine.RunFailedException;
import org.mcsim.engine.RunResult;
import org.mcsim.output.Numbers;
import org.mcsim.output.SweepWriter;
import org.mcsim.sensitivity.PointException;
import org.mcsim.sensitivity.Sweep;
import org.mcsim.sensitivity.SweepAxis;
import org.mcsim.sensitivity.SweepPoint;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcsim sweep}: runs a grid of parameter values on common random numbers (cli.md, sweep). */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    header = "Run a grid of parameter values on common random numbers.",
    description = {
        "Runs the scenario at every point of a grid of parameter values, on common random "
        + "numbers, and writes OUT/NAME/sweep.csv and sweep-claims.csv; other files in the folder "
        + "stay.",
        "",
        "Example:",
        "  mcsim sweep scenarios/deepseek/fleet-tco.yaml --vary years=3:6:4 -n 1e5"})
final class SweepCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO.yaml", description = "The scenario file.")
    String file;

    @Option(names = "--vary", required = true, paramLabel = "NAME.PARAM=FROM:TO:STEPS",
        converter = AxisConverter.class,
        description = "An axis of the grid (repeatable; the last varies fastest); a constant is NAME=FROM:TO:STEPS.")
    List<SweepAxis> axes;

    @Mixin
    SamplingOptions options;

    @Mixin
    VariantOption variant;

    @Mixin
    EngineOptions engineOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code --vary NAME.PARAM=FROM:TO:STEPS}. */
    static final class AxisConverter implements CommandLine.ITypeConverter<SweepAxis> {
        @Override
        public SweepAxis convert(String text) {
            return Failures.parsed(text, SweepAxis::parse, true);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        options.checkThreads(spec);
        engineOptions.check(spec.commandLine());
        try {
            Sweep.size(axes);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        ScenarioFiles.Loaded l = variant.apply(ScenarioFiles.load(file, options.overrides(), err, options.debug),
            options.overrides(), err, options.debug);
        if (l == null) {
            return Failures.FAILED;
        }
        String fixed = VariantOption.variedKeysSetByVariant(l, axes.stream().map(SweepAxis::key).toList());
        if (fixed != null) {
            return Failures.refuse(file, fixed, err);
        }
        String name = l.scenario().name();
        SweepWriter.Open[] files = {null};
        try (BlockExecutor executor = engineOptions.open(options.threads)) {
            // each point is written and printed as soon as it is computed, then dropped; the files
            // are opened with the first point, so that a grid whose first point fails writes nothing
            Printer printer = new Printer(name, Sweep.size(axes), out);
            Sweep.run(StressOptions.scenarios(l, options, engineOptions), axes, options.threads, executor, p -> {
                if (files[0] == null) {
                    files[0] = SweepWriter.open(axes, options.out, name, StressOptions.provenance("sweep", l, options));
                }
                files[0].add(p);
                if (!options.quiet) {
                    printer.print(p);
                }
            });
            files[0].commit();
            return 0;
        } catch (PointException | IOException e) {
            return Failures.report(e, file, options.out.resolve(name), err, options.debug);
        } catch (RunFailedException e) {
            // the executor could not be opened: it concerns the whole command
            return Failures.report(e, null, null, err, options.debug);
        } finally {
            if (files[0] != null) {
                files[0].close();
            }
        }
    }

    /**
     * One line per point, printed as each point is computed: the axes' values, each output's
     * mean, each claim's probability; the header comes with the first point.
     */
    private final class Printer {
        private final String name;
        private final long points;
        private final PrintWriter out;
        private final List<Integer> widths = new java.util.ArrayList<>();

        Printer(String name, long points, PrintWriter out) {
            this.name = name;
            this.points = points;
            this.out = out;
        }

        void print(SweepPoint p) {
            if (p.point() == 0) {
                header(p.result());
            }
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %5d", p.point()));
            for (double v : p.values()) {
                row.append(String.format(Locale.ROOT, " %14s", Numbers.format(v)));
            }
            int w = 0;
            for (String o : p.result().scenario().outputs()) {
                row.append(String.format(Locale.ROOT, " %" + widths.get(w++) + "s",
                    Table.human(p.result().variable(o).mean().value())));
            }
            for (ClaimSummary c : p.result().claims()) {
                row.append(String.format(Locale.ROOT, " %" + widths.get(w++) + ".4f", c.probability().value()));
            }
            out.println(row);
            out.flush();
        }

        private void header(RunResult first) {
            out.printf(Locale.ROOT, "%s: %d points x %d samples, seed %d, common random numbers%n", name,
                points, first.samples(), first.scenario().settings().seed());
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %5s", "point"));
            axes.forEach(a -> head.append(String.format(Locale.ROOT, " %14s", a.key())));
            for (String o : first.scenario().outputs()) {
                widths.add(Math.max(12, o.length() + 5));
                head.append(String.format(Locale.ROOT, " %" + widths.get(widths.size() - 1) + "s", "mean " + o));
            }
            for (ClaimSummary c : first.claims()) {
                widths.add(Math.max(10, c.name().length() + 3));
                head.append(String.format(Locale.ROOT, " %" + widths.get(widths.size() - 1) + "s",
                    "P(" + c.name() + ")"));
            }
            out.println(head);
        }
    }
}
