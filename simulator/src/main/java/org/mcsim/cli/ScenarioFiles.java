package org.mcsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mcsim.model.Scenario;
import org.mcsim.scenario.ScenarioDocument;
import org.mcsim.scenario.ScenarioException;

/** Reads and validates scenario files for the commands, printing every problem to stderr. */
final class ScenarioFiles {
    private ScenarioFiles() {
    }

    /**
     * A scenario file as given on the command line, with its document and validated model.
     *
     * @param variant the variant the model is of ({@code --variant}), or null for the scenario itself
     */
    record Loaded(String given, ScenarioDocument document, Scenario scenario, String variant) {
        Loaded(String given, ScenarioDocument document, Scenario scenario) {
            this(given, document, scenario, null);
        }
    }

    /**
     * Reads {@code given}, applies {@code overrides} and validates; prints the problems and
     * returns null when the file is invalid.
     */
    static Loaded load(String given, Map<String, Double> overrides, PrintWriter err, boolean debug) {
        try {
            ScenarioDocument doc = ScenarioDocument.read(Path.of(given), given);
            return new Loaded(given, doc, doc.build(overrides));
        } catch (ScenarioException | RuntimeException e) {
            // a fault of mcsim's own is said for this file too, so that the other files still run
            Failures.report(e, given, null, err, debug);
            return null;
        }
    }

    /**
     * Ends a command over several files: after more than one file, a line on stderr saying
     * which failed ({@code 2 of 5 scenarios failed: a.yaml, b.yaml}), in command-line order.
     *
     * @return the exit status: 1 if any failed, else 0
     */
    static int summarize(List<String> given, List<String> failed, PrintWriter err) {
        if (given.size() > 1 && !failed.isEmpty()) {
            List<String> names = failed.stream().sorted(java.util.Comparator.comparingInt(given::indexOf)).toList();
            err.println(failed.size() + " of " + given.size() + " scenarios failed: " + String.join(", ", names));
        }
        err.flush();
        return failed.isEmpty() ? 0 : 1;
    }

    /**
     * Refuses, before anything runs, the scenarios whose name another of {@code loaded} has
     * ({@code clash} says what would go wrong): one line for each, naming the other file and how
     * to resolve it. The others are unaffected.
     *
     * @return the refused scenarios (every file of each clashing name), in command-line order
     */
    static List<Loaded> clashingNames(List<Loaded> loaded, PrintWriter err, String clash) {
        Map<String, List<Loaded>> byName = new java.util.LinkedHashMap<>();
        for (Loaded l : loaded) {
            byName.computeIfAbsent(l.scenario().name(), k -> new java.util.ArrayList<>()).add(l);
        }
        List<Loaded> refused = new java.util.ArrayList<>();
        for (Loaded l : loaded) {
            List<Loaded> same = byName.get(l.scenario().name());
            if (same.size() > 1) {
                String others = String.join(", ", same.stream().filter(o -> o != l).map(Loaded::given).toList());
                err.println(l.given() + ": scenario name '" + l.scenario().name() + "' is also the name of "
                    + others + "; " + clash + " (give each a name of its own in its name: field); not run");
                refused.add(l);
            }
        }
        return refused;
    }
}
