package org.mcsim.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.mcsim.model.Scenario;
import org.mcsim.scenario.ScenarioException;
import picocli.CommandLine.Option;

/**
 * {@code --variant NAME} of run, sensitivity, sweep, solve and discover (cli.md): one of the
 * scenario's variants instead of the scenario, named {@code NAME@VARIANT} so that its folder is
 * its own and every command on the variant writes into the same one. The one place that builds
 * a variant's model for these commands, so that they agree on what a variant is.
 */
final class VariantOption {

    @Option(names = "--variant", paramLabel = "NAME",
        description = {"Use the scenario's variant NAME (--set first, then its overrides and distributions; a --set "
            + "of what it sets is refused) instead of the scenario;", "the folder is OUT/SCENARIO@NAME."})
    String name;

    /**
     * The loaded file itself without {@code --variant}; else the variant's model, named
     * {@code NAME@VARIANT}; null after printing why not (an unknown variant with the nearest
     * name, or the variant's problems).
     */
    ScenarioFiles.Loaded apply(ScenarioFiles.Loaded l, Map<String, Double> overrides, PrintWriter err,
                               boolean debug) {
        if (name == null || l == null) {
            return l;
        }
        try {
            Scenario built = l.document().buildVariant(name, overrides);
            java.util.List<String> overridden = l.document().setByVariant(name,
                overrides.keySet().stream().sorted().toList());
            if (!overridden.isEmpty()) {
                // the variant's value would silently win over the one given on the command line
                Failures.refuse(l.given(), "--set " + String.join(", ", overridden) + ": variant " + name
                    + " sets " + (overridden.size() == 1 ? "it" : "them") + " itself (or replaces "
                    + (overridden.size() == 1 ? "its distribution" : "their distributions")
                    + "), and a variant's values replace the command line's; drop the --set or change the variant",
                    err);
                return null;
            }
            return new ScenarioFiles.Loaded(l.given(), l.document(), named(built, name), name);
        } catch (ScenarioException | RuntimeException e) {
            Failures.report(e, l.given(), null, err, debug);
            return null;
        }
    }

    /**
     * What is wrong with varying {@code keys} (sweep and solve's --vary) on the loaded variant, or
     * null: a key the variant sets itself, or a parameter of a distribution it replaces, which
     * the variant's values would replace at every point.
     */
    static String variedKeysSetByVariant(ScenarioFiles.Loaded l, java.util.List<String> keys) {
        if (l.variant() == null) {
            return null;
        }
        java.util.List<String> fixed = l.document().setByVariant(l.variant(), keys);
        if (fixed.isEmpty()) {
            return null;
        }
        return "--vary " + String.join(", ", fixed) + ": variant " + l.variant() + " sets "
            + (fixed.size() == 1 ? "it" : "them") + " itself (or replaces "
            + (fixed.size() == 1 ? "its distribution" : "their distributions")
            + "), and a variant's values replace the command line's, "
            + "so every point would be the same; vary " + (fixed.size() == 1 ? "it" : "them")
            + " on the scenario, or on a variant that leaves " + (fixed.size() == 1 ? "it" : "them") + " alone";
    }

    /** {@code s} under the name of variant {@code variant}'s folder, {@code NAME@VARIANT}. */
    static Scenario named(Scenario s, String variant) {
        return new Scenario(s.name() + "@" + variant, s.description(), s.sources(), s.settings(), s.constants(),
            s.inputs(), s.formulas(), s.outputs(), s.claims(), s.correlations(), s.variants(), s.evaluationOrder());
    }
}
