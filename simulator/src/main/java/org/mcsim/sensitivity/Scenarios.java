package org.mcsim.sensitivity;

import java.util.Map;
import org.mcsim.engine.PlanSource;
import org.mcsim.engine.RunFailedException;
import org.mcsim.model.Scenario;
import org.mcsim.scenario.ScenarioException;

/**
 * Builds the validated scenario for a set of parameter overrides (keys as {@code --set} takes
 * them), with the command's settings applied; sweeps and solve call it once per point.
 * Implementations must be safe to call repeatedly; they need not be thread-safe.
 */
@FunctionalInterface
public interface Scenarios {
    /**
     * @param overrides the varied parameters' values, applied over any fixed overrides
     * @return the validated scenario
     * @throws ScenarioException when the values make the scenario invalid or name nothing settable
     */
    Scenario build(Map<String, Double> overrides) throws ScenarioException;

    /**
     * How to build the same scenario on another machine (for a remote executor such as Spark),
     * or null when the runs stay on this one (the default).
     *
     * @param overrides the varied parameters' values, as for {@link #build}
     */
    default PlanSource source(Map<String, Double> overrides) throws RunFailedException {
        return null;
    }
}
