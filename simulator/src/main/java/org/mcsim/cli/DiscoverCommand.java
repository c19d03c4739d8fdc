package org.mcsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mcsim.discover.Box;
import org.mcsim.discover.Conditional;
import org.mcsim.discover.DiscoverOptions;
import org.mcsim.discover.Discovery;
import org.mcsim.discover.DiscoveryResult;
import org.mcsim.discover.StepResult;
import org.mcsim.engine.Estimate;
import org.mcsim.engine.RunFailedException;
import org.mcsim.expr.Suggestions;
import org.mcsim.model.Claim;
import org.mcsim.model.Scenario;
import org.mcsim.output.DiscoverWriter;
import org.mcsim.scenario.NumberSyntax;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcsim discover}: where in input space a claim holds (scenario discovery with PRIM). */
@Command(name = "discover", mixinStandardHelpOptions = true,
    header = "Find the input ranges where a claim holds (scenario discovery, PRIM).",
    description = {
        "Peels a box of input ranges in which the claim holds (PRIM: Friedman & Fisher 1999; Bryant & "
        + "Lempert 2010), prints the peeling trajectory (coverage, density, restricted inputs per step) and "
        + "the chosen box, and checks every box on an independent random sample, whose Wilson intervals "
        + "are conditional on the box found. Also each input's quantiles where the claim holds and where it "
        + "does not. Writes OUT/NAME/discover.csv; other files in the folder stay.",
        "",
        "Example:",
        "  mcsim discover scenarios/deepseek/fleet-tco.yaml --claim 400x -n 20000"})
final class DiscoverCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO.yaml", description = "The scenario file.")
    String file;

    @Option(names = "--claim", required = true, paramLabel = "NAME", description = "The claim to explain.")
    String claim;

    @Option(names = "--alpha", paramLabel = "A", converter = Alpha.class,
        description = "Share of the box peeled per step, in (0, 0.5) (default: 0.05).")
    double alpha = DiscoverOptions.ALPHA;

    @Option(names = "--mass-min", paramLabel = "M", converter = MassMin.class,
        description = "Smallest share of the samples a peeled box may hold, in [0, 1) (default: 0.05).")
    double massMin = DiscoverOptions.MASS_MIN;

    @Option(names = "--step", paramLabel = "S", converter = Step.class,
        description = "Choose this step of the peeling trajectory (default: the largest F1 of coverage and "
            + "density on the searched sample).")
    Integer step;

    @Option(names = "--no-paste", description = "Do not paste (widen) the chosen box.")
    boolean noPaste;

    @Option(names = "--check-samples", paramLabel = "N", converter = SamplingOptions.SampleCount.class,
        description = "Size of the independent random sample boxes are checked on (default: -n).")
    Long checkSamples;

    @Mixin
    SamplingOptions options;

    @Mixin
    VariantOption variant;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        options.checkThreads(spec);
        ScenarioFiles.Loaded l = variant.apply(ScenarioFiles.load(file, options.overrides(), err, options.debug),
            options.overrides(), err, options.debug);
        if (l == null) {
            return Failures.FAILED;
        }
        Scenario s = l.scenario().withSettings(options.apply(l.scenario().settings()));
        if (s.claims().stream().noneMatch(c -> c.name().equals(claim))) {
            String near = Suggestions.nearest(claim, s.claims().stream().map(Claim::name).toList());
            return Failures.refuse(file, "--claim " + claim + ": " + (s.claims().isEmpty()
                ? "the scenario has no claims"
                : "unknown claim" + (near == null ? "" : "; did you mean '" + near + "'?")), err);
        }
        DiscoverOptions o = new DiscoverOptions(alpha, massMin, !noPaste, step == null ? -1 : step,
            checkSamples == null ? s.settings().samples() : checkSamples);
        try {
            DiscoveryResult r = Discovery.run(s, claim, o, options.threads);
            DiscoverWriter.write(r, options.out, s.name(), StressOptions.provenance("discover", l, options));
            if (!options.quiet) {
                print(s, r, step == null, out);
            }
            return 0;
        } catch (RunFailedException | IOException e) {
            return Failures.report(e, file, options.out.resolve(s.name()), err, options.debug);
        }
    }

    /** The trajectory, the chosen box and the inputs' medians given the claim true and false. */
    private static void print(Scenario s, DiscoveryResult r, boolean byRule, PrintWriter out) {
        out.printf(Locale.ROOT, "%s: where claim %s (%s) holds: %d samples searched (%s, seed %d), %d checked%n",
            s.name(), r.claim(), r.expression(), r.samples(), s.settings().method().label(), s.settings().seed(),
            r.checkSamples());
        Estimate p = r.trajectory().get(0).density();
        out.printf(Locale.ROOT, "  P(%s) = %s on the check sample%n", r.claim(), withInterval(p));
        out.printf(Locale.ROOT, "  peeling trajectory (coverage and density on the check sample):%n");
        out.printf(Locale.ROOT, "  %5s %10s %9s %9s %9s%n", "step", "restricted", "coverage", "density", "mass");
        for (StepResult t : r.trajectory()) {
            out.printf(Locale.ROOT, "  %5d %10d %9s %9s %9s%n", t.step(), t.restricted(), fixed(t.coverage().value()),
                fixed(t.density().value()), fixed(t.mass().value()));
        }
        StepResult b = r.chosen();
        out.printf(Locale.ROOT, "  chosen box: step %d%s%s:%n", b.step(), r.pasted() ? ", pasted" : "",
            byRule ? " (largest F1 of coverage and density on the searched sample)" : "");
        Box box = b.box();
        for (int j = 0; j < r.inputs().size(); j++) {
            if (box.restricted(j)) {
                out.printf(Locale.ROOT, "    %s%n", range(r.inputs().get(j), box.low(j), box.high(j)));
            }
        }
        out.printf(Locale.ROOT, "    coverage %s, density %s, mass %s%n", withInterval(b.coverage()),
            withInterval(b.density()), withInterval(b.mass()));
        out.printf(Locale.ROOT, "  inputs where %s holds vs not (check sample medians; shift in sds):%n", r.claim());
        out.printf(Locale.ROOT, "  %-18s %10s %10s %8s%n", "input", "p50 true", "p50 false", "shift");
        int median = Discovery.LEVELS.indexOf(0.5);
        for (Conditional c : r.conditionals()) {
            out.printf(Locale.ROOT, "  %-18s %10s %10s %8s%n", c.input(), human(c.whenTrue().get(median).value()),
                human(c.whenFalse().get(median).value()), Double.isNaN(c.medianShift().value()) ? "-"
                    : String.format(Locale.ROOT, "%+.2f", c.medianShift().value()));
        }
        out.flush();
    }

    /** {@code 0.7 <= x <= 0.9}, {@code x >= 0.7} or {@code x <= 0.9}. */
    static String range(String input, double low, double high) {
        if (low == Double.NEGATIVE_INFINITY) {
            return input + " <= " + Table.human(high);
        }
        if (high == Double.POSITIVE_INFINITY) {
            return input + " >= " + Table.human(low);
        }
        return Table.human(low) + " <= " + input + " <= " + Table.human(high);
    }

    private static String withInterval(Estimate e) {
        if (Double.isNaN(e.value())) {
            return "-";
        }
        return fixed(e.value()) + (Double.isNaN(e.low()) ? "" : " [" + fixed(e.low()) + ", " + fixed(e.high()) + "]");
    }

    private static String fixed(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String human(double v) {
        return Double.isNaN(v) ? "-" : Table.human(v);
    }

    /** A real in the number syntax, within bounds; outside them a usage error. */
    private abstract static class Bounded implements CommandLine.ITypeConverter<Double> {
        abstract boolean accepts(double v);

        abstract String range();

        @Override
        public Double convert(String text) {
            double v;
            try {
                v = NumberSyntax.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + text + "': " + e.getMessage());
            }
            if (!accepts(v)) {
                throw new CommandLine.TypeConversionException("must be in " + range() + ", got " + text);
            }
            return v;
        }
    }

    /** --alpha: in (0, 0.5). */
    static final class Alpha extends Bounded {
        @Override
        boolean accepts(double v) {
            return v > 0 && v < 0.5;
        }

        @Override
        String range() {
            return "(0, 0.5)";
        }
    }

    /** --mass-min: in [0, 1). */
    static final class MassMin extends Bounded {
        @Override
        boolean accepts(double v) {
            return v >= 0 && v < 1;
        }

        @Override
        String range() {
            return "[0, 1)";
        }
    }

    /** --step: a step number, 0 or more. */
    static final class Step implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            long v;
            try {
                v = NumberSyntax.parseInteger(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + text + "': " + e.getMessage());
            }
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new CommandLine.TypeConversionException("must be a step number, 0 or more, got " + text);
            }
            return (int) v;
        }
    }
}
