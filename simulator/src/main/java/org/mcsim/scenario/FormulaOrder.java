package org.mcsim.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.mcsim.expr.Expr;
import org.mcsim.scenario.Expressions.Parsed;

/**
 * The evaluation order of formulas, and their cycles.
 *
 * <p>Kahn's algorithm (A. B. Kahn, "Topological sorting of large networks", CACM 5(11), 1962)
 * with a priority queue on file position, so that among the formulas whose inputs are ready
 * the earliest in the file comes first. Formulas left over depend on a cycle or lie on one;
 * each cycle is found by walking from a left-over formula along its first left-over dependency
 * until a formula repeats (every left-over formula has one, else it would have been placed),
 * and is reported once, at the key of its earliest formula, as
 * {@code formula a: cycle a -> b -> c -> a} (each uses the next). Linear in formulas plus
 * references; iterative. Stateless; thread-safe.
 */
final class FormulaOrder {

    private FormulaOrder() {
    }

    /** The order, or null after reporting every cycle. */
    static List<String> of(List<Parsed> formulas, Map<String, Field> written, Problems problems) {
        int n = formulas.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(formulas.get(i).name(), i);
        }
        List<List<Integer>> uses = new ArrayList<>();
        List<List<Integer>> usedBy = new ArrayList<>();
        int[] pending = new int[n];
        for (int i = 0; i < n; i++) {
            usedBy.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            LinkedHashSet<Integer> deps = new LinkedHashSet<>();
            for (Expr.Ref r : formulas.get(i).refs()) {
                Integer j = index.get(r.name());
                if (j != null) {
                    deps.add(j);
                }
            }
            uses.add(new ArrayList<>(deps));
            pending[i] = deps.size();
        }
        for (int i = 0; i < n; i++) {
            for (int j : uses.get(i)) {
                usedBy.get(j).add(i);
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order.add(formulas.get(i).name());
            for (int k : usedBy.get(i)) {
                if (--pending[k] == 0) {
                    ready.add(k);
                }
            }
        }
        if (order.size() == n) {
            return order;
        }
        reportCycles(formulas, written, uses, pending, problems);
        return null;
    }

    private static void reportCycles(List<Parsed> formulas, Map<String, Field> written,
                                     List<List<Integer>> uses, int[] pending, Problems problems) {
        int n = formulas.size();
        boolean[] done = new boolean[n];
        int[] walkOf = new int[n];
        int[] step = new int[n];
        java.util.Arrays.fill(walkOf, -1);
        for (int s = 0; s < n; s++) {
            if (pending[s] == 0 || done[s]) {
                continue;
            }
            List<Integer> walk = new ArrayList<>();
            int at = s;
            while (!done[at] && walkOf[at] != s) {
                walkOf[at] = s;
                step[at] = walk.size();
                walk.add(at);
                at = firstPending(uses.get(at), pending);
            }
            if (!done[at]) {
                report(formulas, written, walk.subList(step[at], walk.size()), problems);
            }
            walk.forEach(w -> done[w] = true);
        }
    }

    private static int firstPending(List<Integer> deps, int[] pending) {
        for (int j : deps) {
            if (pending[j] > 0) {
                return j;
            }
        }
        throw new IllegalStateException("a left-over formula uses only placed formulas");
    }

    /** Reports the cycle starting from its earliest formula in the file. */
    private static void report(List<Parsed> formulas, Map<String, Field> written, List<Integer> cycle,
                               Problems problems) {
        int first = 0;
        for (int k = 1; k < cycle.size(); k++) {
            if (cycle.get(k) < cycle.get(first)) {
                first = k;
            }
        }
        StringBuilder names = new StringBuilder();
        for (int k = 0; k <= cycle.size(); k++) {
            names.append(k == 0 ? "" : " -> ").append(formulas.get(cycle.get((first + k) % cycle.size())).name());
        }
        String start = formulas.get(cycle.get(first)).name();
        problems.at(written.get(start).pos(), "formula " + start + ": cycle " + names);
    }
}
