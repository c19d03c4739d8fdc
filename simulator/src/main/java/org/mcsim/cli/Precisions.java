package org.mcsim.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mcsim.engine.Target;
import org.mcsim.model.QuantileLevel;
import org.mcsim.model.Settings;

/** Settings adjusted for {@code --until}: a targeted quantile is reported even if not listed. */
final class Precisions {
    private Precisions() {
    }

    /** The settings with every targeted quantile level added to {@code quantiles}, ascending. */
    static Settings withTargetLevels(Settings s, List<Target> targets) {
        List<QuantileLevel> levels = new ArrayList<>(s.quantiles());
        for (Target t : targets) {
            if (t.kind() == Target.Kind.QUANTILE && levels.stream().noneMatch(q -> q.label().equals(t.label()))) {
                levels.add(new QuantileLevel(t.level(), t.label()));
            }
        }
        levels.sort(Comparator.comparingDouble(QuantileLevel::q));
        return new Settings(s.samples(), s.seed(), s.method(), s.confidence(), levels, s.histogramBins());
    }
}
