package org.mcsim.sensitivity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcsim.engine.BlockExecutor;

/**
 * Runs the grid of a sweep: the product of its axes, point after point, each on common random
 * numbers (every input maps the same random numbers to values monotonically), so that the
 * curves are smooth and differences between points are differences of the model, not noise.
 *
 * <p>Points are numbered from 0 with the last axis varying fastest. Stateless; each call runs
 * its points one after another, each run using the given number of threads.
 */
public final class Sweep {
    /** Largest number of grid points. */
    public static final long MAX_POINTS = 1_000_000;

    private Sweep() {
    }

    /**
     * Runs every point of the grid.
     *
     * @param scenarios builds the scenario at a point's values (settings applied)
     * @param axes the axes, at least one, with distinct keys
     * @param threads worker threads of each run
     * @return the points in order
     * @throws PointException if a point's scenario is invalid or its run fails (the first such)
     */
    public static List<SweepPoint> run(Scenarios scenarios, List<SweepAxis> axes, int threads)
        throws PointException {
        return run(scenarios, axes, threads, null);
    }

    /**
     * As {@link #run(Scenarios, List, int)}, each point's blocks computed by {@code executor}
     * (null: this machine's cores); a remote executor needs {@link Scenarios#source}.
     */
    public static List<SweepPoint> run(Scenarios scenarios, List<SweepAxis> axes, int threads,
                                       BlockExecutor executor) throws PointException {
        List<SweepPoint> points = new ArrayList<>();
        try {
            run(scenarios, axes, threads, executor, points::add);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a list does not throw
        }
        return points;
    }

    /** Where each grid point goes as soon as it is computed, in point order. */
    @FunctionalInterface
    public interface PointSink {
        /**
         * Takes one point; the sweep keeps nothing of it.
         *
         * @param point the point
         * @throws java.io.IOException if writing it fails (the sweep stops)
         */
        void accept(SweepPoint point) throws java.io.IOException;
    }

    /**
     * As {@link #run(Scenarios, List, int, BlockExecutor)}, handing each point to {@code sink} as
     * soon as it is computed instead of keeping them all: a grid of a million points holds one
     * point's result at a time.
     *
     * @throws java.io.IOException if the sink fails
     */
    public static void run(Scenarios scenarios, List<SweepAxis> axes, int threads, BlockExecutor executor,
                           PointSink sink) throws PointException, java.io.IOException {
        long count = size(axes);
        PointRunner runner = new PointRunner(scenarios, threads, executor);
        for (int p = 0; p < count; p++) {
            double[] values = values(axes, p);
            sink.accept(new SweepPoint(p, values, runner.run(overrides(axes, values))));
        }
    }

    /** The number of grid points, the product of the axes' steps. */
    public static long size(List<SweepAxis> axes) {
        if (axes.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one --vary axis");
        }
        long count = 1;
        List<String> keys = new ArrayList<>();
        for (SweepAxis a : axes) {
            if (keys.contains(a.key())) {
                throw new IllegalArgumentException("--vary " + a.key() + " is given twice");
            }
            keys.add(a.key());
            count *= a.steps();
            if (count > MAX_POINTS) {
                throw new IllegalArgumentException("the grid has more than " + MAX_POINTS + " points");
            }
        }
        return count;
    }

    /** The axes' values at grid point {@code p}, the last axis varying fastest. */
    static double[] values(List<SweepAxis> axes, long p) {
        double[] v = new double[axes.size()];
        long rest = p;
        for (int a = axes.size() - 1; a >= 0; a--) {
            int steps = axes.get(a).steps();
            v[a] = axes.get(a).value((int) (rest % steps));
            rest /= steps;
        }
        return v;
    }

    private static Map<String, Double> overrides(List<SweepAxis> axes, double[] values) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int a = 0; a < axes.size(); a++) {
            m.put(axes.get(a).key(), values[a]);
        }
        return m;
    }
}
