package org.mcsim.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> TOP_LEVEL = List.of("name", "description", "sources", "settings",
        "constants", "inputs", "formulas", "outputs", "claims", "correlations", "variants");

    private static final List<String> FUNCTIONS = Arrays.stream(Function.values()).map(Function::text)
        .collect(Collectors.toList());

    @Test
    void typosFindTheIntendedWord() {
        assertEquals("inputs", Suggestions.nearest("inptus", TOP_LEVEL));
        assertEquals("inputs", Suggestions.nearest("input", TOP_LEVEL));
        assertEquals("settings", Suggestions.nearest("setings", TOP_LEVEL));
        assertEquals("correlations", Suggestions.nearest("corelation", TOP_LEVEL));
        assertEquals("p_h800", Suggestions.nearest("p_h80", List.of("n_h800", "p_h800", "rent")));
        assertEquals("log", Suggestions.nearest("lg", FUNCTIONS));
        assertEquals("sqrt", Suggestions.nearest("sqr", FUNCTIONS));
        assertEquals("log10", Suggestions.nearest("log1O", FUNCTIONS));
    }

    @Test
    void distantWordsSuggestNothing() {
        assertNull(Suggestions.nearest("zzzz", List.of("inputs", "formulas")));
        assertNull(Suggestions.nearest("x", List.of("y")));
        assertNull(Suggestions.nearest("ab", List.of("cd")));
        assertNull(Suggestions.nearest("anything", List.of()));
        assertNull(Suggestions.nearest("q".repeat(10_000), List.of("q".repeat(9_999))));
    }

    @Test
    void theLimitGrowsWithTheWord() {
        // 12 letters: a limit of 4 edits
        assertEquals("abcdefghijkl", Suggestions.nearest("abcdXXXXijkl", List.of("abcdefghijkl")));
        assertNull(Suggestions.nearest("abcdXXXXXjkl", List.of("abcdefghijkl")));
        // short words: a limit of 2 edits
        assertEquals("abcd", Suggestions.nearest("abXY", List.of("abcd")));
        assertNull(Suggestions.nearest("aXYZ", List.of("abcd")));
    }

    @Test
    void tiesGoToTheEarlierCandidate() {
        assertEquals("ab", Suggestions.nearest("a", List.of("ab", "ac")));
        assertEquals("ac", Suggestions.nearest("a", List.of("ac", "ab")));
        assertEquals("abc", Suggestions.nearest("abc", List.of("abd", "abc")));
    }

    @Test
    void distanceIsOptimalStringAlignment() {
        assertEquals(0, Suggestions.distance("", ""));
        assertEquals(3, Suggestions.distance("", "abc"));
        assertEquals(1, Suggestions.distance("ab", "ba"));
        assertEquals(1, Suggestions.distance("inptus", "inputs"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        // OSA does not edit a transposed pair again (true Damerau–Levenshtein gives 2)
        assertEquals(3, Suggestions.distance("ca", "abc"));
    }
}
