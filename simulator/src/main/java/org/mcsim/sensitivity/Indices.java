package org.mcsim.sensitivity;

/** Which indices {@code --indices} asks for. */
public enum Indices {
    /** Every index. */
    ALL("all"),
    /** Spearman's rank correlation only. */
    RANK("rank"),
    /** The tornado's two ends only. */
    TORNADO("tornado"),
    /** First-order and total Sobol indices only. */
    SOBOL("sobol");

    private final String label;

    Indices(String label) {
        this.label = label;
    }

    /** The option's text. */
    public String label() {
        return label;
    }

    /** @return whether rank correlations are asked for */
    public boolean rank() {
        return this == ALL || this == RANK;
    }

    /** @return whether the tornado's ends are asked for */
    public boolean tornado() {
        return this == ALL || this == TORNADO;
    }

    /** @return whether Sobol indices are asked for */
    public boolean sobol() {
        return this == ALL || this == SOBOL;
    }
}
