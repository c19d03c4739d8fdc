package org.mcsim.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * discover.csv of a run folder ({@code claim,part,step,input,statistic,estimate,mc_low,mc_high};
 * docs/output-files.md), read into one {@link Discovered} per claim, in file order. The file is
 * shown only when its record says it belongs to the run ({@link Provenances}). Stateless.
 */
final class DiscoverFile {
    /** The file's name in the run folder. */
    static final String FILE = "discover.csv";

    private DiscoverFile() {
    }

    /** A statistic with its interval (undefined ends are {@link CsvNumber#UNDEFINED}). */
    record Value(CsvNumber estimate, CsvNumber low, CsvNumber high) {
        static final Value NONE = new Value(CsvNumber.UNDEFINED, CsvNumber.UNDEFINED, CsvNumber.UNDEFINED);

        double value() {
            return estimate.value();
        }
    }

    /** One box: the trajectory's step, or the chosen box; its statistics and its limits by input. */
    record Step(int step, Map<String, Value> statistics, Map<String, CsvNumber[]> limits) {
        Value get(String statistic) {
            return statistics.getOrDefault(statistic, Value.NONE);
        }
    }

    /**
     * What discover found for one claim.
     *
     * @param claim the claim
     * @param sample the {@code sample} rows by statistic
     * @param trajectory the peeling steps in file order
     * @param chosen the chosen box, or null when the file has none
     * @param inputs each input's {@code input} rows by statistic, inputs in file order
     */
    record Discovered(String claim, Map<String, Value> sample, List<Step> trajectory, Step chosen,
                      Map<String, Map<String, Value>> inputs) {
    }

    /**
     * Reads the folder's discover.csv when it belongs to the run.
     *
     * @param folder the run folder
     * @param info its run.json
     * @param notes receives a note when the file is left out or its origin is unknown
     * @return one entry per claim, empty when there is no file or it is left out
     * @throws ReportException if the file is malformed
     */
    static List<Discovered> read(Path folder, RunJson info, List<String> notes) throws ReportException {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        Provenances.Verdict v = Provenances.check(folder, info, FILE);
        if (v.note() != null) {
            notes.add(v.note());
        }
        if (!v.show()) {
            return List.of();
        }
        CsvTable table = CsvTable.read(file, List.of("claim", "part", "step", "input", "statistic"),
            List.of("estimate", "mc_low", "mc_high"), false);
        Map<String, Builder> byClaim = new LinkedHashMap<>();
        for (CsvTable.Line row : table.rows()) {
            byClaim.computeIfAbsent(row.text("claim"), Builder::new).add(row);
        }
        return byClaim.values().stream().map(Builder::build).toList();
    }

    /** Collects one claim's rows. */
    private static final class Builder {
        private final String claim;
        private final Map<String, Value> sample = new LinkedHashMap<>();
        private final Map<Integer, Step> trajectory = new LinkedHashMap<>();
        private Step chosen;
        private final Map<String, Map<String, Value>> inputs = new LinkedHashMap<>();

        Builder(String claim) {
            this.claim = claim;
        }

        void add(CsvTable.Line row) throws ReportException {
            Value value = new Value(row.decimal("estimate"), row.decimal("mc_low"), row.decimal("mc_high"));
            String statistic = row.text("statistic");
            String input = row.text("input");
            switch (row.text("part")) {
                case "sample" -> sample.put(statistic, value);
                case "trajectory" -> {
                    int step = (int) row.integer("step");
                    put(trajectory.computeIfAbsent(step, s -> new Step(s, new LinkedHashMap<>(),
                        new LinkedHashMap<>())), input, statistic, value);
                }
                case "box" -> {
                    if (chosen == null) {
                        chosen = new Step((int) row.integer("step"), new LinkedHashMap<>(), new LinkedHashMap<>());
                    }
                    put(chosen, input, statistic, value);
                }
                case "input" -> inputs.computeIfAbsent(input, k -> new LinkedHashMap<>()).put(statistic, value);
                default -> {
                    // a part this reader does not know (from a later mcsim) is not shown
                }
            }
        }

        private static void put(Step step, String input, String statistic, Value value) {
            if (input.isEmpty()) {
                step.statistics().put(statistic, value);
            } else if (statistic.equals("low") || statistic.equals("high")) {
                CsvNumber[] limits = step.limits().computeIfAbsent(input, k -> new CsvNumber[] {CsvNumber.UNDEFINED,
                    CsvNumber.UNDEFINED});
                limits[statistic.equals("low") ? 0 : 1] = value.estimate();
            }
        }

        Discovered build() {
            return new Discovered(claim, sample, List.copyOf(trajectory.values()), chosen, inputs);
        }
    }
}
