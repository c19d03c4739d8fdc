package org.mcsim.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mcsim.engine.PlanSource;
import org.mcsim.engine.RunFailedException;
import org.mcsim.model.Scenario;
import org.mcsim.output.Provenance;
import org.mcsim.scenario.ScenarioException;
import org.mcsim.sensitivity.Scenarios;

/** What sensitivity, sweep and solve share: building scenarios at a point. */
final class StressOptions {
    private StressOptions() {
    }

    /**
     * The loaded file with the --set overrides, then the point's values, then (with --variant) the
     * variant's, then the command's settings.
     */
    static Scenarios scenarios(ScenarioFiles.Loaded loaded, SamplingOptions options) {
        return scenarios(loaded, options, null);
    }

    /** As {@link #scenarios(ScenarioFiles.Loaded, SamplingOptions)}, with sources for a remote engine. */
    static Scenarios scenarios(ScenarioFiles.Loaded loaded, SamplingOptions options, EngineOptions engine) {
        Map<String, Double> base = options.overrides();
        return new Scenarios() {
            @Override
            public Scenario build(Map<String, Double> values) throws ScenarioException {
                Scenario s = loaded.variant() == null ? loaded.document().build(merged(values))
                    : VariantOption.named(loaded.document().buildVariant(loaded.variant(), merged(values)),
                        loaded.variant());
                return s.withSettings(options.apply(s.settings()));
            }

            @Override
            public PlanSource source(Map<String, Double> values) throws RunFailedException {
                return engine == null || engine.isLocal() ? null
                    : PlanSource.of(loaded.document(), merged(values), loaded.variant());
            }

            private Map<String, Double> merged(Map<String, Double> values) {
                Map<String, Double> all = new LinkedHashMap<>(base);
                all.putAll(values);
                return all;
            }
        };
    }

    /**
     * What produced the file a command adds to the run folder: the scenario as loaded, with the
     * command's settings, {@code --set} overrides and variant (sweeps and solves vary parameters on top
     * of these, and their CSVs name the varied values).
     */
    static Provenance provenance(String command, ScenarioFiles.Loaded loaded, SamplingOptions options) {
        org.mcsim.model.Settings set = options.apply(loaded.scenario().settings());
        return new Provenance(command, loaded.given(), loaded.document().sha256(), set.seed(), set.samples(),
            set.method().label(), options.overrides(), loaded.variant());
    }
}
