package org.mcsim.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.mcsim.engine.BlockExecutor;
import org.mcsim.engine.BlockJob;
import org.mcsim.engine.BlockRange;
import org.mcsim.engine.RunFailedException;

/**
 * Computes waves of blocks as Spark jobs: a wave of blocks is cut into {@code partitions}
 * contiguous ranges of nearly equal size, each range is one task that runs
 * {@link BlockJob#compute} on the shipped job (which rebuilds the plan from the scenario's text
 * on the executor), and the ranges come back in partition order, that is in block order, for
 * the engine to merge. Executors only compute; the driver merges, summarizes and writes.
 *
 * <p>A wave is one Spark job of {@code partitions} tasks: 256 blocks per task, or 16 under
 * {@code --until}, so that few blocks are computed beyond the stopping point. The driver merges
 * a wave while nothing runs on the cluster; at 256 blocks per task that pause is short beside
 * the computing.
 *
 * <p>Used from the driver's merging thread only. The executor starts the application's Spark
 * context (from spark-submit's settings, if any) and {@link #close} stops it.
 */
final class SparkExecutor implements BlockExecutor {
    /** Under precision targets: few blocks computed beyond the stopping point. */
    private static final int BLOCKS_PER_PARTITION_PER_EARLY_WAVE = 16;
    /** Under precision targets, a wave is also at least this fraction of the blocks merged so far. */
    private static final int STOPPING_WAVE_GROWTH = 16;
    /**
     * Otherwise: 256 blocks (512k samples) per task, so that a job's results, which the driver
     * holds twice for a moment (received, then copied into the run's store), stay small beside the
     * run's own store, at one job's scheduling (tens of milliseconds) per wave.
     */
    private static final int BLOCKS_PER_PARTITION_PER_WAVE = 256;

    private final JavaSparkContext context;
    private final int partitions;

    private SparkExecutor(JavaSparkContext context, int partitions) {
        this.context = context;
        this.partitions = partitions;
    }

    /**
     * Starts a Spark context.
     *
     * @param master the master URL, or null for spark-submit's ({@code spark.master}), else
     *     {@code local[*]}
     * @param partitions tasks per wave, or 0 for the context's default parallelism
     * @throws RunFailedException when Spark cannot start
     */
    static SparkExecutor open(String master, int partitions) throws RunFailedException {
        SparkConf conf = new SparkConf();
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        conf.setIfMissing("spark.app.name", "mcsim");
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        try {
            JavaSparkContext sc = new JavaSparkContext(conf);
            return new SparkExecutor(sc, partitions > 0 ? partitions : Math.max(1, sc.defaultParallelism()));
        } catch (RuntimeException e) {
            throw new RunFailedException("--engine spark: Spark cannot start: " + message(e));
        }
    }

    @Override
    public String name() {
        return "spark";
    }

    /**
     * Under precision targets the waves also grow to 1/16 of the blocks merged so far (each costs
     * a job's scheduling), so at most 1/16 of the run is computed beyond the stopping point.
     */
    @Override
    public long wave(BlockJob job, long merged, boolean stopsEarly) {
        if (stopsEarly) {
            return Math.max((long) partitions * BLOCKS_PER_PARTITION_PER_EARLY_WAVE, merged / STOPPING_WAVE_GROWTH);
        }
        return (long) partitions * BLOCKS_PER_PARTITION_PER_WAVE;
    }

    @Override
    public List<BlockRange> compute(BlockJob job, long first, int count) throws RunFailedException {
        List<long[]> ranges = split(first, count, (int) Math.min(partitions, count));
        try {
            return context.parallelize(ranges, ranges.size()).map(r -> job.compute(r[0], (int) r[1])).collect();
        } catch (RuntimeException e) {
            throw new RunFailedException("the Spark job failed: " + message(e));
        }
    }

    /** {first block, block count} of each of {@code parts} contiguous ranges, in order. */
    static List<long[]> split(long first, int count, int parts) {
        List<long[]> out = new ArrayList<>(parts);
        long at = first;
        for (int i = 0; i < parts; i++) {
            int n = count / parts + (i < count % parts ? 1 : 0);
            out.add(new long[] {at, n});
            at += n;
        }
        return out;
    }

    /** The innermost cause's message: what went wrong on the executor, not Spark's wrapping. */
    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    @Override
    public void close() {
        context.stop();
    }
}
