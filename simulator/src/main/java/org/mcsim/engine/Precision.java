package org.mcsim.engine;

import java.util.List;
import org.mcsim.model.Scenario;
import org.mcsim.stats.Interval;
import org.mcsim.stats.Moments;
import org.mcsim.stats.QuantileSketch;
import org.mcsim.stats.Quantiles;

/**
 * The stopping rule of {@code --until}: an asymptotic confidence sequence, valid although the
 * interval is looked at after every block (Waudby-Smith, Arbour, Sinha, Kennedy &amp; Ramdas,
 * "Time-uniform central limit theory and asymptotic confidence sequences", Annals of Statistics,
 * 2024, Theorem 2.2, the Robbins normal-mixture boundary): after t samples with sample standard
 * deviation s,
 * <pre>  half-width = s · sqrt( 2(tρ² + 1) / (t²ρ²) · ln( sqrt(tρ² + 1) / α ) ),</pre>
 * with α = 1 − confidence and ρ chosen to make the boundary tightest at t* = the scenario's
 * {@code settings.samples}. Means use the sample sd; claims the Bernoulli sd of the regularized
 * proportion (hits+1)/(t+2); a quantile q takes the order statistics whose ranks are t(q ∓ w),
 * w the half-width of the sequence for the proportion of samples below it (sd √(q(1−q))).
 *
 * <p>Means and claims are checked after every block; quantiles, which need a selection over all
 * samples so far (or, past the exact limit, a walk over the sketches), when the sample count has
 * grown by 10% since their last check. The schedule
 * depends only on the block count, so the stopping point is the same for any thread count.
 */
final class Precision {
    private final List<Target> targets;
    private final Plan plan;
    private final double alpha;
    private final double rho2;
    private final int[] index;
    private long lastQuantileCheck;
    private final boolean hasQuantiles;
    /** Per quantile target, its half-width at the last quantile check (0 before one). */
    private final double[] lastQuantileHalfWidth;

    Precision(List<Target> targets, Plan plan) {
        this.targets = List.copyOf(targets);
        this.plan = plan;
        Scenario s = plan.scenario();
        this.alpha = 1 - s.settings().confidence();
        double l = -2 * Math.log(alpha);
        this.rho2 = (l + Math.log(l + 1)) / s.settings().samples();
        this.hasQuantiles = targets.stream().anyMatch(t -> t.kind() == Target.Kind.QUANTILE);
        this.lastQuantileHalfWidth = new double[targets.size()];
        this.index = new int[targets.size()];
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            index[i] = t.kind() == Target.Kind.PROBABILITY
                ? s.claims().stream().map(c -> c.name()).toList().indexOf(t.name())
                : plan.variableIndex(t.name());
        }
    }

    /** Half-width of the sequence for a mean after t samples of standard deviation s. */
    double halfWidth(double sd, long t) {
        double tr = t * rho2;
        return sd * Math.sqrt(2 * (tr + 1) / (t * tr) * Math.log(Math.sqrt(tr + 1) / alpha));
    }

    /**
     * True when {@link #met} would now read quantiles from the store or the sketches: there are
     * quantile targets, every other target is met, and the sample count has grown by 10% since
     * the last quantile check. Until then, samples may wait before they go into the sketches.
     */
    boolean readsQuantiles(Accumulator acc) {
        return hasQuantiles && acc.samples() >= lastQuantileCheck * 1.1 && othersMet(acc);
    }

    /** True when every target is met after the merged state {@code acc} (samples kept in {@code store}). */
    boolean met(Accumulator acc, Store store, int[] keptVariables) {
        return met(acc, store, null, keptVariables);
    }

    /**
     * True when every target is met after the merged state {@code acc}; quantiles are read from
     * {@code sketches} when not null (a run past the exact limit), else from {@code store}.
     */
    boolean met(Accumulator acc, Store store, QuantileSketch[] sketches, int[] keptVariables) {
        if (!othersMet(acc)) {
            return false;
        }
        if (!hasQuantiles) {
            return true;
        }
        long t = acc.samples();
        if (t < lastQuantileCheck * 1.1) {
            return false;
        }
        lastQuantileCheck = t;
        boolean met = true;
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).kind() == Target.Kind.QUANTILE) {
                lastQuantileHalfWidth[i] = interval(i, acc, store, sketches, keptVariables).halfWidth();
                met &= lastQuantileHalfWidth[i] <= targets.get(i).halfWidth();
            }
        }
        return met;
    }

    /**
     * The sample count at which the unmet targets look set to be met, from what is known now
     * (0 when nothing is): for a mean or a claim, the first t at which the half-width with
     * today's standard deviation is within the target; for a quantile, its half-width at the last
     * check scaled as the half-width of the proportion below it shrinks. Only a hint, for sizing
     * the store; the stopping rule never uses it.
     */
    long expectedSamples(Accumulator acc) {
        long t = acc.samples();
        long most = 0;
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            double now;
            long at;
            if (target.kind() == Target.Kind.QUANTILE) {
                now = lastQuantileHalfWidth[i];
                at = lastQuantileCheck;
            } else {
                now = interval(i, acc, null, null, null).halfWidth();
                at = t;
            }
            if (!(now > target.halfWidth()) || Double.isInfinite(now) || at < 2) {
                continue;
            }
            // half-widths scale as the sequence's, halfWidth(sd, t) = sd halfWidth(1, t)
            most = Math.max(most, firstWithin(halfWidth(1, at) * target.halfWidth() / now, at));
        }
        return most;
    }

    /** The smallest t &gt; from with halfWidth(1, t) &lt;= w (which decreases in t), at most 2^62. */
    private long firstWithin(double w, long from) {
        long lo = from;
        long hi = from;
        while (halfWidth(1, hi) > w) {
            lo = hi;
            if (hi > Long.MAX_VALUE / 4) {
                return hi;
            }
            hi *= 2;
        }
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (halfWidth(1, mid) > w) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** True when every target other than a quantile is met (checked after every block). */
    private boolean othersMet(Accumulator acc) {
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            if (target.kind() != Target.Kind.QUANTILE
                && interval(i, acc, null, null, null).halfWidth() > target.halfWidth()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where a target's confidence sequence stands after some samples.
     *
     * @param interval the interval reported for the statistic (a probability's clamped into [0, 1])
     * @param halfWidth the half-width compared with the target's (infinite while undefined)
     */
    record Bound(Interval interval, double halfWidth) {
        private static final Bound UNDEFINED = new Bound(Interval.UNDEFINED, Double.POSITIVE_INFINITY);
    }

    /** Target i's sequence, quantiles read from {@code store}. */
    Bound interval(int i, Accumulator acc, Store store, int[] keptVariables) {
        return interval(i, acc, store, null, keptVariables);
    }

    /**
     * Target i's sequence; half-width infinite while undefined. Quantiles are read from
     * {@code sketches} when not null, else from {@code store}.
     */
    Bound interval(int i, Accumulator acc, Store store, QuantileSketch[] sketches, int[] keptVariables) {
        Target target = targets.get(i);
        long t = acc.samples();
        switch (target.kind()) {
            case PROBABILITY -> {
                double p = (double) acc.hits(index[i]) / t;
                double reg = (acc.hits(index[i]) + 1.0) / (t + 2.0);
                double h = halfWidth(Math.sqrt(reg * (1 - reg)), t);
                return new Bound(new Interval(Math.max(0, p - h), Math.min(1, p + h)), h);
            }
            case MEAN -> {
                Moments m = acc.moments(index[i]);
                double h = t < 2 ? Double.POSITIVE_INFINITY : halfWidth(m.sd(), t);
                return new Bound(new Interval(m.mean() - h, m.mean() + h), h);
            }
            default -> {
                int o = keptIndex(keptVariables, index[i]);
                return sketches != null ? quantileInterval(target.level(), t, sketches[o])
                    : quantileInterval(target.level(), t, store.column(o));
            }
        }
    }

    private static int keptIndex(int[] kept, int variable) {
        for (int o = 0; o < kept.length; o++) {
            if (kept[o] == variable) {
                return o;
            }
        }
        throw new IllegalStateException("variable " + variable + " is not kept");
    }

    /** The 0-based ranks {lo, hi} of the order statistics that bound quantile q after t samples, or null. */
    private long[] quantileRanks(double q, long t) {
        double w = halfWidth(Math.sqrt(q * (1 - q)), t);
        long lo = (long) Math.floor(t * (q - w));
        long hi = (long) Math.ceil(t * (q + w));
        return lo < 0 || hi > t - 1 ? null : new long[] {lo, hi};
    }

    private Bound quantileInterval(double q, long t, double[] data) {
        long[] r = quantileRanks(q, t);
        if (r == null) {
            return Bound.UNDEFINED;
        }
        double[] v = Quantiles.ranked(data, (int) t, (int) r[0], (int) r[1]);
        return new Bound(new Interval(v[0], v[1]), (v[1] - v[0]) / 2);
    }

    /**
     * The same interval with the order statistics read from a sketch of the t samples (each
     * within the sketch's error bound of the exact one: a run past the exact limit).
     */
    private Bound quantileInterval(double q, long t, QuantileSketch sketch) {
        if (sketch.count() != t) {
            throw new IllegalStateException("sketch of " + sketch.count() + " values checked after " + t + " samples");
        }
        long[] r = quantileRanks(q, t);
        if (r == null) {
            return Bound.UNDEFINED;
        }
        double[] v = sketch.values(r);
        return new Bound(new Interval(v[0], v[1]), (v[1] - v[0]) / 2);
    }

    List<Target> targets() {
        return targets;
    }
}
