package org.mcsim.engine;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Where a run's blocks are computed: this machine's threads ({@link #local}) or, found through
 * {@link BlockExecutorProvider}, another engine such as Apache Spark. The engine asks an executor
 * for ranges of blocks, wave after wave, and merges the returned {@link BlockRange}s strictly in
 * block order; since every block's random streams depend only on (seed, input name, block), the
 * merged result, and so every output file, is the same bytes whatever the executor.
 *
 * <p>An executor serves one command at a time (calls come from the merging thread only) and may
 * serve many runs; {@link #close} releases its threads or cluster connection.
 */
public interface BlockExecutor extends AutoCloseable {

    /** The engine's name, recorded in run.json ({@code local}, {@code spark}). */
    String name();

    /**
     * How many blocks to ask for next. Any answer gives the same result; it only trades the cost
     * of a wave (a barrier, a cluster job) against blocks computed beyond a stopping point.
     *
     * @param job the run's job ({@link BlockJob#blocks}, {@link BlockJob#variableCount})
     * @param merged blocks merged so far
     * @param stopsEarly true when the run may stop after any block (precision targets), so that
     *     blocks asked for beyond the stopping point are wasted
     */
    long wave(BlockJob job, long merged, boolean stopsEarly);

    /**
     * Computes blocks {@code first .. first+count-1} of the job, each exactly as
     * {@link BlockJob#compute} does, and returns ranges that cover them in block order. The job
     * says what to keep of the wave: every sample (returned with the
     * ranges, or written into the job's store by an executor on this machine) or sketches with
     * given buckets (returned with the ranges; an executor may hold them back until the last
     * block of the run and return them then).
     *
     * @throws RunFailedException when the engine cannot compute them (a failed cluster job)
     */
    List<BlockRange> compute(BlockJob job, long first, int count) throws RunFailedException;

    /**
     * Threads this machine may spend on the run's own work between waves (growing the store of
     * kept samples): the local executor's threads; 1 by default.
     */
    default int localThreads() {
        return 1;
    }

    /** Releases the executor's threads or connections. */
    @Override
    void close();

    /** This machine's cores: {@code threads} worker threads. */
    static BlockExecutor local(int threads) {
        return new LocalExecutor(threads);
    }

    /**
     * Opens the executor named {@code engine} ({@link EngineKind#parse}): {@code local} (with
     * {@code threads}) or one found through {@link ServiceLoader} as a {@link BlockExecutorProvider}
     * of that name.
     *
     * @param options the engine's options ({@code master}, {@code partitions} for Spark); null
     *     values are left out
     * @throws RunFailedException when no such engine is on the class path or it cannot start
     */
    static BlockExecutor open(String engine, int threads, Map<String, String> options) throws RunFailedException {
        EngineKind kind;
        try {
            kind = EngineKind.parse(engine);
        } catch (IllegalArgumentException e) {
            throw new RunFailedException("--engine " + engine + ": " + e.getMessage());
        }
        return open(kind, threads, options);
    }

    /**
     * Opens the executor of {@code engine}: {@link #local} with {@code threads}, or the
     * {@link BlockExecutorProvider} of its name found through {@link ServiceLoader}.
     *
     * @param options the engine's options ({@code master}, {@code partitions} for Spark); null
     *     values are left out
     * @throws RunFailedException when the engine is not on the class path or cannot start
     */
    static BlockExecutor open(EngineKind engine, int threads, Map<String, String> options) throws RunFailedException {
        if (engine == EngineKind.LOCAL) {
            return local(threads);
        }
        for (BlockExecutorProvider p : ServiceLoader.load(BlockExecutorProvider.class)) {
            if (p.name().equals(engine.label())) {
                return p.open(options);
            }
        }
        throw new RunFailedException("--engine " + engine.label() + ": that engine is not on the class path"
            + (engine == EngineKind.SPARK ? " (run through ./mcsim, which adds it, or submit mcsim-spark.jar with "
                + "spark-submit; see the README)" : ""));
    }
}
