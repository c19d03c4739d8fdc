package org.mcsim.engine;

import java.util.List;
import org.mcsim.model.Scenario;

/**
 * The result of a run: its summaries and the metadata that run.json records.
 *
 * @param scenario the scenario as run (command-line overrides applied)
 * @param samplesRequested samples asked for
 * @param samples samples drawn
 * @param threads worker threads used
 * @param stop why sampling stopped ({@link StopReason#SAMPLES}, {@code PRECISION} or {@code CEILING})
 * @param elapsedNanos wall time of sampling and summarizing
 * @param variables summaries of inputs (file order) then formulas (file order)
 * @param claims claim probabilities in file order
 * @param outputSamples every output's samples in sample order ({@code outputs} order), or null
 *     when they were not kept
 * @param quantiles how quantiles were computed
 * @param warnings warnings for the user, also recorded in run.json
 * @param correlations each target rank correlation with the one achieved
 * @param sketch the accuracy of sketched quantiles, or null when they are exact
 */
public record RunResult(Scenario scenario, long samplesRequested, long samples, int threads,
                        StopReason stop, long elapsedNanos, List<VariableSummary> variables,
                        List<ClaimSummary> claims, double[][] outputSamples, QuantileMode quantiles,
                        List<String> warnings, List<CorrelationSummary> correlations,
                        SketchSummary sketch) {

    public RunResult {
        variables = List.copyOf(variables);
        claims = List.copyOf(claims);
        warnings = List.copyOf(warnings);
        correlations = List.copyOf(correlations);
    }

    /** The stop reason's label as run.json records it: {@code samples}, {@code precision} or {@code ceiling}. */
    public String stopReason() {
        return stop.label();
    }

    /** The quantile mode's label as run.json records it: {@code exact} or {@code sketch}. */
    public String quantileMethod() {
        return quantiles.label();
    }

    /** Samples per second of wall time. */
    public double samplesPerSecond() {
        return elapsedNanos == 0 ? 0 : samples * 1e9 / elapsedNanos;
    }

    /** The summary of the named variable, or null. */
    public VariableSummary variable(String name) {
        return variables.stream().filter(v -> v.name().equals(name)).findFirst().orElse(null);
    }
}
