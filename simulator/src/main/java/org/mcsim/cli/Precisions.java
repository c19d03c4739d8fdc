package org.mcsim.cli;

import java.util.List;
import org.mcsim.engine.Target;
import org.mcsim.model.QuantileLevel;
import org.mcsim.model.Scenario;
import org.mcsim.model.Settings;

/**
 * A scenario made ready for {@code run} and {@code compare}: the command line's settings, every
 * targeted quantile reported even if not listed, the targets checked, and the sample count (the
 * ceiling under {@code --until}: {@code -n}, else 100 × {@code settings.samples}).
 */
final class Precisions {
    private Precisions() {
    }

    /**
     * A scenario ready to run, or the problem with a target.
     *
     * @param scenario the scenario with its run settings
     * @param samples samples to draw, the ceiling under {@code --until}
     * @param problem why a target does not apply to this scenario, or null
     */
    record Prepared(Scenario scenario, long samples, String problem) { }

    /** Applies the command line's settings and targets to {@code scenario}. */
    static Prepared prepare(Scenario scenario, SamplingOptions options, List<Target> until) {
        Scenario s = scenario.withSettings(withTargetLevels(options.apply(scenario.settings()), until));
        for (Target t : until) {
            String problem = t.check(s);
            if (problem != null) {
                return new Prepared(s, 0, problem);
            }
        }
        long samples = until.isEmpty() || options.samples != null ? s.settings().samples()
            : 100 * scenario.settings().samples();
        return new Prepared(s, samples, null);
    }

    /** The settings with every targeted quantile level added to {@code quantiles}, ascending. */
    static Settings withTargetLevels(Settings s, List<Target> targets) {
        Settings with = s;
        for (Target t : targets) {
            if (t.kind() == Target.Kind.QUANTILE) {
                with = with.withQuantile(new QuantileLevel(t.level(), t.label()));
            }
        }
        return with;
    }
}
