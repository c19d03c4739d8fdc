package org.mcsim.sensitivity;

import org.mcsim.engine.RunResult;

/**
 * One point of a sweep's grid and its run.
 *
 * @param point the point's number, from 0, the last axis varying fastest
 * @param values the value of each axis at this point, in axis order
 * @param result the run at this point (common random numbers)
 */
public record SweepPoint(int point, double[] values, RunResult result) {
    public SweepPoint {
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }
}
