package org.mcsim.expr;

import java.util.Collection;

/**
 * "Did you mean" suggestions for unknown names and keys.
 *
 * <p>The distance is the optimal string alignment distance, the restricted form of the
 * Damerau–Levenshtein distance: insertions, deletions, substitutions and transpositions of two
 * adjacent characters cost one each, and no substring is edited twice (F. J. Damerau, "A
 * technique for computer detection and correction of spelling errors", CACM 7(3), 1964;
 * G. Navarro, "A guided tour to approximate string matching", ACM Computing Surveys 33(1),
 * 2001, section 3). Stateless and thread-safe.
 */
public final class Suggestions {

    /** Longest word or candidate that is compared at all. */
    static final int MAX_LENGTH = 200;

    private Suggestions() {
    }

    /**
     * The candidate nearest to {@code word}, or null when none is near enough.
     *
     * <p>A candidate is near enough when its distance is at most {@code max(2, length / 3)}
     * (length of {@code word}) and is less than the longer of the two lengths, so that a
     * suggestion always keeps something of what was typed ({@code x} does not suggest
     * {@code y}). Ties go to the earlier candidate in iteration order. Words or candidates
     * longer than {@value #MAX_LENGTH} chars are never compared, which keeps hostile input fast.
     *
     * @param word the unknown word as written
     * @param candidates the known words, in the order that breaks ties
     * @return the nearest candidate, or null
     */
    public static String nearest(String word, Collection<String> candidates) {
        int limit = Math.max(2, word.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        if (word.length() > MAX_LENGTH) {
            return null;
        }
        for (String candidate : candidates) {
            if (candidate.length() > MAX_LENGTH
                || Math.abs(candidate.length() - word.length()) > limit) {
                continue;
            }
            int d = distance(word, candidate);
            if (d < bestDistance && d <= limit && d < Math.max(word.length(), candidate.length())) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /**
     * The optimal string alignment distance between two strings, by the dynamic programme of
     * Wagner and Fischer extended with adjacent transpositions; O(|a|·|b|) time.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
                    && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }
}
