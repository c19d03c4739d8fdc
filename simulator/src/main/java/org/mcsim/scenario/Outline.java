package org.mcsim.scenario;

import java.util.List;
import java.util.Map;

/**
 * The scenario as written: every key and scalar with its position, numbers still as text, so
 * that {@code --set} overrides apply to the written parameterization before anything is
 * checked or converted. Built by {@link OutlineReader}; immutable once built.
 *
 * @param name the scenario name, or null when missing or invalid (already reported)
 * @param description the description, empty when absent
 * @param sources citations in file order
 * @param settings the {@code settings:} entries
 * @param constants the {@code constants:} entries, in file order
 * @param inputs the inputs, in file order
 * @param formulas the {@code formulas:} entries, in file order
 * @param outputs the {@code outputs:} entry, or null
 * @param claims the {@code claims:} entries, in file order
 * @param correlations the {@code correlations:} entry, or null
 * @param variants the variants, in file order
 * @param indexing the declared indexes and the indexed inputs and constants (whose entries in
 *     {@code constants} and {@code inputs} are already expanded per element)
 * @param includedLines the lines of each included file, by its displayed name
 */
record Outline(String name, String description, List<String> sources, Map<String, Field> settings,
               Map<String, Field> constants, Map<String, WrittenInput> inputs,
               Map<String, Field> formulas, Field outputs, Map<String, Field> claims,
               Field correlations, Map<String, WrittenVariant> variants, Indexing indexing,
               Map<String, String[]> includedLines) {

    /** The same outline with some inputs replaced (a variant's distributions), in place. */
    Outline withInputs(Map<String, WrittenInput> replaced) {
        if (replaced.isEmpty()) {
            return this;
        }
        Map<String, WrittenInput> in = new java.util.LinkedHashMap<>(inputs);
        in.replaceAll((k, v) -> replaced.getOrDefault(k, v));
        return new Outline(name, description, sources, settings, constants, in, formulas, outputs, claims,
            correlations, variants, indexing, includedLines);
    }

    /**
     * An input as written.
     *
     * @param name its name
     * @param pos where its key is
     * @param dist its distribution, or null when it could not be read (already reported)
     * @param unit optional text
     * @param description optional text
     * @param source optional text
     */
    record WrittenInput(String name, Pos pos, WrittenDist dist, String unit, String description,
                        String source) { }

    /**
     * A distribution as written (of an input or of a mixture component).
     *
     * @param label the {@code --set} prefix and message prefix: {@code x} or {@code x.components.0}
     * @param pos where the input's key (or the component's item) is
     * @param family the family
     * @param alt the index of the parameterization written, or -1 when none could be chosen
     * @param params the parameter entries (numbers, lists, file and column), in file order
     * @param components the components of a mixture, else empty
     * @param truncate the {@code truncate:} entry, or null
     */
    record WrittenDist(String label, Pos pos, Family family, int alt, Map<String, Field> params,
                       List<WrittenComponent> components, Field truncate) { }

    /**
     * A mixture component as written.
     *
     * @param weight the {@code weight:} entry, or null when missing (already reported)
     * @param dist its distribution, or null when it could not be read (already reported)
     */
    record WrittenComponent(Field weight, WrittenDist dist) { }

    /**
     * A variant as written.
     *
     * @param name its name
     * @param pos where its key is
     * @param overrides its entries, keys exactly as {@code --set} takes them
     */
    record WrittenVariant(String name, Pos pos, Map<String, Field> overrides) { }
}
