package org.mcsim.sensitivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mcsim.engine.BlockExecutor;
import org.mcsim.engine.Engine;
import org.mcsim.engine.Estimate;
import org.mcsim.engine.Plan;
import org.mcsim.engine.RunFailedException;
import org.mcsim.engine.Streams;
import org.mcsim.engine.UniformSource;
import org.mcsim.model.Dist;
import org.mcsim.model.Input;
import org.mcsim.model.Scenario;

/**
 * The sensitivity of one output to each uncertain input (an input whose law is not
 * {@code constant}).
 *
 * <p>Rank correlations and tornado ends come from a plain run of N samples with the scenario's
 * own method and correlations. Sobol indices come from the Saltelli design (A. Saltelli,
 * "Making best use of model evaluations to compute sensitivity indices", Computer Physics
 * Communications 145, 2002; Saltelli et al. 2010): two independent N×k matrices of uniforms A
 * and B ({@link DesignUniforms}, keyed by seed and input name) and, for each input i, A with
 * column i from B, each mapped through the inputs' quantile functions by the engine: N·(k+2)
 * evaluations. Variance-based indices assume independent inputs, so with correlations they are
 * left out and the result says why.
 *
 * <p>Stateless; the runs use the given number of threads and do not depend on it.
 */
public final class SensitivityAnalysis {
    private SensitivityAnalysis() {
    }

    /**
     * Analyses {@code output}.
     *
     * @param plan the compiled scenario (its seed and confidence are used)
     * @param output a formula or output of the scenario
     * @param which the indices asked for
     * @param n the base sample size N
     * @param threads worker threads
     * @return the indices, ordered as sensitivity.csv lists them
     * @throws RunFailedException if a run fails, the output is constant, or no input is uncertain
     */
    public static SensitivityResult run(Plan plan, String output, Indices which, long n, int threads)
        throws RunFailedException {
        try (BlockExecutor local = BlockExecutor.local(threads)) {
            return run(plan, output, which, n, local);
        }
    }

    /**
     * As {@link #run(Plan, String, Indices, long, int)}, with every design's blocks computed by
     * {@code executor}; a remote executor needs a plan with a source.
     */
    public static SensitivityResult run(Plan plan, String output, Indices which, long n, BlockExecutor executor)
        throws RunFailedException {
        if (!Plan.variableNames(plan.scenario()).contains(output)) {
            throw new IllegalArgumentException("unknown variable: " + output);
        }
        return analyse(plan, new Subject(output, null), which, n, executor);
    }

    /**
     * Analyses a claim's indicator (1 where the claim holds, 0 elsewhere): its Sobol indices, its
     * rank correlation with each input, and the tornado of P(claim), the claim's probability
     * where the input is in its lowest and highest tenth. The indicator is computed from the
     * variables the claim names, so every number equals what the same analysis gives for a
     * formula {@code (CLAIM) != 0} written by hand, except that the tornado's ends are the
     * proportions hits/n with Wilson's interval (a Student interval collapses to a point where a
     * tail holds the claim in every sample or in none). The result's output is {@code P(NAME)}.
     *
     * @param plan the compiled scenario (its seed and confidence are used)
     * @param claim a claim of the scenario
     * @param which the indices asked for
     * @param n the base sample size N
     * @param threads worker threads
     * @return the indices, ordered as sensitivity.csv lists them
     * @throws RunFailedException if a run fails, the claim holds in every sample or in none, or
     *     no input is uncertain
     */
    public static SensitivityResult runClaim(Plan plan, String claim, Indices which, long n, int threads)
        throws RunFailedException {
        try (BlockExecutor local = BlockExecutor.local(threads)) {
            return runClaim(plan, claim, which, n, local);
        }
    }

    /**
     * As {@link #runClaim(Plan, String, Indices, long, int)}, with every design's blocks
     * computed by {@code executor}; a remote executor needs a plan with a source.
     */
    public static SensitivityResult runClaim(Plan plan, String claim, Indices which, long n,
                                             BlockExecutor executor) throws RunFailedException {
        return analyse(plan, new Subject(null, ClaimIndicator.of(plan.scenario(), claim)), which, n, executor);
    }

    private static SensitivityResult analyse(Plan plan, Subject subject, Indices which, long n,
                                             BlockExecutor executor) throws RunFailedException {
        Scenario s = plan.scenario();
        List<Input> inputs = s.inputs().stream().filter(i -> !(i.dist() instanceof Dist.Constant)).toList();
        if (inputs.isEmpty()) {
            throw new RunFailedException("no input is uncertain; sensitivity needs at least one");
        }
        if (subject.claim() != null && subject.variables().isEmpty()) {
            throw new RunFailedException("claim " + subject.claim().claim().name()
                + " names no input or formula: it is the same in every sample, and nothing moves its probability");
        }
        double confidence = s.settings().confidence();
        boolean sobol = which.sobol() && s.correlations().isEmpty();
        String note = which.sobol() && !sobol ? correlatedNote(s) : null;
        boolean rank = which.rank() || which == Indices.SOBOL && !sobol;
        boolean tornado = which.tornado() || which == Indices.SOBOL && !sobol;
        Estimate[][] plain = null;
        double mean = Double.NaN;
        long evaluations = 0;
        if (rank || tornado) {
            List<String> names = new ArrayList<>(inputs.stream().map(Input::name).toList());
            names.addAll(subject.variables());
            double[][] v = Engine.values(plan, n, executor, null, names);
            double[] y = subject.values(v, inputs.size());
            mean = subject.requireSpread(y, y);
            plain = plainIndices(v, y, inputs.size(), rank, tornado, subject.claim() != null, confidence);
            evaluations += n;
        }
        SobolIndices si = null;
        if (sobol) {
            si = saltelli(plan, subject, inputs, n, executor);
            evaluations += n * (inputs.size() + 2);
        }
        List<InputIndices> rows = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            rows.add(new InputIndices(inputs.get(i).name(),
                rank ? plain[i][0] : null, tornado ? plain[i][1] : null, tornado ? plain[i][2] : null,
                si != null ? si.first(i) : null, si != null ? si.total(i) : null));
        }
        rows.sort(order(si != null, rank));
        return new SensitivityResult(subject.label(), mean, rows, note, evaluations,
            subject.claim() == null ? null : subject.claim().claim().name());
    }

    /**
     * What is analysed: an output's values, or a claim's indicator computed from the variables
     * the claim names (exactly one of the two is set).
     */
    private record Subject(String output, ClaimIndicator claim) {
        /** The output's name, or {@code P(CLAIM)}. */
        String label() {
            return claim == null ? output : "P(" + claim.claim().name() + ")";
        }

        /** The variables to ask the engine for. */
        List<String> variables() {
            return claim == null ? List.of(output) : claim.variables();
        }

        /** The subject's values from the engine's columns, {@link #variables()} starting at {@code from}. */
        double[] values(double[][] columns, int from) {
            if (claim == null) {
                return columns[from];
            }
            return claim.values(List.of(columns).subList(from, columns.length), columns[from].length);
        }

        /** The mean of y and z together; a constant output, or a claim that never or always holds, is refused. */
        double requireSpread(double[] y, double[] z) throws RunFailedException {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (double[] a : new double[][] {y, z}) {
                for (double v : a) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                    sum += v;
                }
            }
            if (lo == hi && claim != null) {
                throw new RunFailedException("claim " + claim.claim().name() + " holds in "
                    + (lo == 0 ? "no" : "every") + " sample; what moves its probability is undefined");
            }
            if (lo == hi) {
                throw new RunFailedException("output " + output + " is constant (" + lo
                    + " in every sample); its sensitivity to the inputs is undefined");
            }
            return sum / (y.length + z.length);
        }
    }

    /** Per input: {rank correlation, mean_low, mean_high} (null where not asked). */
    private static Estimate[][] plainIndices(double[][] v, double[] y, int inputs, boolean rank, boolean tornado,
                                             boolean indicator, double confidence) {
        Estimate[][] out = new Estimate[inputs][3];
        for (int i = 0; i < out.length; i++) {
            if (rank) {
                out[i][0] = RankCorrelation.of(v[i], y, confidence);
            }
            if (tornado) {
                Estimate[] ends = indicator ? Tornado.shares(v[i], y, confidence) : Tornado.ends(v[i], y, confidence);
                out[i][1] = ends[0];
                out[i][2] = ends[1];
            }
        }
        return out;
    }

    private static SobolIndices saltelli(Plan plan, Subject subject, List<Input> inputs, long n,
                                         BlockExecutor executor)
        throws RunFailedException {
        long seed = plan.scenario().settings().seed();
        List<Input> all = plan.scenario().inputs();
        long[] keyA = new long[all.size()];
        long[] keyB = new long[all.size()];
        for (int i = 0; i < all.size(); i++) {
            keyA[i] = DesignUniforms.key(seed, 0, Streams.key(all.get(i).name()));
            keyB[i] = DesignUniforms.key(seed, 1, Streams.key(all.get(i).name()));
        }
        List<String> out = subject.variables();
        double[] fA = subject.values(Engine.values(plan, n, executor, matrix(keyA, keyB, -1), out), 0);
        double[] fB = subject.values(Engine.values(plan, n, executor, matrix(keyB, keyB, -1), out), 0);
        subject.requireSpread(fA, fB);
        double[][] fAB = new double[inputs.size()][];
        for (int i = 0; i < inputs.size(); i++) {
            int column = all.indexOf(inputs.get(i));
            fAB[i] = subject.values(Engine.values(plan, n, executor, matrix(keyA, keyB, column), out), 0);
        }
        return SobolIndices.estimate(fA, fB, fAB, plan.scenario().settings().confidence(),
            DesignUniforms.mix(seed ^ 0xB0075L));
    }

    /** Matrix A (keys {@code a}) with column {@code fromB} taken from B; -1 for none. */
    private static UniformSource matrix(long[] a, long[] b, int fromB) {
        return (input, first, u, count) -> DesignUniforms.fill(input == fromB ? b[input] : a[input], first, u, count);
    }

    private static String correlatedNote(Scenario s) {
        List<String> pairs = s.correlations().stream()
            .map(c -> c.a() + "~" + c.b()).toList();
        return "inputs are correlated (" + String.join(", ", pairs) + "): first-order and total Sobol indices "
            + "assume independent inputs and are left out; rank correlations and tornado ends are given";
    }

    /** Decreasing total index, else decreasing |rank correlation|, else decreasing swing; NaN last. */
    private static Comparator<InputIndices> order(boolean sobol, boolean rank) {
        Comparator<InputIndices> byKey = Comparator.comparingDouble(r -> {
            double key = sobol ? r.sobolTotal().value() : rank ? Math.abs(r.rankCorrelation().value()) : r.swing();
            return Double.isNaN(key) ? Double.POSITIVE_INFINITY : -key;
        });
        return byKey;
    }
}
