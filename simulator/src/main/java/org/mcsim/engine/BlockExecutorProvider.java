package org.mcsim.engine;

import java.util.Map;

/**
 * A service ({@link java.util.ServiceLoader}) that opens a {@link BlockExecutor} by name, so that
 * engines with heavy dependencies (Apache Spark) live in their own module and jar and the
 * simulator does not compile against them. Implementations are listed in
 * {@code META-INF/services/org.mcsim.engine.BlockExecutorProvider} and need a public no-argument
 * constructor.
 */
public interface BlockExecutorProvider {

    /** The name that {@code --engine} selects. */
    String name();

    /**
     * Opens an executor.
     *
     * @param options engine options by name (for example {@code master}, {@code partitions})
     * @throws RunFailedException when an option is invalid or the engine cannot start
     */
    BlockExecutor open(Map<String, String> options) throws RunFailedException;
}
