package org.mcsim.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.mcsim.model.Method;
import org.mcsim.model.QuantileLevel;
import org.mcsim.model.Settings;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads {@code settings:} with its defaults (scenario-format.md): samples (integer &gt;= 1),
 * seed (any signed 64-bit integer), method, confidence in (0, 1), quantiles (each in
 * [1e-6, 1 − 1e-6], no duplicates, sorted ascending, labels computed from the text) and
 * histogram_bins (integer from 1 to {@value #MAX_BINS}). Not thread-safe (one per check).
 */
final class SettingsReader {

    static final int MAX_BINS = 1_000_000;
    /** The highest confidence level: Φ⁻¹((1 + c)/2) and Student's quantile stay finite below it. */
    static final double MAX_CONFIDENCE = 1 - 1e-12;
    private static final double MIN_LEVEL = 1e-6;

    private final Values values;
    private final Problems problems;

    SettingsReader(Values values) {
        this.values = values;
        this.problems = values.problems();
    }

    /** The settings, or null after reporting every problem. */
    Settings read(Map<String, Field> f) {
        Settings d = Settings.defaults();
        int before = problems.size();
        long samples = f.containsKey("samples") ? atLeastOne(f.get("samples"), Long.MAX_VALUE) : d.samples();
        long seed = f.containsKey("seed") ? values.integer("settings.seed", f.get("seed")) : d.seed();
        Method method = f.containsKey("method") ? method(f.get("method")) : d.method();
        double confidence = d.confidence();
        if (f.containsKey("confidence")) {
            Field c = f.get("confidence");
            confidence = values.number("settings.confidence", c);
            if (!(confidence > 0 && confidence < 1) && !Double.isNaN(confidence)) {
                problems.at(c.pos(), "settings.confidence: must be between 0 and 1 (both excluded), got "
                    + Problems.num(confidence));
            } else if (confidence > MAX_CONFIDENCE) {
                problems.at(c.pos(), "settings.confidence: must be at most 1 - 1e-12 (the intervals' "
                    + "quantiles are not finite doubles closer to 1), got " + Problems.num(confidence));
            }
        }
        List<QuantileLevel> quantiles = f.containsKey("quantiles") ? quantiles(f.get("quantiles")) : d.quantiles();
        long bins = f.containsKey("histogram_bins") ? atLeastOne(f.get("histogram_bins"), MAX_BINS) : d.histogramBins();
        if (problems.size() > before) {
            return null;
        }
        return new Settings(samples, seed, method, confidence, quantiles, (int) bins);
    }

    private long atLeastOne(Field f, long max) {
        String path = "settings." + f.key();
        long n = values.integer(path, f);
        if (n != Values.NO_INTEGER && (n < 1 || n > max)) {
            problems.at(f.pos(), path + ": " + (n < 1 ? "must be at least 1, got " : "must be at most " + max + ", got ") + n);
        }
        return n;
    }

    private Method method(Field f) {
        String text = Nodes.text(f.value());
        Method m = text == null ? null : Method.parse(text);
        if (m == null) {
            List<String> labels = java.util.Arrays.stream(Method.values()).map(Method::label).toList();
            problems.at(f.pos(), "settings.method: " + (text == null ? "must be one of random, lhs, sobol, not "
                + Nodes.kind(f.value()) : Nodes.unknown("method", text, labels)));
        }
        return m;
    }

    private List<QuantileLevel> quantiles(Field f) {
        List<Node> items = Nodes.items(f.value());
        List<QuantileLevel> out = new ArrayList<>();
        if (items == null || items.isEmpty()) {
            problems.at(f.pos(), "settings.quantiles: must be a non-empty list of levels such as [0.05, 0.5, 0.95]"
                + (items == null ? ", not " + Nodes.kind(f.value()) : ""));
            return out;
        }
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String label = "settings.quantiles[" + i + "]";
            double q = values.item(item, label, Pos.of(item));
            if (Double.isNaN(q)) {
                continue;
            }
            if (q < MIN_LEVEL || q > 1 - MIN_LEVEL) {
                problems.at(Pos.of(item), label + ": must be between 1e-6 and 1 - 1e-6, got " + Problems.num(q));
            } else if (out.stream().anyMatch(l -> l.q() == q)) {
                problems.at(Pos.of(item), label + ": " + Problems.num(q) + " is listed twice");
            } else {
                out.add(QuantileLevel.parse(Nodes.text(item)));
            }
        }
        out.sort(Comparator.comparingDouble(QuantileLevel::q));
        return out;
    }
}
