package org.mcsim.discover;

import org.mcsim.engine.Estimate;

/**
 * One box of the peeling trajectory, or the chosen box, with its coverage, density and mass
 * twice: on the sample it was searched on (what PRIM optimised, optimistic) and on the
 * independent check sample, with Wilson intervals (see {@link Discovery}).
 *
 * @param step the peeling step (0: all of input space); for the chosen box, the step it was chosen from
 * @param box the box
 * @param coverage share of the check sample's claim-true samples inside the box, with its interval
 * @param density share of the check sample's samples inside the box for which the claim holds, with its interval
 * @param mass share of the check sample inside the box, with its interval
 * @param searchCoverage coverage on the searched sample
 * @param searchDensity density on the searched sample
 * @param searchMass mass on the searched sample
 */
public record StepResult(int step, Box box, Estimate coverage, Estimate density, Estimate mass,
                         double searchCoverage, double searchDensity, double searchMass) {

    /** Number of restricted inputs. */
    public int restricted() {
        return box.restricted();
    }
}
