package org.mcsim.scenario;

import java.util.List;

/**
 * A declared index: a named, ordered list of elements over which inputs, constants, formulas and
 * claims may be indexed ({@code gpu: [a100, h800]}, {@code year: 2021..2024}).
 *
 * @param name the index's name
 * @param pos where its key is
 * @param elements the elements' names, in order (for a range, the integers as text)
 * @param first the first integer of a range; unused for a list
 * @param range whether it was written as an integer range {@code A..B}
 */
record Index(String name, Pos pos, List<String> elements, long first, boolean range) {

    Index {
        elements = List.copyOf(elements);
    }

    /** The number of elements. */
    int size() {
        return elements.size();
    }

    /** The 0-based position of an element, or -1. */
    int position(String element) {
        return elements.indexOf(element);
    }

    /**
     * The value the index's name takes at an element in an expression: the integer itself for a
     * range (2021), the 1-based position for a list.
     */
    double value(int position) {
        return range ? first + position : position + 1;
    }
}
