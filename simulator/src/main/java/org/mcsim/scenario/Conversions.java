package org.mcsim.scenario;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.mcsim.model.Dist;

/**
 * Conversions of the alternative parameterizations to the canonical model form
 * (scenario-format.md, "Distributions"). Stateless; thread-safe.
 *
 * <p>Central intervals: with z = Φ⁻¹((1+ci)/2), computed as −Φ⁻¹((1−ci)/2) so that a ci close
 * to 1 keeps its precision, a normal has mean (low+high)/2 and sd (high−low)/(2z), and a
 * lognormal μ = (ln low + ln high)/2 and σ = (ln high − ln low)/(2z). Moments of a lognormal:
 * σ² = ln(1 + sd²/mean²), μ = ln mean − σ²/2 (N. L. Johnson, S. Kotz, N. Balakrishnan,
 * <i>Continuous Univariate Distributions</i>, vol. 1, 2nd ed., 1994, ch. 14). Moments of a
 * gamma: shape = mean²/sd², scale = sd²/mean (ibid., ch. 17).
 */
final class Conversions {

    /** Default coverage of {@code low}/{@code high}: the 5th and 95th percentiles. */
    static final double DEFAULT_CI = 0.9;

    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    private Conversions() {
    }

    /** The standard normal quantile z with P(|Z| &lt;= z) = ci. */
    static double z(double ci) {
        return -STANDARD.inverseCumulativeProbability((1 - ci) / 2);
    }

    static Dist.Normal normalFromInterval(double low, double high, double ci) {
        return new Dist.Normal(low / 2 + high / 2, (high - low) / (2 * z(ci)));
    }

    static Dist.LogNormal lognormalFromInterval(double low, double high, double ci) {
        double a = Math.log(low);
        double b = Math.log(high);
        return new Dist.LogNormal((a + b) / 2, (b - a) / (2 * z(ci)));
    }

    static Dist.LogNormal lognormalFromMoments(double mean, double sd) {
        double cv = sd / mean;
        double variance = Math.log1p(cv * cv);
        return new Dist.LogNormal(Math.log(mean) - variance / 2, Math.sqrt(variance));
    }

    static Dist.Gamma gammaFromMoments(double mean, double sd) {
        double ratio = mean / sd;
        return new Dist.Gamma(ratio * ratio, sd / ratio);
    }
}
