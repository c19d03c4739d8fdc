package org.mcsim.engine;

import java.util.List;
import org.mcsim.stats.Moments;
import org.mcsim.stats.QuantileSketch;

/**
 * The phases of one run's sampling, driven from {@link Engine#sample}: each asks the executor for
 * waves of blocks, hands every wave what to keep ({@link Keep}, inside the wave's job), and merges
 * the returned ranges strictly in block order.
 *
 * <ul>
 *   <li><b>exact</b>: every sample of the kept variables goes into the run's store, up to the end,
 *     a failed sample, the precision targets, or (under {@code --until} past the exact limit) the
 *     turn to sketches;</li>
 *   <li><b>pilot</b>: block 0 alone, whose moments set the buckets of one {@link QuantileSketch}
 *     per output (centred on its mean, scaled by its sd);</li>
 *   <li><b>sketched</b>: every later block's samples go into sketches with those buckets, built
 *     where the blocks are computed and added together here (integer counts: the same whoever
 *     sketched what);</li>
 *   <li><b>windowed</b>: under {@code --until} past the exact limit, the samples kept so far are
 *     sketched, then each wave passes through a window of the first one's size and its merged
 *     samples go into the sketches, so that they hold exactly the blocks merged when a target is
 *     checked or the run stops.</li>
 * </ul>
 *
 * <p>Used by the merging thread only; one instance per run.
 */
final class Sampling {
    private final BlockJob job;
    private final BlockExecutor executor;
    private final Precision precision;
    private final RunOptions.Progress progress;
    private final Layout layout;
    private final Accumulator acc;
    private final int threads;
    /** Block 0's result once merged: its moments set the sketches' buckets. */
    private BlockResult block0;

    Sampling(BlockJob job, BlockExecutor executor, Precision precision, RunOptions.Progress progress) {
        this.job = job;
        this.executor = executor;
        this.precision = precision;
        this.progress = progress;
        this.layout = job.layout();
        this.acc = new Accumulator(job.plan(), layout);
        this.threads = executor.localThreads();
    }

    /** The exact phase alone: every sample kept, to the end or a stop. */
    Engine.Sampled exact() throws RunFailedException {
        Store store = job.keep().store();
        if (precision == null) {
            // Every sample will be drawn: one allocation instead of copies while doubling.
            store.ensure(layout.samples(), threads, 0);
        }
        StopReason stop = exactWaves(store, layout.blocks());
        return sampled(store, null, stop != null ? stop : end());
    }

    /** The pilot, then the sketched phase: a plain random run above the exact limit. */
    Engine.Sampled pilotThenSketched(double accuracy) throws RunFailedException {
        Store window = Store.range(job.kept().length, 0, (int) Math.min(layout.samples(), layout.blockSize()));
        BlockRange pilot = executor.compute(job.keeping(Keep.samples(window)), 0, 1).get(0);
        pilot.copyInto(window);
        BlockResult r = pilot.result(0);
        if (!acc.merge(r)) {
            return sampled(window, null, StopReason.FAILED);
        }
        QuantileSketch[] sketches = bucketsFrom(r, accuracy);
        for (int o = 0; o < sketches.length; o++) {
            sketches[o].add(window.column(o), 0, r.length);
        }
        BlockJob wave = job.keeping(Keep.sketches(sketches));
        int count;
        for (long first = 1; first < layout.blocks(); first += count) {
            count = waveSize(first, layout.blocks());
            for (BlockRange range : executor.compute(wave, first, count)) {
                for (int i = 0; i < range.count(); i++) {
                    if (!acc.merge(range.result(i))) {
                        return sampled(window, sketches, StopReason.FAILED);
                    }
                }
                combine(sketches, range.sketches());
            }
            progress.update(acc.samples(), layout.samples());
        }
        return sampled(window, sketches, StopReason.SAMPLES);
    }

    /**
     * Under {@code --until} with a ceiling above the exact limit: the exact phase up to block
     * {@code exactBlocks} (at least one), then, if no target stopped it, the windowed phase.
     */
    Engine.Sampled exactThenWindowed(double accuracy, long exactBlocks) throws RunFailedException {
        Store store = job.keep().store();
        StopReason stop = exactWaves(store, exactBlocks);
        if (stop != null || exactBlocks >= layout.blocks()) {
            return sampled(store, null, stop != null ? stop : end());
        }
        QuantileSketch[] sketches = bucketsFrom(block0, accuracy);
        sketch(sketches, store, 0, acc.samples());
        Window w = null;
        int count;
        for (long first = exactBlocks; first < layout.blocks(); first += count) {
            count = waveSize(first, layout.blocks());
            w = w != null ? w : new Window(sketches, count);
            w.store.moveTo(layout.start(first));
            count = Math.min(count, w.blocks);
            stop = merge(executor.compute(job.keeping(Keep.samples(w.store)), first, count), w.store, w);
            if (stop != null) {
                return sampled(w.store, sketches, stop);
            }
            w.catchUp();
            progress.update(acc.samples(), layout.samples());
        }
        return sampled(w.store, sketches, StopReason.CEILING);
    }

    /** Waves up to block {@code end} (exclusive) keeping every sample in {@code store}; the stop, or null. */
    private StopReason exactWaves(Store store, long end) throws RunFailedException {
        BlockJob wave = job.keeping(Keep.samples(store));
        int count;
        for (long first = acc.nextBlock(); first < end; first += count) {
            count = waveSize(first, end);
            // under --until, room for the samples the targets look set to need (a hint, 5 % over)
            long expected = precision == null ? 0
                : Math.min(layout.start(end), precision.expectedSamples(acc) / 20 * 21);
            store.ensure(Math.min(layout.samples(), layout.start(first + count)), threads, expected);
            StopReason stop = merge(executor.compute(wave, first, count), store, null);
            if (stop != null) {
                return stop;
            }
            progress.update(acc.samples(), layout.samples());
        }
        return null;
    }

    /**
     * Merges a wave's ranges in block order, checking the targets after every block; in the
     * windowed phase ({@code window} not null) the window's samples go into the sketches before
     * the targets read quantiles and when the run stops. The stop reached, or null.
     */
    private StopReason merge(List<BlockRange> ranges, Store store, Window window) {
        for (BlockRange range : ranges) {
            range.copyInto(store);
            for (int i = 0; i < range.count(); i++) {
                BlockResult r = range.result(i);
                if (!acc.merge(r)) {
                    return StopReason.FAILED;
                }
                block0 = r.block == 0 ? r : block0;
                if (precision == null) {
                    continue;
                }
                if (window != null && precision.readsQuantiles(acc)) {
                    window.catchUp();
                }
                if (precision.met(acc, store, window == null ? null : window.sketches, job.kept())) {
                    if (window != null) {
                        window.catchUp();
                    }
                    progress.update(acc.samples(), layout.samples());
                    return StopReason.PRECISION;
                }
            }
        }
        return null;
    }

    /** Blocks in the next wave from {@code first}: the executor's choice, not past {@code end}. */
    private int waveSize(long first, long end) {
        long wave = Math.max(1, Math.min(Integer.MAX_VALUE, executor.wave(job, first, precision != null)));
        return (int) Math.min(wave, end - first);
    }

    /** The reason a run that drew every block stopped. */
    private StopReason end() {
        return precision == null ? StopReason.SAMPLES : StopReason.CEILING;
    }

    private Engine.Sampled sampled(Store store, QuantileSketch[] sketches, StopReason stop) {
        return new Engine.Sampled(acc, store, job.kept(), sketches, stop);
    }

    /** Integer counts: combined in any order, the same sketch. */
    private static void combine(QuantileSketch[] into, QuantileSketch[] range) {
        if (range == null) {
            return;
        }
        for (int o = 0; o < into.length; o++) {
            into[o].combine(range[o]);
        }
    }

    /**
     * Empty sketches, one per output, centred on block 0's mean and scaled by its sd (by |mean|,
     * or 1, when block 0 is constant). Block 0 is the same for any thread count, so are they.
     */
    private QuantileSketch[] bucketsFrom(BlockResult first, double accuracy) {
        Plan plan = job.plan();
        QuantileSketch[] sketches = new QuantileSketch[plan.outputCount()];
        for (int o = 0; o < sketches.length; o++) {
            Moments m = first.moments[plan.outputVariable(o)];
            double scale = m.sd();
            if (!(scale > 0) || Double.isInfinite(scale)) {
                scale = m.mean() != 0 ? Math.abs(m.mean()) : 1;
            }
            sketches[o] = QuantileSketch.create(m.mean(), scale, accuracy);
        }
        return sketches;
    }

    /**
     * Adds samples {@code from .. to-1} of the store to the sketches, one output per task on up to
     * the executor's local threads. Integer counts: the same however the samples are batched.
     */
    private void sketch(QuantileSketch[] sketches, Store store, long from, long to) {
        int at = (int) (from - store.base());
        int n = (int) (to - from);
        Parallel.forEach(sketches.length, threads, o -> sketches[o].add(store.column(o), at, n));
    }

    /**
     * The windowed phase's state: the sketches, the window every wave passes through (the size
     * of the first wave) and how many merged samples are in the sketches so far.
     */
    private final class Window {
        final QuantileSketch[] sketches;
        final int blocks;
        final Store store;
        long sketched;

        Window(QuantileSketch[] sketches, int firstWave) {
            this.sketches = sketches;
            this.blocks = Math.min(firstWave, Integer.MAX_VALUE / layout.blockSize());
            this.store = Store.range(job.kept().length, 0, blocks * layout.blockSize());
            this.sketched = acc.samples();
        }

        /** Adds the merged samples not yet in the sketches to them. */
        void catchUp() {
            if (sketched < acc.samples()) {
                sketch(sketches, store, sketched, acc.samples());
                sketched = acc.samples();
            }
        }
    }
}
