package org.mcsim.engine;

/** What a summarized variable is; {@link #label} is what summary.csv writes in its kind column. */
public enum VariableKind {
    /** An input, sampled from its distribution. */
    INPUT("input"),
    /** A formula, computed from the inputs. */
    FORMULA("formula");

    private final String label;

    VariableKind(String label) {
        this.label = label;
    }

    /** The lower-case name written to summary.csv. */
    public String label() {
        return label;
    }
}
