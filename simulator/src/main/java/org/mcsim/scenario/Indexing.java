package org.mcsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The indexes a scenario declares and the inputs and constants indexed by them.
 *
 * <p>An indexed variable is expanded into one scalar variable per element, named
 * {@code base[e1,e2]} (the elements in the order of the variable's indexes), so that the model,
 * the engine, its random streams (keyed by that name), correlations, {@code --set} and every
 * output see ordinary scalar variables. Immutable.
 *
 * @param indexes the declared indexes, in file order
 * @param variables the indexed inputs and constants by base name
 * @param broken the base names of indexed inputs and constants whose indexes could not be read
 *     (already reported; expressions that use them are not checked against indexes)
 */
record Indexing(Map<String, Index> indexes, Map<String, Variable> variables, Set<String> broken) {

    /** The empty indexing of a scenario without {@code indexes:}. */
    static final Indexing NONE = new Indexing(Map.of(), Map.of(), Set.of());

    /**
     * An indexed input or constant.
     *
     * @param name its base name
     * @param pos where its key is
     * @param dims its indexes, in the order written
     * @param shared for an input, whether one draw is shared by every element
     */
    record Variable(String name, Pos pos, List<Index> dims, boolean shared) { }

    /** The expanded name of one element: {@code base[e1,e2]}, or {@code base} without indexes. */
    static String elementName(String base, List<String> elements) {
        return elements.isEmpty() ? base : base + "[" + String.join(",", elements) + "]";
    }

    /** Every combination of elements of {@code dims}, the last index varying fastest. */
    static List<List<String>> combinations(List<Index> dims) {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of());
        for (Index d : dims) {
            List<List<String>> next = new ArrayList<>(out.size() * d.size());
            for (List<String> prefix : out) {
                for (String e : d.elements()) {
                    List<String> c = new ArrayList<>(prefix);
                    c.add(e);
                    next.add(List.copyOf(c));
                }
            }
            out = next;
        }
        return out;
    }

    /** The number of combinations of {@code dims}, saturating at {@link Long#MAX_VALUE}. */
    static long count(List<Index> dims) {
        long n = 1;
        for (Index d : dims) {
            n = Math.multiplyHigh(n, d.size()) != 0 ? Long.MAX_VALUE : n * d.size();
        }
        return n;
    }
}
