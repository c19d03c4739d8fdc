package org.mcsim.discover;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PRIM, the patient rule induction method (J. H. Friedman &amp; N. I. Fisher, "Bump hunting in
 * high-dimensional data", Statistics and Computing 9, 1999), for a binary outcome, as scenario
 * discovery uses it (B. P. Bryant &amp; R. J. Lempert, "Thinking inside the box", Technological
 * Forecasting &amp; Social Change 77, 2010; the EMA Workbench's {@code prim.py}).
 *
 * <p><b>Peeling.</b> From the box of all of input space, each step considers, for every input,
 * removing the samples below its α quantile within the box or above its 1−α quantile: the cut is
 * the midpoint between the box's value of rank ⌊(m−1)α⌋ from that end and the next distinct
 * value, so that ties are peeled together. The candidate with the largest gain in density per
 * sample removed (the Workbench's default "lenient1" objective) is taken; ties go to the one that
 * leaves fewer inputs restricted, then to the earlier input, lower side first. Peeling stops
 * when no peel raises the density or the box would hold less than {@code massMin} of the
 * sample.
 *
 * <p><b>Pasting.</b> Peeling moves in steps of α of the box and so overshoots a sharp edge by up
 * to that much. Pasting widens one restricted side at a time, taking the samples just outside it
 * that lie inside on every other input: first ⌈α·m⌉ of them, then half as many, down to one, and
 * keeps the largest such chunk that does not lower the box's density (compared exactly, in
 * integers). Of all sides, the paste giving the highest density (then the most samples) is
 * made, and pasting repeats until no side can be widened. Taking everything outside a side opens
 * it. Unlike the Workbench, which pastes only while the density rises, a paste that keeps the
 * density equal is made: it adds coverage at no cost, and it is what lets a box with density 1
 * grow back to the true edge.
 *
 * <p>Each input's samples are sorted once; a step walks only the samples near the side it moves,
 * counting for each sample how many inputs put it outside the box. Deterministic (no
 * randomness, no threads); not thread-safe. One class of about 400 lines: peeling, pasting and
 * counting share that state (the limits, the per-sample counts, the sorted columns), which
 * smaller classes would have to hand to each other at every step.
 */
final class Prim {
    private final double[][] x;
    private final boolean[] y;
    private final int n;
    private final int k;
    private final double alpha;
    private final double massMin;
    private final int[][] order;
    private final double[][] sorted;
    private final long totalHits;

    // the current box and how many of its inputs each sample lies outside
    private final double[] lo;
    private final double[] hi;
    private final int[] outside;
    private long count;
    private long hits;

    /** One box of the trajectory with its counts on the sample searched. */
    record Step(Box box, long count, long hits) {
    }

    /**
     * @param x the inputs' columns, {@code x[input][sample]}, all finite
     * @param y the claim's outcome per sample
     * @param alpha the share of the box peeled or pasted per step, in (0, 0.5)
     * @param massMin the smallest share of the sample a peeled box may hold, in [0, 1)
     */
    Prim(double[][] x, boolean[] y, double alpha, double massMin) {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be in (0, 0.5), got " + alpha);
        }
        if (!(massMin >= 0 && massMin < 1)) {
            throw new IllegalArgumentException("massMin must be in [0, 1), got " + massMin);
        }
        this.x = x;
        this.y = y;
        this.n = y.length;
        this.k = x.length;
        this.alpha = alpha;
        this.massMin = massMin;
        order = new int[k][];
        sorted = new double[k][];
        for (int j = 0; j < k; j++) {
            if (x[j].length != n) {
                throw new IllegalArgumentException("input " + j + " has " + x[j].length + " samples, not " + n);
            }
            double[] col = x[j];
            order[j] = java.util.stream.IntStream.range(0, n).boxed()
                .sorted((a, b) -> col[a] != col[b] ? Double.compare(col[a], col[b]) : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
            sorted[j] = new double[n];
            for (int r = 0; r < n; r++) {
                sorted[j][r] = col[order[j][r]];
            }
        }
        long t = 0;
        for (boolean b : y) {
            t += b ? 1 : 0;
        }
        totalHits = t;
        lo = new double[k];
        hi = new double[k];
        outside = new int[n];
    }

    /** Samples in which the claim holds. */
    long totalHits() {
        return totalHits;
    }

    /** The peeling trajectory: step 0 is all of input space, each later step one peel. */
    List<Step> peel() {
        load(Box.all(k));
        List<Step> steps = new ArrayList<>();
        steps.add(current());
        while (true) {
            Peel best = null;
            for (int j = 0; j < k; j++) {
                for (boolean upper : new boolean[] {false, true}) {
                    Peel p = peelCandidate(j, upper);
                    if (p != null && (best == null || better(p, best))) {
                        best = p;
                    }
                }
            }
            if (best == null || best.objective <= 0 || count - best.removed < massMin * n) {
                return steps;
            }
            apply(best.input, best.upper, best.cut);
            steps.add(current());
        }
    }

    /** The box {@code start} after pasting (see the class comment). */
    Step paste(Box start) {
        load(start);
        while (true) {
            Paste best = null;
            for (int j = 0; j < k; j++) {
                for (boolean upper : new boolean[] {false, true}) {
                    Paste p = pasteCandidate(j, upper);
                    if (p != null && (best == null || p.betterThan(best))) {
                        best = p;
                    }
                }
            }
            if (best == null) {
                return current();
            }
            apply(best.input, best.upper, best.limit);
        }
    }

    /** The counts of a box on this sample. */
    Step evaluate(Box b) {
        load(b);
        return current();
    }

    private Step current() {
        return new Step(new Box(lo, hi), count, hits);
    }

    private void load(Box b) {
        for (int j = 0; j < k; j++) {
            lo[j] = b.low(j);
            hi[j] = b.high(j);
        }
        Arrays.fill(outside, 0);
        count = 0;
        hits = 0;
        for (int i = 0; i < n; i++) {
            int o = 0;
            for (int j = 0; j < k; j++) {
                double v = x[j][i];
                if (v < lo[j] || v > hi[j]) {
                    o++;
                }
            }
            outside[i] = o;
            if (o == 0) {
                count++;
                hits += y[i] ? 1 : 0;
            }
        }
    }

    /** A candidate peel: which side, the new limit, and the samples and hits it removes. */
    private record Peel(int input, boolean upper, double cut, long removed, long removedHits, double objective,
                        int restrictedAfter) {
    }

    private boolean better(Peel p, Peel best) {
        if (p.objective != best.objective) {
            return p.objective > best.objective;
        }
        return p.restrictedAfter < best.restrictedAfter;
    }

    /**
     * The peel of input {@code j}'s lower or upper side: the box's samples at or beyond the value
     * {@code a} of rank ⌊(m−1)α⌋ from that end go, the cut lying midway to the next distinct
     * value {@code b}; with no such value, those beyond {@code a} go and the cut is {@code a}.
     */
    private Peel peelCandidate(int j, boolean upper) {
        if (count < 2) {
            return null;
        }
        long target = (long) Math.floor((count - 1) * alpha);
        int step = upper ? -1 : 1;
        int r = upper ? lastAtMost(j, hi[j]) : firstAtLeast(j, lo[j]);
        long seen = 0;
        long seenHits = 0;
        // in-box samples before the current value (those strictly below it, from this end)
        long before = 0;
        long beforeHits = 0;
        double previous = Double.NaN;
        double a = Double.NaN;
        double b = Double.NaN;
        for (; r >= 0 && r < n; r += step) {
            int i = order[j][r];
            if (outside[i] != 0) {
                continue;
            }
            double v = sorted[j][r];
            if (seen > target && v != a) {
                b = v;
                break;
            }
            if (v != previous) {
                before = seen;
                beforeHits = seenHits;
                previous = v;
            }
            if (seen == target) {
                a = v;
            }
            seen++;
            seenHits += y[i] ? 1 : 0;
        }
        long removed;
        long removedHits;
        double cut;
        if (!Double.isNaN(b)) {
            removed = seen;
            removedHits = seenHits;
            double mid = 0.5 * a + 0.5 * b;
            cut = upper ? (mid < a ? mid : b) : (mid > a ? mid : b);
        } else {
            // every sample from rank target on equals a: peel only those beyond it
            removed = before;
            removedHits = beforeHits;
            cut = a;
        }
        if (removed == 0 || removed == count) {
            return null;
        }
        double meanOld = (double) hits / count;
        double meanNew = (double) (hits - removedHits) / (count - removed);
        double objective = (meanNew - meanOld) / removed;
        int restricted = new Box(lo, hi).restricted() + (restricted(j) ? 0 : 1);
        return new Peel(j, upper, cut, removed, removedHits, objective, restricted);
    }

    private boolean restricted(int j) {
        return lo[j] != Double.NEGATIVE_INFINITY || hi[j] != Double.POSITIVE_INFINITY;
    }

    /** A candidate paste: the side, its new limit, and the samples and hits it adds. */
    private record Paste(int input, boolean upper, double limit, long added, long addedHits, long count,
                         long hits) {
        boolean betterThan(Paste o) {
            // density (hits + addedHits) / (count + added), compared exactly
            long left = (hits + addedHits) * (o.count + o.added);
            long right = (o.hits + o.addedHits) * (count + added);
            if (left != right) {
                return left > right;
            }
            return added > o.added;
        }
    }

    /** The largest acceptable paste of input {@code j}'s lower or upper side, or null. */
    private Paste pasteCandidate(int j, boolean upper) {
        if (upper ? hi[j] == Double.POSITIVE_INFINITY : lo[j] == Double.NEGATIVE_INFINITY) {
            return null;
        }
        long chunk = Math.max(1, (long) Math.ceil(alpha * count));
        // the samples outside this side only, nearest first: chunk of them, their ties, and one more
        List<double[]> slab = new ArrayList<>();
        int step = upper ? 1 : -1;
        int r = upper ? lastAtMost(j, hi[j]) + 1 : firstAtLeast(j, lo[j]) - 1;
        for (; r >= 0 && r < n; r += step) {
            int i = order[j][r];
            if (outside[i] != 1) {
                continue;
            }
            double v = sorted[j][r];
            if (slab.size() >= chunk && v != slab.get(slab.size() - 1)[0]) {
                slab.add(new double[] {v, 0});
                break;
            }
            slab.add(new double[] {v, y[i] ? 1 : 0});
        }
        boolean more = slab.size() > chunk && slab.get(slab.size() - 1)[0] != slab.get(slab.size() - 2)[0];
        int available = more ? slab.size() - 1 : slab.size();
        if (available == 0) {
            return null;
        }
        long[] cumulative = new long[available + 1];
        for (int c = 0; c < available; c++) {
            cumulative[c + 1] = cumulative[c] + (long) slab.get(c)[1];
        }
        for (long c = Math.min(chunk, available); c >= 1; c = c > 1 ? (c + 1) / 2 : 0) {
            int taken = (int) c;
            while (taken < available && slab.get(taken)[0] == slab.get(taken - 1)[0]) {
                taken++;
            }
            long added = taken;
            long addedHits = cumulative[taken];
            if (addedHits * count >= hits * added) {
                double limit;
                if (taken < slab.size()) {
                    double inner = slab.get(taken - 1)[0];
                    double outer = slab.get(taken)[0];
                    double mid = 0.5 * inner + 0.5 * outer;
                    // the inner sample is taken, the outer one stays out, whatever the rounding of mid
                    limit = upper ? (mid < outer ? mid : inner) : (mid > outer ? mid : inner);
                } else {
                    limit = upper ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                }
                return new Paste(j, upper, limit, added, addedHits, count, hits);
            }
        }
        return null;
    }

    /**
     * Moves input {@code j}'s lower or upper limit to {@code limit}, updating each affected
     * sample's count of inputs it lies outside, and the box's count and hits.
     */
    private void apply(int j, boolean upper, double limit) {
        double old = upper ? hi[j] : lo[j];
        boolean narrowing = upper ? limit < old : limit > old;
        // the samples whose side of the limit changes: between the old and the new limit
        double from = Math.min(old, limit);
        double to = Math.max(old, limit);
        int start = firstAtLeast(j, from);
        for (int r = start; r < n && sorted[j][r] <= to; r++) {
            double v = sorted[j][r];
            boolean wasOut = upper ? v > old : v < old;
            boolean isOut = upper ? v > limit : v < limit;
            if (wasOut == isOut) {
                continue;
            }
            int i = order[j][r];
            if (narrowing) {
                if (outside[i]++ == 0) {
                    count--;
                    hits -= y[i] ? 1 : 0;
                }
            } else if (--outside[i] == 0) {
                count++;
                hits += y[i] ? 1 : 0;
            }
        }
        if (upper) {
            hi[j] = limit;
        } else {
            lo[j] = limit;
        }
    }

    /** The first rank whose value is at least {@code v} (n when none). */
    private int firstAtLeast(int j, double v) {
        double[] s = sorted[j];
        int a = 0;
        int b = n;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (s[mid] < v) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        return a;
    }

    /** The last rank whose value is at most {@code v} (−1 when none). */
    private int lastAtMost(int j, double v) {
        double[] s = sorted[j];
        int a = 0;
        int b = n;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (s[mid] <= v) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        return a - 1;
    }
}
