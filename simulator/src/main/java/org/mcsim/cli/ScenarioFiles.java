package org.mcsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
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
}
