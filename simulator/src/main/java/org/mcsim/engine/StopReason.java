package org.mcsim.engine;

/** Why a run stopped sampling; {@link #label} is what run.json records. */
public enum StopReason {
    /** Every requested sample was drawn. */
    SAMPLES("samples"),
    /** Every {@code --until} target was met. */
    PRECISION("precision"),
    /** The {@code --until} ceiling was reached before every target was met. */
    CEILING("ceiling"),
    /** A formula or claim was not finite at a sample (the run fails; never in a result). */
    FAILED("failed");

    private final String label;

    StopReason(String label) {
        this.label = label;
    }

    /** The lower-case name written to run.json ({@code stop_reason}). */
    public String label() {
        return label;
    }
}
