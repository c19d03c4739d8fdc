package org.mcsim.report;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The contents of {@code run.json} (cli.md, "run"): the run's metadata and what the scenario says
 * about its inputs. Every key is optional here: a missing one reads as empty, so the report omits
 * that part rather than failing. Immutable and thread-safe.
 */
final class RunJson {
    /** What run.json says about one input; empty strings where absent. */
    record InputInfo(String unit, String description, String source, String distribution, String written) { }

    private final Map<String, Object> json;

    private RunJson(Map<String, Object> json) {
        this.json = Collections.unmodifiableMap(json);
    }

    /**
     * Reads the file.
     *
     * @param file the run.json file
     * @return its contents
     * @throws ReportException if it cannot be read or is not a JSON object
     */
    static RunJson read(Path file) throws ReportException {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Object value = JSON.std.anyFrom(text);
            if (!(value instanceof Map<?, ?> map)) {
                throw new ReportException(file + ": expected a JSON object");
            }
            Map<String, Object> json = new LinkedHashMap<>();
            map.forEach((k, v) -> json.put(String.valueOf(k), v));
            return new RunJson(json);
        } catch (ReportException e) {
            throw e;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ReportException(file + ": cannot read: " + CsvTable.reason(e));
        } catch (IOException | RuntimeException e) {
            // The JSON reader's message names its own settings ([Source: REDACTED ...]); its last
            // position (line: L, column: C) is what the user needs.
            java.util.regex.Matcher at = java.util.regex.Pattern.compile("line: ([0-9]+), column: ([0-9]+)")
                .matcher(String.valueOf(e.getMessage()));
            String where = "";
            while (at.find()) {
                where = ":" + at.group(1) + ":" + at.group(2);
            }
            if (where.isEmpty() && e.getClass().getName().startsWith("java.")) {
                throw new ReportException(file + ": cannot read: " + CsvTable.reason(e)); // an I/O failure
            }
            throw new ReportException(file + where + ": not valid JSON");
        }
    }

    /**
     * A top-level value as text: strings as they are, numbers and booleans in their JSON form,
     * lists joined with commas, anything else in a compact form.
     *
     * @param key the key
     * @return the text, empty when absent or null
     */
    String text(String key) {
        return describe(json.get(key));
    }

    /**
     * A top-level list of strings.
     *
     * @param key the key
     * @return its items as text, empty when absent or not a list
     */
    List<String> texts(String key) {
        if (json.get(key) instanceof List<?> list) {
            return list.stream().map(RunJson::describe).collect(Collectors.toUnmodifiableList());
        }
        return List.of();
    }

    /**
     * A top-level number.
     *
     * @param key the key
     * @return its value, NaN when absent or not a number
     */
    double number(String key) {
        return json.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** The scenario's constants by name ({@code constants}), empty when absent. */
    Map<String, Double> constants() {
        Map<String, Double> constants = new LinkedHashMap<>();
        if (json.get("constants") instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (v instanceof Number n) {
                    constants.put(String.valueOf(k), n.doubleValue());
                }
            });
        }
        return constants;
    }

    /** A top-level value as read, or null. */
    Object raw(String key) {
        return json.get(key);
    }

    /**
     * The inputs, in file order.
     *
     * @return input name to what run.json says about it; empty when absent
     */
    Map<String, InputInfo> inputs() {
        Map<String, InputInfo> inputs = new LinkedHashMap<>();
        if (json.get("inputs") instanceof Map<?, ?> map) {
            map.forEach((name, value) -> {
                Map<?, ?> fields = value instanceof Map<?, ?> m ? m : Map.of();
                inputs.put(String.valueOf(name), new InputInfo(describe(fields.get("unit")),
                    describe(fields.get("description")), describe(fields.get("source")),
                    describe(fields.get("distribution")), describe(fields.get("written"))));
            });
        }
        return inputs;
    }

    /**
     * Compact text of a JSON value: a distribution object {@code {"dist": "uniform", "min": 1,
     * "max": 2}} reads {@code uniform(min=1, max=2)}; integral numbers lose their {@code .0}.
     */
    static String describe(Object value) {
        if (value == null) {
            return "";
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : value.toString();
        } else if (value instanceof List<?> list) {
            return list.stream().map(RunJson::describe).collect(Collectors.joining(", ", "[", "]"));
        } else if (value instanceof Map<?, ?> map) {
            Object dist = map.get("dist");
            String fields = map.entrySet().stream().filter(e -> !"dist".equals(e.getKey()))
                .map(e -> e.getKey() + "=" + describe(e.getValue()))
                .collect(Collectors.joining(", "));
            return dist == null ? "{" + fields + "}" : describe(dist) + "(" + fields + ")";
        }
        return value.toString();
    }
}
