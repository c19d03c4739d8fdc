package org.mcsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mcsim.engine.Estimate;
import org.mcsim.output.SolveWriter;
import org.mcsim.scenario.NumberSyntax;
import org.mcsim.sensitivity.NoRootException;
import org.mcsim.sensitivity.PointException;
import org.mcsim.sensitivity.Solution;
import org.mcsim.sensitivity.Solver;
import org.mcsim.sensitivity.SolveTarget;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcsim solve}: the parameter value at which a target holds (cli.md, solve). */
@Command(name = "solve", mixinStandardHelpOptions = true,
    header = "Find the parameter value at which a target holds.",
    description = {
        "Finds, on common random numbers, the value of one parameter in [LO, HI] at which a "
        + "target holds, with the Monte Carlo interval of that value; writes OUT/NAME/solve.csv.",
        "",
        "Example:",
        "  mcsim solve scenarios/deepseek/fleet-tco.yaml --vary years --between 1:10 --target 'P(400x)=0.5' -n 1e5"})
final class SolveCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO.yaml", description = "The scenario file.")
    String file;

    @Option(names = "--vary", required = true, paramLabel = "NAME.PARAM",
        description = "The parameter to solve for (a constant: NAME).")
    String key;

    @Option(names = "--between", required = true, paramLabel = "LO:HI", converter = RangeConverter.class,
        description = "The range to search.")
    Range range;

    @Option(names = "--target", required = true, paramLabel = "TARGET", converter = SolveTargetConverter.class,
        description = "STAT(VAR)=VALUE: mean(VAR)=V or p<100q>(VAR)=V for an output, or P(CLAIM)=V.")
    SolveTarget target;

    @Mixin
    SamplingOptions options;

    @Mixin
    VariantOption variant;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A search range, {@code lo < hi}. */
    record Range(double lo, double hi) { }

    /** {@code --between LO:HI} with LO &lt; HI. */
    static final class RangeConverter implements CommandLine.ITypeConverter<Range> {
        @Override
        public Range convert(String text) {
            String[] parts = text.split(":", -1);
            if (parts.length != 2) {
                throw new CommandLine.TypeConversionException("expected LO:HI, got '" + text + "'");
            }
            double[] r = new double[2];
            try {
                r[0] = NumberSyntax.parse(parts[0].trim());
                r[1] = NumberSyntax.parse(parts[1].trim());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + text + "': " + e.getMessage());
            }
            if (!(r[0] < r[1])) {
                throw new CommandLine.TypeConversionException("LO must be below HI, got '" + text + "'");
            }
            return new Range(r[0], r[1]);
        }
    }

    /** {@code --target}. */
    static final class SolveTargetConverter implements CommandLine.ITypeConverter<SolveTarget> {
        @Override
        public SolveTarget convert(String text) {
            return Failures.parsed(text, SolveTarget::parse, false);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        options.checkThreads(spec);
        String k = key.trim();
        if (k.isEmpty() || k.contains("=")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "--vary: expected NAME.PARAM (the range goes in --between), got '" + key + "'");
        }
        ScenarioFiles.Loaded l = variant.apply(ScenarioFiles.load(file, options.overrides(), err, options.debug),
            options.overrides(), err, options.debug);
        if (l == null) {
            return Failures.FAILED;
        }
        String fixed = VariantOption.variedKeysSetByVariant(l, List.of(k));
        if (fixed != null) {
            return Failures.refuse(file, fixed, err);
        }
        String name = l.scenario().name();
        try {
            Solution s = Solver.solve(StressOptions.scenarios(l, options), k, range.lo(), range.hi(), target,
                options.threads);
            SolveWriter.write(s, options.out, name, StressOptions.provenance("solve", l, options));
            print(s, out);
            return 0;
        } catch (PointException | NoRootException | IOException e) {
            return Failures.report(e, file, options.out.resolve(name), err, options.debug);
        }
    }

    /** {@code NAME.PARAM = value}, then (unless --quiet) the interval and the statistic achieved. */
    private void print(Solution s, PrintWriter out) {
        out.println(s.parameter() + " = " + Table.significant(s.value()));
        if (!options.quiet) {
            Estimate a = s.achieved();
            out.printf(Locale.ROOT, "  interval [%s, %s]; %s = %s [%s, %s] there (%d runs)%n",
                text(s.valueLow()), text(s.valueHigh()), s.target().statisticText(), Table.significant(a.value()),
                text(a.low()), text(a.high()), s.evaluations());
        }
        out.flush();
    }

    private static String text(double v) {
        return Double.isNaN(v) ? "none in range" : Table.significant(v);
    }
}
