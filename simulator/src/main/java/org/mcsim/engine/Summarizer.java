package org.mcsim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mcsim.model.Claim;
import org.mcsim.model.QuantileLevel;
import org.mcsim.model.Scenario;
import org.mcsim.model.Settings;
import org.mcsim.stats.Histogram;
import org.mcsim.stats.Interval;
import org.mcsim.stats.Intervals;
import org.mcsim.stats.Moments;
import org.mcsim.stats.Quantile;
import org.mcsim.stats.QuantileSketch;
import org.mcsim.stats.Quantiles;

/**
 * Turns merged run state into summaries with their Monte Carlo intervals (cli.md, summary.csv).
 * Under {@code random}: Student for the mean, the kurtosis-corrected delta method for the sd,
 * the distribution-free order-statistic interval for quantiles, Wilson's for claims. Under
 * {@code lhs} and {@code sobol}: the pooled estimate ± t(R−1)·s/√R, s the standard deviation of
 * the R replicates' own estimates. Statistics targeted by {@code --until} carry the interval of
 * the confidence sequence instead. Also flags tail estimates that rest on too few samples.
 * Quantiles and histograms come from the kept samples (exact) or, above the engine's exact
 * limit, from the combined sketches; each output's are computed on its own thread.
 */
final class Summarizer {
    /** A quantile or claim with fewer samples than this beyond it is flagged. */
    static final int TAIL_SAMPLES = 10;
    /**
     * Below this many samples a replicated method's replicates are each shorter than one block,
     * and its mean and sd intervals are joined with the plain Monte Carlo ones
     * ({@link #withPlainInterval}).
     */
    static final long SMALL_REPLICATED = (long) Layout.REPLICATES * Plan.BLOCK_SIZE;

    private final Plan plan;
    private final Layout layout;
    private final Engine.Sampled sampled;
    private final double conf;
    private final int n;
    private final List<String> warnings = new ArrayList<>();
    private final int threads;

    private Summarizer(Plan plan, Layout layout, Engine.Sampled sampled, int threads) {
        this.plan = plan;
        this.layout = layout;
        this.sampled = sampled;
        this.threads = threads;
        this.conf = plan.scenario().settings().confidence();
        this.n = (int) sampled.acc().samples();
    }

    static RunResult summarize(Plan plan, Layout layout, RunOptions options, Engine.Sampled s,
                               Precision precision, List<String> warnings, long elapsedSoFar) {
        long start = System.nanoTime();
        Summarizer z = new Summarizer(plan, layout, s, options.threads());
        z.warnings.addAll(warnings);
        Scenario sc = plan.scenario();
        double[][] keptSamples = options.keepSamples() ? s.store().trimmed(z.n) : null;
        OutputStats[] outputs = z.outputStats();
        List<VariableSummary> variables = z.variables(outputs);
        List<ClaimSummary> claims = z.claims();
        if (precision != null) {
            variables = z.withTargets(variables, claims, precision);
            claims = z.claimsWithTargets(claims, precision);
        }
        if (s.stop() == StopReason.CEILING) {
            z.warnings.add("--until: the ceiling of " + layout.samples() + " samples was reached before "
                + "every target was met");
        }
        variables = z.definedOnly(variables);
        List<CorrelationSummary> correlations = z.correlations();
        long elapsed = elapsedSoFar + System.nanoTime() - start;
        SketchSummary sketch = s.sketches() == null ? null : new SketchSummary(s.sketches()[0].accuracy(),
            Arrays.stream(outputs).map(OutputStats::accuracy).toList());
        return new RunResult(sc, layout.samples(), z.n, options.threads(), s.stop(), elapsed,
            variables, claims, keptSamples == null ? null : Arrays.copyOf(keptSamples, plan.outputCount()),
            s.quantileMode(), z.warnings, correlations, sketch);
    }

    private List<VariableSummary> variables(OutputStats[] outputs) {
        Scenario s = plan.scenario();
        Settings set = s.settings();
        List<String> names = Plan.variableNames(s);
        int k = s.inputs().size();
        List<VariableSummary> out = new ArrayList<>(names.size());
        for (int v = 0; v < names.size(); v++) {
            Moments m = sampled.acc().moments(v);
            int o = indexOf(plan.outputVariables(), v);
            List<VariableSummary.QuantileEstimate> qs = List.of();
            VariableSummary.HistogramData hist = null;
            if (o >= 0) {
                hist = new VariableSummary.HistogramData(Histogram.edges(m.min(), m.max(), bins(m, set)),
                    outputs[o].counts());
                qs = quantiles(names.get(v), outputs[o], set.quantiles());
            }
            out.add(new VariableSummary(names.get(v), v < k ? VariableKind.INPUT : VariableKind.FORMULA, mean(v, m), sd(v, m),
                m.min(), m.max(), qs, hist));
        }
        return out;
    }

    /**
     * The summaries with every statistic or interval end that is not a finite double made
     * undefined (NaN, an empty field), and a warning that says which ones and why. Values of
     * magnitude beyond about 1e154 overflow the sum of squares, and beyond 1e77 the fourth
     * moment behind the sd's interval; the samples themselves are finite (the engine checks).
     */
    private List<VariableSummary> definedOnly(List<VariableSummary> variables) {
        List<VariableSummary> out = new ArrayList<>(variables.size());
        for (VariableSummary v : variables) {
            List<String> lost = new ArrayList<>();
            Estimate mean = defined(v.mean(), "mean", lost);
            Estimate sd = defined(v.sd(), "sd", lost);
            List<VariableSummary.QuantileEstimate> qs = new ArrayList<>(v.quantiles().size());
            for (VariableSummary.QuantileEstimate q : v.quantiles()) {
                qs.add(new VariableSummary.QuantileEstimate(q.label(), q.level(), defined(q.estimate(), q.label(), lost)));
            }
            if (lost.isEmpty()) {
                out.add(v);
                continue;
            }
            warnings.add(v.name() + ": " + String.join(", ", lost) + " not representable as a finite double "
                + "(the values reach " + Math.max(Math.abs(v.min()), Math.abs(v.max()))
                + "); left empty in the CSV files");
            out.add(new VariableSummary(v.name(), v.kind(), mean, sd, v.min(), v.max(), qs, v.histogram()));
        }
        return out;
    }

    /**
     * {@code e} with what is not a finite double made undefined. An infinite value or interval
     * end, or a NaN value from two samples or more (an overflow: the mean, sd and quantiles are
     * defined there), is recorded in {@code lost}; NaN ends of an interval stay undefined.
     */
    private Estimate defined(Estimate e, String statistic, List<String> lost) {
        boolean badValue = Double.isInfinite(e.value()) || Double.isNaN(e.value()) && n >= 2;
        boolean badInterval = Double.isInfinite(e.low()) || Double.isInfinite(e.high());
        if (!badValue && !badInterval) {
            return e;
        }
        lost.add(badValue ? statistic : "the interval of " + statistic);
        return badValue ? Estimate.of(Double.NaN) : Estimate.of(e.value());
    }

    private static int bins(Moments m, Settings set) {
        return m.min() == m.max() ? 1 : set.histogramBins();
    }

    /**
     * One output's histogram counts and raw quantile estimates (one per level),
     * its replicates' quantiles ([level][replicate]) under the replicated methods, and the
     * sketch's accuracy in sketch mode.
     */
    private record OutputStats(long[] counts, Quantile[] estimates, double[][] replicates,
                               SketchSummary.Output accuracy) { }

    /**
     * Every output's {@link OutputStats}, on up to {@code threads} threads, one output per task:
     * each depends only on its output's samples, so not on the threads.
     */
    private OutputStats[] outputStats() {
        OutputStats[] out = new OutputStats[plan.outputCount()];
        Parallel.forEach(out.length, threads, o -> out[o] = outputStats(o));
        return out;
    }

    private OutputStats outputStats(int o) {
        Settings set = plan.scenario().settings();
        Moments m = sampled.acc().moments(plan.outputVariable(o));
        double[] qs = set.quantiles().stream().mapToDouble(QuantileLevel::q).toArray();
        QuantileSketch[] sketches = sampled.sketches();
        if (sketches == null) {
            double[][] reps = replicated() ? replicateQuantiles(o, qs) : null;
            Quantiles.WithHistogram q = Quantiles.exactWithHistogram(sampled.store().column(o), n, m.min(), m.max(),
                bins(m, set), reps == null ? qs : withHazenLevels(qs), conf);
            return new OutputStats(q.counts(), q.estimates(), reps, null);
        }
        QuantileSketch sketch = sketches[o];
        if (sketch.count() != n) {
            throw new IllegalStateException("sketch of " + sketch.count() + " values for " + n + " merged samples");
        }
        long[] counts = Histogram.count(sketch, m.min(), m.max(), bins(m, set));
        Quantile[] est = Quantiles.fromSketch(sketch, m.min(), m.max(), qs, conf);
        return new OutputStats(counts, est, null, accuracy(plan.scenario().outputs().get(o), sketch, est));
    }

    /** Error bounds of the values read beside the Monte Carlo half-widths of the quantiles. */
    private static SketchSummary.Output accuracy(String name, QuantileSketch sketch, Quantile[] est) {
        double bound = 0;
        double half = Double.NaN;
        double ratio = Double.NaN;
        for (Quantile e : est) {
            double b = 0;
            for (double x : new double[] {e.value(), e.low(), e.high()}) {
                if (!Double.isNaN(x)) {
                    b = Math.max(b, sketch.errorBound(x));
                }
            }
            bound = Math.max(bound, b);
            double h = e.interval().halfWidth();
            if (!Double.isNaN(h)) {
                half = Double.isNaN(half) ? h : Math.min(half, h);
                double r = b / h;
                ratio = Double.isNaN(ratio) ? r : Math.max(ratio, r);
            }
        }
        return new SketchSummary.Output(name, sketch.center(), sketch.scale(), bound, half, ratio);
    }

    private boolean replicated() {
        return layout.replicates() > 1;
    }

    private Estimate mean(int v, Moments m) {
        if (!replicated()) {
            return Estimate.of(m.mean(), Intervals.mean(m, conf));
        }
        double[] reps = new double[layout.replicates()];
        for (int r = 0; r < reps.length; r++) {
            reps[r] = sampled.acc().replicateMoments(r, v).mean();
        }
        return withPlainInterval(fromReplicates(m.mean(), reps, 0), Intervals.mean(m, conf));
    }

    /**
     * Below {@link #SMALL_REPLICATED} samples, a replicated method's interval joined with the
     * plain Monte Carlo one ({@code plain}, from the pooled sample as if it were independent)
     * widened by √(n/(n−1)). Ten replicates of fewer than a full block each cannot measure their
     * own error for a skewed output: one Latin hypercube's error is dominated by its top stratum,
     * so the ten replicate estimates are skewed and their spread is too often small (a lognormal
     * input's mean covered in 90% of seeds, its sd in 85%, at n = 1000 to 5000). The plain
     * interval is a bound that holds: Latin hypercube sampling never has more than n/(n−1) times
     * the variance of independent sampling (Owen 1997, "Monte Carlo variance of scrambled net
     * quadrature", SIAM J. Numer. Anal. 34), and the scrambled Sobol points' error measured on
     * skewed inputs stays below it. So at small n these intervals are honest but no narrower than
     * plain Monte Carlo's where the replicates spread less.
     */
    private Estimate withPlainInterval(Estimate replicated, Interval plain) {
        if (n >= SMALL_REPLICATED || !plain.defined() || Double.isNaN(replicated.low())) {
            return replicated;
        }
        double widen = Math.sqrt(n / (n - 1.0));
        double value = replicated.value();
        double low = value - (value - plain.low()) * widen;
        double high = value + (plain.high() - value) * widen;
        return new Estimate(value, Math.min(replicated.low(), low), Math.max(replicated.high(), high));
    }

    private Estimate sd(int v, Moments m) {
        if (m.count() >= 2 && m.min() == m.max()) {
            // A constant: exactly 0, also where the sums about a rounded shift would overflow (1e200).
            return Estimate.of(0);
        }
        if (!replicated()) {
            return Estimate.of(m.sd(), Intervals.sd(m, conf));
        }
        if (m.sd() == 0) {
            return Estimate.of(0);
        }
        double[] reps = new double[layout.replicates()];
        for (int r = 0; r < reps.length; r++) {
            reps[r] = sampled.acc().replicateMoments(r, v).sd();
        }
        Estimate e = fromReplicates(m.sd(), reps, 0);
        // s² (divisor n−1) overstates σ² by up to the factor n/(n−1) when the method estimates the
        // mean almost exactly (a stratified input alone): a bias of order σ/(2n) that the replicates'
        // spread, small under LHS and Sobol, does not cover; the low end is extended by it. (For a
        // perfectly stratified discrete input σ then lies exactly on that end, one rounding
        // margin of fromReplicates below the estimate.)
        double divisorBias = m.sd() * (1 - Math.sqrt((n - 1.0) / n));
        e = withPlainInterval(new Estimate(e.value(), e.low() - divisorBias, e.high()), Intervals.sd(m, conf));
        return new Estimate(e.value(), Math.max(0, e.low()), e.high());
    }

    /** The pooled estimate with the replicate interval of {@link Intervals#fromReplicates}. */
    private Estimate fromReplicates(double pooled, double[] reps, double varianceFloor) {
        return Estimate.of(pooled, Intervals.fromReplicates(pooled, reps, varianceFloor, conf));
    }

    private List<VariableSummary.QuantileEstimate> quantiles(String name, OutputStats stats,
                                                             List<QuantileLevel> levels) {
        double[] qs = levels.stream().mapToDouble(QuantileLevel::q).toArray();
        double[][] reps = stats.replicates();
        Quantile[] est = stats.estimates();
        List<VariableSummary.QuantileEstimate> out = new ArrayList<>(qs.length);
        for (int i = 0; i < qs.length; i++) {
            Estimate e = Estimate.of(est[i].value(), est[i].interval());
            if (reps != null) {
                e = fromReplicates(est[i].value(), reps[i], 0);
                // Type 7 is biased by about (1/2 − q)/n in probability under stratified sampling,
                // where Hazen's type 5 (position nq − 1/2) is not (Hyndman & Fan 1996); at small n
                // that bias is comparable with the replicates' spread, so the interval is extended
                // to cover the same interval around the type-5 estimate.
                double shift = est[qs.length + i].value() - est[i].value();
                e = new Estimate(e.value(), Math.min(e.low(), e.low() + shift), Math.max(e.high(), e.high() + shift));
            }
            double beyond = Math.min(qs[i], 1 - qs[i]) * n;
            if (beyond < TAIL_SAMPLES) {
                warnings.add(String.format(Locale.ROOT, "%s(%s) rests on %d samples beyond it (fewer than %d); "
                    + "its estimate and interval are unreliable", levels.get(i).label(), name,
                    (long) Math.floor(beyond), TAIL_SAMPLES));
            }
            out.add(new VariableSummary.QuantileEstimate(levels.get(i).label(), qs[i], e));
        }
        return out;
    }

    /** The levels, then for each the type-7 level at which type 7 gives the type-5 (Hazen) estimate. */
    private double[] withHazenLevels(double[] qs) {
        double[] out = java.util.Arrays.copyOf(qs, 2 * qs.length);
        for (int i = 0; i < qs.length; i++) {
            out[qs.length + i] = n < 2 ? qs[i] : Math.min(1, Math.max(0, (n * qs[i] - 0.5) / (n - 1.0)));
        }
        return out;
    }

    /** Each replicate's quantiles: [level][replicate]. Replicate r holds the blocks b ≡ r (mod R). */
    private double[][] replicateQuantiles(int o, double[] qs) {
        int reps = layout.replicates();
        double[][] out = new double[qs.length][reps];
        double[] column = sampled.store().column(o);
        for (int r = 0; r < reps; r++) {
            int size = (int) sampled.acc().replicateSamples(r);
            double[] data = new double[size];
            int at = 0;
            for (long b = r; b < layout.blocks() && layout.start(b) < n; b += reps) {
                int len = layout.length(b);
                System.arraycopy(column, (int) layout.start(b), data, at, len);
                at += len;
            }
            Quantile[] est = Quantiles.exact(data, size, qs, conf);
            for (int i = 0; i < qs.length; i++) {
                out[i][r] = est[i].value();
            }
        }
        return out;
    }

    private List<ClaimSummary> claims() {
        Scenario s = plan.scenario();
        List<ClaimSummary> out = new ArrayList<>();
        for (int c = 0; c < s.claims().size(); c++) {
            Claim claim = s.claims().get(c);
            long hits = sampled.acc().hits(c);
            double p = (double) hits / n;
            Estimate e;
            if (replicated()) {
                double[] reps = new double[layout.replicates()];
                for (int r = 0; r < reps.length; r++) {
                    reps[r] = (double) sampled.acc().replicateHits(r, c) / sampled.acc().replicateSamples(r);
                }
                // A replicate's proportion is a multiple of 1/m (m its samples). Under LHS or Sobol
                // a claim on one input then takes, in a replicate of one block, one of the two grid
                // points around its expectation, so the replicates' spread can be zero while the
                // error is not; each replicate's variance is taken to be at least that of a
                // variable on two adjacent grid points at most, 1/(4m²) (Popoviciu's inequality).
                double m = (double) n / reps.length;
                Estimate raw = fromReplicates(p, reps, 1 / (4 * m * m));
                e = new Estimate(p, Math.max(0, raw.low()), Math.min(1, raw.high()));
            } else {
                e = Estimate.of(p, Intervals.wilson(hits, n, conf));
            }
            if (Math.min(hits, n - hits) < TAIL_SAMPLES) {
                warnings.add(String.format(Locale.ROOT, "claim %s holds in %d of %d samples: fewer than %d %s; "
                    + "its probability and interval are unreliable", claim.name(), hits, n, TAIL_SAMPLES,
                    hits < TAIL_SAMPLES ? "hits" : "misses"));
            }
            out.add(new ClaimSummary(claim.name(), claim.text(), hits, n, e));
        }
        return out;
    }

    /** Replaces the interval of each targeted mean or quantile by the confidence sequence's. */
    private List<VariableSummary> withTargets(List<VariableSummary> vars, List<ClaimSummary> claims, Precision p) {
        List<VariableSummary> out = new ArrayList<>(vars);
        for (int i = 0; i < p.targets().size(); i++) {
            Target t = p.targets().get(i);
            if (t.kind() == Target.Kind.PROBABILITY) {
                continue;
            }
            int v = plan.variableIndex(t.name());
            VariableSummary old = out.get(v);
            Interval cs = p.interval(i, sampled.acc(), sampled.store(), sampled.sketches(), sampled.kept()).interval();
            if (t.kind() == Target.Kind.MEAN) {
                out.set(v, new VariableSummary(old.name(), old.kind(), Estimate.of(old.mean().value(), cs),
                    old.sd(), old.min(), old.max(), old.quantiles(), old.histogram()));
            } else {
                List<VariableSummary.QuantileEstimate> qs = new ArrayList<>(old.quantiles());
                qs.replaceAll(q -> q.label().equals(t.label())
                    ? new VariableSummary.QuantileEstimate(q.label(), q.level(),
                        Estimate.of(q.estimate().value(), cs)) : q);
                out.set(v, new VariableSummary(old.name(), old.kind(), old.mean(), old.sd(), old.min(), old.max(),
                    qs, old.histogram()));
            }
        }
        return out;
    }

    private List<ClaimSummary> claimsWithTargets(List<ClaimSummary> claims, Precision p) {
        List<ClaimSummary> out = new ArrayList<>(claims);
        for (int i = 0; i < p.targets().size(); i++) {
            Target t = p.targets().get(i);
            if (t.kind() != Target.Kind.PROBABILITY) {
                continue;
            }
            for (int c = 0; c < out.size(); c++) {
                ClaimSummary old = out.get(c);
                if (old.name().equals(t.name())) {
                    Interval cs = p.interval(i, sampled.acc(), sampled.store(), sampled.sketches(), sampled.kept()).interval();
                    out.set(c, new ClaimSummary(old.name(), old.expression(), old.hits(), old.samples(),
                        Estimate.of(old.probability().value(), cs)));
                }
            }
        }
        return out;
    }

    /**
     * Each target rank correlation with Spearman's correlation achieved over all samples. Each
     * input's ranks are computed once, however many pairs it is in, and each pair's Spearman
     * correlation is Pearson's of the two rank columns, as {@link org.mcsim.stats.Spearman#of}
     * computes it.
     */
    private List<CorrelationSummary> correlations() {
        List<CorrelationSummary> out = new ArrayList<>();
        java.util.Map<String, double[]> ranks = new java.util.HashMap<>();
        for (org.mcsim.model.Correlation c : plan.scenario().correlations()) {
            double[] a = ranks.computeIfAbsent(c.a(), this::ranks);
            double[] b = ranks.computeIfAbsent(c.b(), this::ranks);
            out.add(new CorrelationSummary(c.a(), c.b(), c.rank(), org.mcsim.stats.Spearman.pearson(a, b, n)));
        }
        return out;
    }

    private double[] ranks(String input) {
        double[] column = sampled.store().column(indexOf(sampled.kept(), plan.variableIndex(input)));
        return org.mcsim.stats.Spearman.ranks(column, n);
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
