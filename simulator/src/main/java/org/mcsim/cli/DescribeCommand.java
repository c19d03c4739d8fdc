package org.mcsim.cli;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.mcsim.dist.InputSampler;
import org.mcsim.dist.Samplers;
import org.mcsim.expr.Expr;
import org.mcsim.expr.Exprs;
import org.mcsim.model.Claim;
import org.mcsim.model.DistText;
import org.mcsim.model.Formula;
import org.mcsim.model.Input;
import org.mcsim.model.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcsim describe}: the inputs with their exact quantiles, the formula graph, the claims. */
@Command(name = "describe", mixinStandardHelpOptions = true,
    header = "Show inputs with exact quantiles, the formula graph and the claims.",
    description = {
        "Prints each input (distribution, parameters, unit, source, and its exact mean, p5, p50, "
        + "p95), each formula with the names it uses, and the claims. Samples nothing.",
        "",
        "Example:",
        "  mcsim describe scenarios/deepseek/fleet-tco.yaml --set years=5"})
final class DescribeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SCENARIO.yaml", description = "The scenario file.")
    String file;

    @Option(names = "--set", paramLabel = "NAME.PARAM=VALUE", converter = SamplingOptions.Override.Converter.class,
        description = "Override a parameter or constant (repeatable).")
    List<SamplingOptions.Override> sets = List.of();

    @Option(names = "--debug", description = "Stack traces on errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScenarioFiles.Loaded l = ScenarioFiles.load(file, SamplingOptions.Override.toMap(sets), err, debug);
        if (l == null) {
            err.flush();
            return Failures.FAILED;
        }
        print(l.scenario(), out);
        out.flush();
        return 0;
    }

    static void print(Scenario s, PrintWriter out) {
        out.println(s.name() + (s.description().isEmpty() ? "" : ": " + s.description().strip()));
        s.sources().forEach(src -> out.println("  source: " + src));
        if (!s.constants().isEmpty()) {
            out.println();
            out.println("constants");
            s.constants().forEach((k, v) -> out.printf(Locale.ROOT, "  %-18s %s%n", k, Table.human(v)));
        }
        out.println();
        out.printf(Locale.ROOT, "inputs%32s %10s %10s %10s %10s%n", "", "mean", "p5", "p50", "p95");
        for (Input in : s.inputs()) {
            InputSampler law = Samplers.of(in.dist());
            out.printf(Locale.ROOT, "  %-36s %10s %10s %10s %10s%n",
                in.name() + (in.unit() == null ? "" : " [" + in.unit() + "]"),
                Table.human(law.mean()), Table.human(law.quantile(0.05)), Table.human(law.quantile(0.5)),
                Table.human(law.quantile(0.95)));
            out.println("      " + DistText.of(in.dist()));
            if (in.description() != null) {
                out.println("      " + in.description());
            }
            if (in.source() != null) {
                out.println("      source: " + in.source());
            }
        }
        out.println();
        out.println("formulas (evaluation order)");
        for (String name : s.evaluationOrder()) {
            Formula f = s.formula(name);
            out.printf(Locale.ROOT, "  %-14s = %s%n", name, f.text());
            out.println("      uses: " + String.join(", ", uses(f.expr()))
                + (s.outputs().contains(name) ? "   (output)" : ""));
        }
        if (!s.claims().isEmpty()) {
            out.println();
            out.println("claims");
            for (Claim c : s.claims()) {
                out.printf(Locale.ROOT, "  %-14s %s%n", c.name(), c.text());
            }
        }
        if (!s.correlations().isEmpty()) {
            out.println();
            out.println("rank correlations");
            s.correlations().forEach(c -> out.printf(Locale.ROOT, "  %s ~ %s: %s%n", c.a(), c.b(), c.rank()));
        }
        if (!s.variants().isEmpty()) {
            out.println();
            out.println("variants");
            s.variants().forEach(v -> out.println("  " + v.name() + ": " + v.overrides()));
        }
    }

    private static Set<String> uses(Expr e) {
        Set<String> names = new LinkedHashSet<>();
        Exprs.references(e).forEach(r -> names.add(r.name()));
        return names;
    }
}
