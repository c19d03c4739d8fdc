package org.mcsim.spark;

import java.util.Map;
import org.mcsim.engine.BlockExecutor;
import org.mcsim.engine.BlockExecutorProvider;
import org.mcsim.engine.RunFailedException;

/**
 * Opens the Spark executor for {@code --engine spark}; listed in
 * {@code META-INF/services/org.mcsim.engine.BlockExecutorProvider}. Stateless.
 */
public final class SparkExecutorProvider implements BlockExecutorProvider {

    /** The service loader's no-argument constructor. */
    public SparkExecutorProvider() {
    }

    @Override
    public String name() {
        return "spark";
    }

    /**
     * Opens a Spark executor.
     *
     * @param options {@code master} (a Spark master URL; default spark-submit's, else
     *     {@code local[*]}) and {@code partitions} (tasks per wave; default the context's default
     *     parallelism)
     */
    @Override
    public BlockExecutor open(Map<String, String> options) throws RunFailedException {
        return SparkExecutor.open(options.get("master"), partitions(options.get("partitions")));
    }

    private static int partitions(String text) throws RunFailedException {
        if (text == null) {
            return 0;
        }
        try {
            int p = Integer.parseInt(text);
            if (p >= 1) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RunFailedException("--partitions must be a whole number of at least 1, got " + text);
    }
}
