package org.mcsim.report;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Whether a file that another command added to the run folder ({@code sensitivity.csv},
 * {@code sweep.csv}, {@code sweep-claims.csv}, {@code solve.csv}) belongs to the run: its record
 * {@code FILE.json} (written beside it) must name the same scenario bytes, seed, method and
 * {@code --set} overrides and variant as {@code run.json} (a record without a variant is of the
 * scenario itself). A file that does not belong is left out of the
 * report with a note saying why; a file without a record (written by an older mcsim, or whose
 * writing was interrupted) is shown with a note that its origin is unknown. Stateless.
 */
final class Provenances {
    private Provenances() {
    }

    /** What the check found: whether to show the file, and the note to print, or null. */
    record Verdict(boolean show, String note) { }

    static Verdict check(Path folder, RunJson run, String file) {
        Path record = folder.resolve(file + ".json");
        if (!Files.exists(folder.resolve(file))) {
            return new Verdict(false, null);
        }
        if (!Files.isRegularFile(record)) {
            return new Verdict(true, file + " has no record of what produced it (" + file + ".json); it is shown, "
                + "but it may come from another scenario, seed, --set or variant than the run");
        }
        Map<?, ?> json;
        try {
            Object value = JSON.std.anyFrom(Files.readString(record, StandardCharsets.UTF_8));
            json = value instanceof Map<?, ?> m ? m : Map.of();
        } catch (java.io.IOException | RuntimeException e) {
            return new Verdict(false, file + " is not shown: its record " + file + ".json cannot be read");
        }
        List<String> differences = new ArrayList<>();
        compare(differences, "the scenario file's contents", text(json.get("scenario_sha256")),
            run.text("scenario_sha256"),
            false);
        compare(differences, "seed", text(json.get("seed")), run.text("seed"), true);
        compare(differences, "method", text(json.get("method")), run.text("method"), true);
        compare(differences, "--set", overrides(json.get("overrides")), overrides(run.raw("overrides")), true);
        compare(differences, "variant", text(json.get("variant")), run.text("variant"), true);
        if (differences.isEmpty()) {
            return new Verdict(true, null);
        }
        return new Verdict(false, file + " is not shown: it was computed with " + String.join(", ", differences)
            + "; run " + text(json.get("command")) + " again on this run's scenario and settings");
    }

    private static void compare(List<String> out, String what, String derived, String run, boolean quote) {
        if (!Objects.equals(derived, run)) {
            out.add(quote ? what + " " + shown(derived) + " (the run: " + shown(run) + ")" : "different " + what);
        }
    }

    private static String shown(String s) {
        return s.isEmpty() ? "none" : s;
    }

    private static String text(Object o) {
        return RunJson.describe(o);
    }

    /** The overrides as sorted {@code key=value} text; none is empty. */
    private static String overrides(Object o) {
        Map<String, String> sorted = new TreeMap<>();
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> sorted.put(String.valueOf(k), RunJson.describe(v)));
        }
        return String.join(", ", sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
}
