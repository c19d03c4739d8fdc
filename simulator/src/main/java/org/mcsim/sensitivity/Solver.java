package org.mcsim.sensitivity;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.analysis.solvers.BisectionSolver;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.analysis.solvers.UnivariateSolver;
import org.mcsim.engine.Estimate;
import org.mcsim.engine.RunResult;
import org.mcsim.model.QuantileLevel;
import org.mcsim.model.Scenario;

/**
 * Finds the value of one parameter at which a target holds, on common random numbers: every
 * evaluation runs the scenario on the same random numbers, so the objective is a deterministic
 * function of the parameter and a bracketing root finder applies.
 *
 * <p>A mean or quantile moves continuously with a continuous parameter on a fixed sample, and is
 * solved by Brent's method (R. P. Brent, <i>Algorithms for Minimization without Derivatives</i>,
 * 1973, ch. 4; Commons Math {@link BrentSolver}). A claim's probability is a step function of
 * the parameter on a fixed sample (it moves by 1/n as each sample crosses the threshold), so it
 * is solved by bisection on the sign (Commons Math {@link BisectionSolver}): the root is where
 * the empirical probability crosses the target. Both locate the root to within
 * {@value #TOLERANCE}·(HI − LO). The same search on each end of the statistic's Monte Carlo
 * interval gives the root's interval.
 *
 * <p>Runs are cached by parameter value. Not thread-safe (one per call of {@link #solve}).
 */
public final class Solver {
    /** Largest error of the root, as a fraction of HI − LO. */
    public static final double TOLERANCE = 1e-6;

    private static final int MAX_EVALUATIONS = 200;

    private final PointRunner runner;
    private final String key;
    private final SolveTarget target;
    private final Map<Double, RunResult> cache = new HashMap<>();

    private Solver(Scenarios scenarios, String key, SolveTarget target, int threads) {
        Scenarios withLevel = target.level() == null ? scenarios
            : values -> withQuantile(scenarios.build(values), target.level());
        this.runner = new PointRunner(withLevel, threads);
        this.key = key;
        this.target = target;
    }

    /**
     * Solves {@code target} for the parameter {@code key} in [lo, hi].
     *
     * @param scenarios builds the scenario at a parameter value (settings applied)
     * @param key the varied key ({@code NAME.PARAM}, or a constant's {@code NAME})
     * @param lo the low end of the range
     * @param hi the high end, above {@code lo}
     * @param target the target
     * @param threads worker threads of each run
     * @return the root with its interval and the statistic achieved there
     * @throws PointException if a scenario is invalid, a run fails, or the target names nothing
     * @throws NoRootException if the target is on the same side at both ends
     */
    public static Solution solve(Scenarios scenarios, String key, double lo, double hi, SolveTarget target,
                                 int threads) throws PointException, NoRootException {
        if (!(lo < hi)) {
            throw new IllegalArgumentException("LO must be below HI, got " + lo + ":" + hi);
        }
        Solver s = new Solver(scenarios, key, target, threads);
        String problem = target.check(s.runner.scenario(Map.of(key, lo)));
        if (problem != null) {
            throw new PointException(List.of(problem), null);
        }
        return s.search(lo, hi);
    }

    private Solution search(double lo, double hi) throws PointException, NoRootException {
        double value = root(Estimate::value, lo, hi);
        if (Double.isNaN(value)) {
            double a = target.in(at(lo)).value();
            double b = target.in(at(hi)).value();
            throw new NoRootException(String.format(java.util.Locale.ROOT,
                "%s has no root for %s in [%s, %s]: %s = %s at %s=%s and %s at %s=%s",
                target.text(), key, PointRunner.plain(lo), PointRunner.plain(hi), target.statisticText(),
                a, key, PointRunner.plain(lo), b, key, PointRunner.plain(hi)), a, b);
        }
        double lowEndRoot = root(Estimate::low, lo, hi);
        double highEndRoot = root(Estimate::high, lo, hi);
        boolean increasing = target.in(at(hi)).value() > target.in(at(lo)).value();
        Estimate achieved = target.in(at(value));
        return new Solution(key, value, increasing ? highEndRoot : lowEndRoot,
            increasing ? lowEndRoot : highEndRoot, target, achieved, cache.size());
    }

    /** Where {@code end} of the statistic meets the target value, or NaN when it does not in [lo, hi]. */
    private double root(ToDoubleFunction<Estimate> end, double lo, double hi) throws PointException {
        double fLo = end.applyAsDouble(target.in(at(lo))) - target.value();
        double fHi = end.applyAsDouble(target.in(at(hi))) - target.value();
        if (Double.isNaN(fLo) || Double.isNaN(fHi)) {
            return Double.NaN;
        }
        if (fLo == 0 || fHi == 0) {
            return fLo == 0 ? lo : hi;
        }
        if ((fLo > 0) == (fHi > 0)) {
            return Double.NaN;
        }
        // Bisection returns the midpoint of a final bracket of width at most its accuracy; Brent's
        // last iterate lies within about twice its absolute accuracy of the sign change.
        double accuracy = TOLERANCE * (hi - lo);
        UnivariateSolver solver = target.statistic() == SolveTarget.Statistic.PROBABILITY
            ? new BisectionSolver(accuracy) : new BrentSolver(accuracy / 2);
        try {
            return solver.solve(MAX_EVALUATIONS, x -> {
                try {
                    return end.applyAsDouble(target.in(at(x))) - target.value();
                } catch (PointException e) {
                    throw new Failed(e);
                }
            }, lo, hi);
        } catch (Failed f) {
            throw f.cause;
        }
    }

    private RunResult at(double x) throws PointException {
        RunResult r = cache.get(x);
        if (r == null) {
            Map<String, Double> values = new LinkedHashMap<>();
            values.put(key, x);
            r = runner.run(values);
            cache.put(x, r);
        }
        return r;
    }

    /** The scenario with {@code level} among its quantiles, so the targeted quantile is computed. */
    static Scenario withQuantile(Scenario s, QuantileLevel level) {
        return s.withSettings(s.settings().withQuantile(level));
    }

    /** Carries a failed evaluation out of the solver's function. */
    private static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient PointException cause;

        Failed(PointException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
