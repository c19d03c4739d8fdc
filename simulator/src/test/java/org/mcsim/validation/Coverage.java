package org.mcsim.validation;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mcsim.engine.Estimate;
import org.mcsim.engine.RunFailedException;
import org.mcsim.engine.RunResult;
import org.mcsim.expr.Expr;
import org.mcsim.expr.Exprs;
import org.mcsim.model.Method;
import org.mcsim.model.Scenario;

/**
 * Measures interval coverage: runs a case with seeds 1..S and counts, for each check that enters
 * coverage, the runs whose 95% interval contains the exact value. The seeds are fixed, so the
 * measured fractions are the same on every machine.
 */
final class Coverage {
    /** Coverage must lie in this band. */
    static final double LOW = 0.92;
    static final double HIGH = 0.98;

    private Coverage() {
    }

    /** Fraction of seeds whose interval covers the truth, per covered check (in the case's order). */
    static Map<Check, Double> measure(ClosedFormCase c, Path dir, Method method, int seeds, long n)
        throws Exception {
        Scenario s = ClosedFormValidationTest.prepare(c, dir);
        List<Check> checks = c.checks().stream().filter(Check::covered).toList();
        int[] covered = new int[checks.size()];
        for (int seed = 1; seed <= seeds; seed++) {
            RunResult r = run(s, method, seed, n);
            for (int k = 0; k < checks.size(); k++) {
                Estimate e = CaseRun.estimate(r, checks.get(k));
                double truth = checks.get(k).truth();
                if (e.low() <= truth && truth <= e.high()) {
                    covered[k]++;
                }
            }
        }
        Map<Check, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < checks.size(); k++) {
            out.put(checks.get(k), covered[k] / (double) seeds);
        }
        return out;
    }

    private static RunResult run(Scenario s, Method method, long seed, long n) throws RunFailedException {
        return CaseRun.run(s, method, seed, n, 1);
    }

    /**
     * The checks whose coverage lies outside [LOW, HIGH], described; empty when all are inside.
     * Under {@code lhs} and {@code sobol} a statistic of one input alone is stratified: its
     * estimate is then nearly exact (a claim's count is one of the two integers around its
     * expectation), and the engine's intervals are deliberately conservative there (Popoviciu's
     * floor for claims, the type-5 and divisor extensions for quantiles and sds), so only the
     * lower bound applies to it: such an interval must not be overconfident. The same holds for
     * every mean and sd under {@code lhs} and {@code sobol} in these runs, all below 20,480 samples:
     * there the engine joins the replicate interval with the plain Monte Carlo one, which is
     * honest but wider than these methods' error (docs/intervals.md, "Small samples").
     */
    static String outside(ClosedFormCase c, Scenario s, Method method, Map<Check, Double> coverage) {
        StringBuilder sb = new StringBuilder();
        coverage.forEach((check, f) -> {
            boolean joined = check.statistic().equals("mean") || check.statistic().equals("sd");
            double high = method != Method.RANDOM && (joined || inputsUsed(s, check).size() == 1) ? 1 : HIGH;
            if (!(f >= LOW && f <= high)) {
                sb.append(String.format("%s under %s: %s covered %.4f%n", c, method.label(), check, f));
            }
        });
        return sb.toString();
    }

    /** The inputs a check's variable or claim depends on, directly or through formulas. */
    static Set<String> inputsUsed(Scenario s, Check check) {
        Expr root = check.statistic().equals("P")
            ? s.claims().stream().filter(cl -> cl.name().equals(check.variable())).findFirst().orElseThrow().expr()
            : s.formula(check.variable()) != null ? s.formula(check.variable()).expr() : null;
        Set<String> inputs = new TreeSet<>();
        if (root == null) {
            inputs.add(check.variable());
            return inputs;
        }
        Deque<Expr> work = new ArrayDeque<>(List.of(root));
        while (!work.isEmpty()) {
            for (Expr.Ref ref : Exprs.references(work.pop())) {
                if (s.formula(ref.name()) != null) {
                    work.push(s.formula(ref.name()).expr());
                } else if (s.input(ref.name()) != null) {
                    inputs.add(ref.name());
                }
            }
        }
        return inputs;
    }

    /** One line per check: the table the heavy profile prints. */
    static String table(ClosedFormCase c, Method method, Map<Check, Double> coverage) {
        StringBuilder sb = new StringBuilder();
        coverage.forEach((check, f) -> sb.append(String.format("coverage %-32s %-6s %-16s %.4f%n", c,
            method.label(), check, f)));
        return sb.toString();
    }
}
