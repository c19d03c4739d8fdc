package org.mcsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mcsim.engine.BlockExecutor;
import org.mcsim.engine.Estimate;
import org.mcsim.engine.RunFailedException;
import org.mcsim.expr.Suggestions;
import org.mcsim.model.Scenario;
import org.mcsim.output.SensitivityWriter;
import org.mcsim.sensitivity.Indices;
import org.mcsim.sensitivity.InputIndices;
import org.mcsim.sensitivity.SensitivityAnalysis;
import org.mcsim.sensitivity.SensitivityResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcsim sensitivity}: which inputs drive one output (cli.md, sensitivity). */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
    header = "Rank inputs by influence: rank correlation, tornado, Sobol indices.",
    description = {
        "Ranks the inputs by their influence on one output: Spearman rank correlation, the "
        + "tornado's two ends, first-order and total Sobol indices (Saltelli design, N·(k+2) "
        + "evaluations). Writes OUT/NAME/sensitivity.csv; other files in the folder stay.",
        "With --claim, the same indices of the claim's indicator (1 where it holds, 0 elsewhere): "
        + "what moves the claim's probability; the tornado's ends are P(claim) with the input in "
        + "its lowest and highest tenth, and the rows' output is P(CLAIM).",
        "",
        "Example:",
        "  mcsim sensitivity scenarios/deepseek/fleet-tco.yaml --output ratio -n 20000"})
final class SensitivityCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO.yaml", description = "The scenario file.")
    String file;

    @Option(names = "--output", paramLabel = "NAME", description = "The output to analyse.")
    String output;

    @Option(names = "--claim", paramLabel = "NAME",
        description = "Analyse a claim's indicator instead of an output: what moves its probability.")
    String claim;

    @Option(names = "--indices", paramLabel = "all|rank|tornado|sobol",
        description = "Which indices (default: all).")
    Indices indices = Indices.ALL;

    @Mixin
    SamplingOptions options;

    @Mixin
    VariantOption variant;

    @Mixin
    EngineOptions engineOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        options.checkThreads(spec);
        engineOptions.check(spec.commandLine());
        if ((output == null) == (claim == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "give exactly one of --output NAME and --claim NAME");
        }
        ScenarioFiles.Loaded l = variant.apply(ScenarioFiles.load(file, options.overrides(), err, options.debug),
            options.overrides(), err, options.debug);
        if (l == null) {
            return Failures.FAILED;
        }
        Scenario s = l.scenario().withSettings(options.apply(l.scenario().settings()));
        String unknown = claim == null ? unknownOutput(s) : unknownClaim(s);
        if (unknown != null) {
            return Failures.refuse(file, unknown, err);
        }
        warnOfCost(s, err);
        try (BlockExecutor executor = engineOptions.open(options.threads)) {
            org.mcsim.engine.Plan plan = engineOptions.plan(s, l.document(), options.overrides(), l.variant());
            SensitivityResult r = claim == null
                ? SensitivityAnalysis.run(plan, output, indices, s.settings().samples(), executor)
                : SensitivityAnalysis.runClaim(plan, claim, indices, s.settings().samples(), executor);
            if (r.note() != null) {
                err.println(file + ": " + r.note());
            }
            SensitivityWriter.write(r, options.out, s.name(), StressOptions.provenance("sensitivity", l, options));
            if (!options.quiet) {
                print(s, r, out);
            }
            return 0;
        } catch (RunFailedException | IOException e) {
            return Failures.report(e, file, options.out.resolve(s.name()), err, options.debug);
        }
    }

    /** What is wrong with --output, or null: an unknown name, or a claim's (which --claim takes). */
    private String unknownOutput(Scenario s) {
        if (s.formula(output) != null || s.outputs().contains(output)) {
            return null;
        }
        if (s.claims().stream().anyMatch(c -> c.name().equals(output))) {
            return "--output " + output + ": " + output + " is a claim, not an output; use --claim " + output;
        }
        List<String> known = new ArrayList<>(s.outputs());
        s.formulas().forEach(f -> known.add(f.name()));
        String near = Suggestions.nearest(output, known);
        return "--output " + output + ": unknown output" + (near == null ? "" : "; did you mean '" + near + "'?");
    }

    /** What is wrong with --claim, or null. */
    private String unknownClaim(Scenario s) {
        List<String> claims = s.claims().stream().map(org.mcsim.model.Claim::name).toList();
        if (claims.contains(claim)) {
            return null;
        }
        String near = Suggestions.nearest(claim, claims);
        String hint = near != null ? "; did you mean '" + near + "'?"
            : claims.isEmpty() ? "; the scenario has no claims" : "; its claims: " + String.join(", ", claims);
        if (s.formula(claim) != null || s.outputs().contains(claim)) {
            hint = "; " + claim + " is an output: use --output " + claim;
        }
        return "--claim " + claim + ": unknown claim" + hint;
    }

    /** Runs above which the design's cost is announced before it is spent. */
    static final long LARGE_RUNS = 200;
    /** Input values drawn above which the design's cost is announced before it is spent. */
    static final double LARGE_DRAWS = 1e9;

    /**
     * Says on stderr what a large design will cost before it is run: the Saltelli design
     * evaluates N·(k+2) samples in k+2 runs, each drawing every one of the scenario's inputs
     * (5,000 inputs at N = 100 are 5,002 runs and 2.5·10⁹ draws: minutes, not seconds).
     */
    private void warnOfCost(Scenario s, PrintWriter err) {
        long k = s.inputs().stream().filter(i -> !(i.dist() instanceof org.mcsim.model.Dist.Constant)).count();
        long n = s.settings().samples();
        boolean sobol = indices.sobol() && s.correlations().isEmpty();
        long runs = (indices.rank() || indices.tornado() ? 1 : 0) + (sobol ? k + 2 : 0);
        double draws = (double) runs * n * s.inputs().size();
        if (runs > LARGE_RUNS || draws > LARGE_DRAWS) {
            err.println(file + ": note: " + (sobol ? "the Sobol design of " + k + " uncertain inputs at N = " + n
                + " is " : "") + runs + " runs of " + n + " samples (" + String.format(Locale.ROOT, "%.2g", draws)
                + " input values); --indices rank or tornado is 1 run" + (sobol ? ", a smaller -n is cheaper" : ""));
            err.flush();
        }
    }

    /** The tornado as a table, inputs in the file's order of importance. */
    private static void print(Scenario s, SensitivityResult r, PrintWriter out) {
        if (r.claim() != null) {
            printClaim(s, r, out);
            return;
        }
        out.printf(Locale.ROOT, "%s: sensitivity of %s (N = %d, %d evaluations, seed %d)%n", s.name(), r.output(),
            s.settings().samples(), r.evaluations(), s.settings().seed());
        if (!Double.isNaN(r.mean())) {
            out.printf(Locale.ROOT, "  mean %s; tornado ends: mean of %s with the input in its lowest / highest 10%%%n",
                Table.human(r.mean()), r.output());
        }
        out.printf(Locale.ROOT, "  %-18s %10s %10s %10s %8s %8s %8s%n", "input", "mean_low", "mean_high", "swing",
            "rank", "S_first", "S_total");
        for (InputIndices in : r.inputs()) {
            out.printf(Locale.ROOT, "  %-18s %10s %10s %10s %8s %8s %8s%n", in.input(), human(in.meanLow()),
                human(in.meanHigh()), Double.isNaN(in.swing()) ? "-" : Table.human(in.swing()),
                fixed(in.rankCorrelation()), fixed(in.sobolFirst()), fixed(in.sobolTotal()));
        }
        out.flush();
    }

    /** A claim's tornado: its probability with each input in its lowest and highest tenth. */
    private static void printClaim(Scenario s, SensitivityResult r, PrintWriter out) {
        out.printf(Locale.ROOT, "%s: what moves %s (N = %d, %d evaluations, seed %d)%n", s.name(), r.output(),
            s.settings().samples(), r.evaluations(), s.settings().seed());
        if (!Double.isNaN(r.mean())) {
            out.printf(Locale.ROOT, "  %s = %.4f; tornado ends: %s with the input in its lowest / highest 10%%%n",
                r.output(), r.mean(), r.output());
        }
        out.printf(Locale.ROOT, "  %-18s %8s %8s %8s %8s %8s %8s%n", "input", "P_low", "P_high", "swing",
            "rank", "S_first", "S_total");
        for (InputIndices in : r.inputs()) {
            out.printf(Locale.ROOT, "  %-18s %8s %8s %8s %8s %8s %8s%n", in.input(), fixed(in.meanLow()),
                fixed(in.meanHigh()), Double.isNaN(in.swing()) ? "-" : String.format(Locale.ROOT, "%.3f", in.swing()),
                fixed(in.rankCorrelation()), fixed(in.sobolFirst()), fixed(in.sobolTotal()));
        }
        out.flush();
    }

    private static String human(Estimate e) {
        return e == null || Double.isNaN(e.value()) ? "-" : Table.human(e.value());
    }

    private static String fixed(Estimate e) {
        return e == null || Double.isNaN(e.value()) ? "-" : String.format(Locale.ROOT, "%.3f", e.value());
    }
}
