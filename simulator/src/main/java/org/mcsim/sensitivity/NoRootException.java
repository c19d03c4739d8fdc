package org.mcsim.sensitivity;

/**
 * Solve found the target on the same side at both ends of the range: no root in it.
 */
public final class NoRootException extends Exception {
    private static final long serialVersionUID = 1L;

    private final double atLow;
    private final double atHigh;

    NoRootException(String message, double atLow, double atHigh) {
        super(message);
        this.atLow = atLow;
        this.atHigh = atHigh;
    }

    /** The targeted statistic at the low end of the range. */
    public double atLow() {
        return atLow;
    }

    /** The targeted statistic at the high end of the range. */
    public double atHigh() {
        return atHigh;
    }
}
