package org.mcsim.engine;

/** How a run's quantiles and histograms were computed; {@link #label} is what run.json records. */
public enum QuantileMode {
    /** From every kept sample. */
    EXACT("exact"),
    /** From mergeable sketches, above the exact-quantile limit ({@link Engine#EXACT_LIMIT}). */
    SKETCH("sketch");

    private final String label;

    QuantileMode(String label) {
        this.label = label;
    }

    /** The lower-case name written to run.json ({@code quantiles}). */
    public String label() {
        return label;
    }
}
