package org.mcsim.engine;

/**
 * The engines a run's blocks can be computed on ({@code --engine}): this machine's threads, or
 * an Apache Spark job through the {@link BlockExecutorProvider} of that name (in its own module,
 * found on the class path). Every engine gives the same bytes.
 */
public enum EngineKind {
    /** This machine's worker threads. */
    LOCAL("local"),
    /** An Apache Spark job (the {@code spark} module). */
    SPARK("spark");

    private final String label;

    EngineKind(String label) {
        this.label = label;
    }

    /** The lower-case name {@code --engine} takes and run.json records. */
    public String label() {
        return label;
    }

    /**
     * The engine named {@code name}, its label.
     *
     * @throws IllegalArgumentException naming the engines there are, when there is none of that name
     */
    public static EngineKind parse(String name) {
        for (EngineKind k : values()) {
            if (k.label.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown engine '" + name + "' (expected local or spark)");
    }
}
