package org.mcsim.discover;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mcsim.engine.Engine;
import org.mcsim.engine.Estimate;
import org.mcsim.engine.Plan;
import org.mcsim.engine.RunFailedException;
import org.mcsim.model.Claim;
import org.mcsim.model.Dist;
import org.mcsim.model.Formula;
import org.mcsim.model.Input;
import org.mcsim.model.Method;
import org.mcsim.model.Scenario;
import org.mcsim.model.Settings;
import org.mcsim.stats.Intervals;
import org.mcsim.stats.Quantile;
import org.mcsim.stats.Quantiles;

/**
 * Scenario discovery for one claim: where in input space it holds.
 *
 * <ol>
 * <li><b>Search sample.</b> The scenario is sampled as {@code run} samples it (its seed, method,
 * correlations, {@code -n}); each sample's uncertain inputs and the claim's outcome are kept.
 * <li><b>Peeling</b> ({@link Prim}) gives the trajectory of boxes, step 0 being all of input space.
 * <li><b>Choice.</b> With {@code step} given, that step's box; otherwise the step whose box
 * (after pasting, when pasting is on) has the largest F1 score on the search sample, the harmonic
 * mean of coverage and density, 2·hits/(box samples + claim-true samples), compared exactly;
 * ties go to the earlier step. The choice uses the search sample only.
 * <li><b>Pasting</b> of the chosen box, unless turned off.
 * <li><b>Check sample.</b> An independent sample of {@code checkSamples} plain random draws
 * (method {@code random} whatever the search's method, seed {@link #checkSeed(long)}) on which
 * every box of the trajectory and the chosen box are counted. Because the boxes depend on the
 * search sample only, each box is a fixed region for the check sample, and the number of
 * claim-true check samples inside it is binomial given the number of claim-true check samples
 * (coverage) or given the number of check samples inside it (density); their Wilson intervals at
 * the scenario's confidence are intervals for the box's true coverage and density, conditional
 * on the box found. Each interval holds on its own; picking a step by looking at the check
 * numbers would bias them again.
 * <li><b>Conditional distributions</b>, on the check sample: each input's quantiles at
 * {@link #LEVELS} where the claim holds and where it does not, with distribution-free
 * order-statistic intervals, and the median shift (median when true − median when false) / sd,
 * sd being the input's sd over the check sample, taken as known; its interval joins the two
 * medians' intervals, each at level 1 − (1 − confidence)/2, so that it holds at the confidence
 * level at least (Bonferroni).
 * </ol>
 *
 * <p>The result depends on the scenario, seed, sample counts, method and options, never on the
 * number of threads (the engine's runs do not, and the rest is sequential). Stateless.
 */
public final class Discovery {
    /** The quantile levels of the conditional distributions. */
    public static final List<Double> LEVELS = List.of(0.05, 0.25, 0.5, 0.75, 0.95);

    /** The name under which the claim's expression is computed as a variable (not an identifier). */
    private static final String OUTCOME = "claim:";

    private Discovery() {
    }

    /**
     * Discovers where {@code claim} holds.
     *
     * @param s the validated scenario, with the command's settings applied
     * @param claim the claim's name
     * @param options the search's options
     * @param threads worker threads for sampling
     * @return the trajectory, the chosen box and the conditional distributions
     * @throws RunFailedException if a run fails, no input is uncertain, the claim holds in none
     *     or all of the searched samples, or {@code step} is beyond the trajectory
     * @throws IllegalArgumentException if the scenario has no such claim
     */
    public static DiscoveryResult run(Scenario s, String claim, DiscoverOptions options, int threads)
        throws RunFailedException {
        Claim c = s.claims().stream().filter(x -> x.name().equals(claim)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown claim: " + claim));
        List<String> inputs = s.inputs().stream().filter(i -> !(i.dist() instanceof Dist.Constant))
            .map(Input::name).toList();
        if (inputs.isEmpty()) {
            throw new RunFailedException("no input is uncertain; discover needs at least one");
        }
        int k = inputs.size();
        Scenario withOutcome = withOutcome(s, c);
        List<String> names = new ArrayList<>(inputs);
        names.add(OUTCOME + c.name());
        long n = s.settings().samples();
        double[][] search = Engine.values(Plan.of(withOutcome), n, threads, null, names);
        Settings checkSettings = s.settings().withSeed(checkSeed(s.settings().seed())).withMethod(Method.RANDOM);
        double[][] check = Engine.values(Plan.of(withOutcome.withSettings(checkSettings)), options.checkSamples(),
            threads, null, names);
        boolean[] y = outcome(search[k]);
        boolean[] yCheck = outcome(check[k]);
        double[][] x = Arrays.copyOf(search, k);
        double[][] xCheck = Arrays.copyOf(check, k);
        Prim prim = new Prim(x, y, options.alpha(), options.massMin());
        long hits = prim.totalHits();
        if (hits == 0 || hits == n) {
            throw new RunFailedException("claim " + c.name() + " holds in " + (hits == 0 ? "none" : "every one")
                + " of the " + n + " samples searched, so no box separates where it holds from where it does not"
                + (hits == 0 ? " (a rarer claim needs a larger -n)" : ""));
        }
        List<Prim.Step> steps = prim.peel();
        if (options.step() >= steps.size()) {
            throw new RunFailedException("--step " + options.step() + ": the peeling trajectory of claim " + c.name()
                + " has steps 0 to " + (steps.size() - 1));
        }
        int chosen = options.step() >= 0 ? options.step() : choose(prim, steps, options.paste());
        Prim.Step box = options.paste() ? prim.paste(steps.get(chosen).box()) : steps.get(chosen);
        double confidence = s.settings().confidence();
        long checkHits = count(yCheck);
        List<StepResult> trajectory = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            trajectory.add(result(i, steps.get(i), hits, n, xCheck, yCheck, checkHits, confidence));
        }
        return new DiscoveryResult(c.name(), c.text(), inputs, n, hits, options.checkSamples(), checkHits, trajectory,
            result(chosen, box, hits, n, xCheck, yCheck, checkHits, confidence), options.paste(),
            conditionals(inputs, xCheck, yCheck, confidence));
    }

    /**
     * The check sample's seed: the SplitMix64 finalizer (Steele, Lea &amp; Flood, OOPSLA 2014) of
     * the seed mixed with a constant, so that the check sample shares no stream with the search.
     */
    public static long checkSeed(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L * 0xD15C0L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The scenario with the claim's expression as one more formula, evaluated after all others. */
    private static Scenario withOutcome(Scenario s, Claim c) {
        List<Formula> formulas = new ArrayList<>(s.formulas());
        formulas.add(new Formula(OUTCOME + c.name(), c.text(), c.expr()));
        List<String> order = new ArrayList<>(s.evaluationOrder());
        order.add(OUTCOME + c.name());
        return new Scenario(s.name(), s.description(), s.sources(), s.settings(), s.constants(), s.inputs(),
            formulas, s.outputs(), s.claims(), s.correlations(), s.variants(), order);
    }

    /** A claim holds where its expression is non-zero. */
    private static boolean[] outcome(double[] values) {
        boolean[] y = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            y[i] = values[i] != 0;
        }
        return y;
    }

    private static long count(boolean[] y) {
        long t = 0;
        for (boolean b : y) {
            t += b ? 1 : 0;
        }
        return t;
    }

    /** The default rule: the largest F1 = 2·h/(m + H) on the search sample, the earliest on ties. */
    private static int choose(Prim prim, List<Prim.Step> steps, boolean paste) {
        long total = prim.totalHits();
        int best = 0;
        Prim.Step bestStep = null;
        for (int i = 0; i < steps.size(); i++) {
            Prim.Step s = paste ? prim.paste(steps.get(i).box()) : steps.get(i);
            if (bestStep == null
                || s.hits() * (bestStep.count() + total) > bestStep.hits() * (s.count() + total)) {
                best = i;
                bestStep = s;
            }
        }
        return best;
    }

    private static StepResult result(int step, Prim.Step s, long hits, long n, double[][] x, boolean[] y,
                                     long checkHits, double confidence) {
        long inside = 0;
        long insideHits = 0;
        for (int i = 0; i < y.length; i++) {
            if (s.box().contains(x, i)) {
                inside++;
                insideHits += y[i] ? 1 : 0;
            }
        }
        return new StepResult(step, s.box(), proportion(insideHits, checkHits, confidence),
            proportion(insideHits, inside, confidence), proportion(inside, y.length, confidence),
            (double) s.hits() / hits, s.count() == 0 ? Double.NaN : (double) s.hits() / s.count(),
            (double) s.count() / n);
    }

    private static Estimate proportion(long part, long whole, double confidence) {
        return whole == 0 ? Estimate.of(Double.NaN)
            : Estimate.of((double) part / whole, Intervals.wilson(part, whole, confidence));
    }

    private static List<Conditional> conditionals(List<String> inputs, double[][] x, boolean[] y,
                                                  double confidence) {
        double[] levels = LEVELS.stream().mapToDouble(Double::doubleValue).toArray();
        double joint = 1 - (1 - confidence) / 2;
        List<Conditional> out = new ArrayList<>();
        for (int j = 0; j < inputs.size(); j++) {
            double[][] split = split(x[j], y);
            List<Estimate> whenTrue = quantiles(split[0], levels, confidence);
            List<Estimate> whenFalse = quantiles(split[1], levels, confidence);
            double sd = sd(x[j]);
            Estimate shift = Estimate.of(Double.NaN);
            if (split[0].length > 0 && split[1].length > 0 && sd > 0) {
                Quantile t = Quantiles.exact(split[0].clone(), split[0].length, new double[] {0.5}, joint)[0];
                Quantile f = Quantiles.exact(split[1].clone(), split[1].length, new double[] {0.5}, joint)[0];
                int median = LEVELS.indexOf(0.5);
                shift = new Estimate((whenTrue.get(median).value() - whenFalse.get(median).value()) / sd,
                    (t.low() - f.high()) / sd, (t.high() - f.low()) / sd);
            }
            out.add(new Conditional(inputs.get(j), whenTrue, whenFalse, sd, shift));
        }
        return out;
    }

    /** {values where the claim holds, values where it does not}, each in sample order. */
    private static double[][] split(double[] v, boolean[] y) {
        int t = (int) count(y);
        double[] yes = new double[t];
        double[] no = new double[v.length - t];
        int a = 0;
        int b = 0;
        for (int i = 0; i < v.length; i++) {
            if (y[i]) {
                yes[a++] = v[i];
            } else {
                no[b++] = v[i];
            }
        }
        return new double[][] {yes, no};
    }

    private static List<Estimate> quantiles(double[] v, double[] levels, double confidence) {
        List<Estimate> out = new ArrayList<>();
        if (v.length == 0) {
            for (int i = 0; i < levels.length; i++) {
                out.add(Estimate.of(Double.NaN));
            }
            return out;
        }
        for (Quantile q : Quantiles.exact(v.clone(), v.length, levels, confidence)) {
            out.add(new Estimate(q.value(), q.low(), q.high()));
        }
        return out;
    }

    /** The sample sd (divisor n − 1), two-pass; 0 for fewer than two values. */
    private static double sd(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double mean = 0;
        for (double d : v) {
            mean += d;
        }
        mean /= v.length;
        double ss = 0;
        for (double d : v) {
            ss += (d - mean) * (d - mean);
        }
        return Math.sqrt(ss / (v.length - 1));
    }
}
