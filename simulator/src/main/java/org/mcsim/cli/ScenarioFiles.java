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

    /** A scenario file as given on the command line, with its document and validated model. */
    record Loaded(String given, ScenarioDocument document, Scenario scenario) { }

    /**
     * Reads {@code given}, applies {@code overrides} and validates; prints the problems and
     * returns null when the file is invalid.
     */
    static Loaded load(String given, Map<String, Double> overrides, PrintWriter err, boolean debug) {
        try {
            ScenarioDocument doc = ScenarioDocument.read(Path.of(given), given);
            return new Loaded(given, doc, doc.build(overrides));
        } catch (ScenarioException e) {
            e.lines().forEach(err::println);
            if (debug) {
                e.printStackTrace(err);
            }
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
     * Refuses, before anything runs, two scenarios with the same name ({@code clash} says what
     * would go wrong); prints one line per clash.
     */
    static boolean uniqueNames(List<Loaded> loaded, PrintWriter err, String clash) {
        Map<String, String> seen = new java.util.HashMap<>();
        boolean ok = true;
        for (Loaded l : loaded) {
            String first = seen.putIfAbsent(l.scenario().name(), l.given());
            if (first != null) {
                err.println(l.given() + ": scenario name '" + l.scenario().name()
                    + "' is also the name of " + first + "; " + clash);
                ok = false;
            }
        }
        return ok;
    }
}
