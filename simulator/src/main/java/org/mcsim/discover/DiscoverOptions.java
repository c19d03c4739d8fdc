package org.mcsim.discover;

/**
 * How {@link Discovery} searches and checks.
 *
 * @param alpha the share of the box peeled (and first tried when pasting) per step, in (0, 0.5);
 *     0.05 by default, as in Friedman &amp; Fisher and the EMA Workbench
 * @param massMin the smallest share of the sample a peeled box may hold, in [0, 1); 0.05 by default
 * @param paste whether the chosen box is pasted (widened where that costs no density)
 * @param step the peeling step to choose, or -1 for the default rule (see {@link Discovery})
 * @param checkSamples the size of the independent sample on which boxes are checked, at least 1
 */
public record DiscoverOptions(double alpha, double massMin, boolean paste, int step, long checkSamples) {
    /** The default peeling share. */
    public static final double ALPHA = 0.05;
    /** The default smallest box mass. */
    public static final double MASS_MIN = 0.05;

    public DiscoverOptions {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be in (0, 0.5), got " + alpha);
        }
        if (!(massMin >= 0 && massMin < 1)) {
            throw new IllegalArgumentException("mass-min must be in [0, 1), got " + massMin);
        }
        if (step < -1) {
            throw new IllegalArgumentException("step must be at least 0, got " + step);
        }
        if (checkSamples < 1) {
            throw new IllegalArgumentException("check samples must be at least 1, got " + checkSamples);
        }
    }
}
