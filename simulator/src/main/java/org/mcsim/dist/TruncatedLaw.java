package org.mcsim.dist;

import static org.mcsim.model.Dist.Truncated.MIN_KEPT;

import java.util.Arrays;
import org.mcsim.model.Dist;

/**
 * A continuous law conditioned on lo &lt;= X &lt;= hi (open bounds infinite), sampled by
 * inversion: F⁻¹(F(lo) + u (F(hi) − F(lo))), clamped into [lo, hi]. When the whole interval lies
 * in the upper half of the base law the same map is done on the survival side,
 * S⁻¹(S(lo) − u (S(lo) − S(hi))), which keeps far upper tails accurate; the survival face of
 * this law always works on that side. Sampling (the open uniforms of the block's lanes,
 * {@link TabulatedLaw}) and {@link #inverse} go through the law's
 * {@link InverseTable} (a few ns per value, where the base law's exact quantile costs tens of ns to
 * microseconds); {@link #quantile} stays exact. The mean is a closed form
 * where the base law has one, else the tanh-sinh integral of this law's quantile function.
 * Immutable and thread-safe.
 */
final class TruncatedLaw extends TabulatedLaw {
    private final Law base;
    private final double lo;
    private final double hi;
    /** True when the whole interval lies in the upper half: F is then used through S = 1 − F. */
    private final boolean upperSide;
    /** F(lo) of the base law. */
    private final double lowerCdf;
    /** S(lo) of the base law. */
    private final double lowerSurvival;
    /** S(hi) of the base law. */
    private final double upperSurvival;
    private final double kept;
    private final double mean;

    /**
     * @throws IllegalArgumentException if the kept probability is below {@link Dist.Truncated#MIN_KEPT}
     */
    TruncatedLaw(Law base, double lo, double hi) {
        this.base = base;
        this.lo = lo;
        this.hi = hi;
        boolean openBelow = lo == Double.NEGATIVE_INFINITY;
        boolean openAbove = hi == Double.POSITIVE_INFINITY;
        lowerCdf = openBelow ? 0 : base.cdf(lo);
        lowerSurvival = openBelow ? 1 : base.survival(lo);
        upperSurvival = openAbove ? 0 : base.survival(hi);
        upperSide = lowerCdf > 0.5;
        kept = upperSide ? lowerSurvival - upperSurvival : (openAbove ? 1 : base.cdf(hi)) - lowerCdf;
        if (!(kept >= MIN_KEPT)) {
            throw new IllegalArgumentException("truncate: keeps probability " + kept
                    + " of the distribution, below the minimum " + MIN_KEPT);
        }
        double m = base.truncatedMean(lo, hi);
        this.mean = clamp(Double.isNaN(m) ? QuantileIntegral.mean(this) : m, lo, hi);
    }


    @Override
    double density(double x) {
        return x < lo || x > hi ? 0 : base.density(x) / kept;
    }

    @Override
    public double quantile(double p) {
        double x = upperSide
                ? base.inverseSurvival(lowerSurvival - p * kept)
                : base.quantile(lowerCdf + p * kept);
        return clamp(x, lo, hi);
    }

    @Override
    double inverseSurvival(double q) {
        double x = base.inverseSurvival(upperSurvival + q * kept);
        return clamp(x, lo, hi);
    }

    @Override
    public double cdf(double x) {
        if (x < lo) {
            return 0;
        }
        if (x >= hi) {
            return 1;
        }
        double f = upperSide ? lowerSurvival - base.survival(x) : base.cdf(x) - lowerCdf;
        return clamp(f / kept, 0, 1);
    }

    @Override
    double survival(double x) {
        if (x < lo) {
            return 1;
        }
        if (x >= hi) {
            return 0;
        }
        return clamp((base.survival(x) - upperSurvival) / kept, 0, 1);
    }

    @Override
    public double mean() {
        return mean;
    }

    @Override
    public double keptProbability() {
        return kept;
    }

    @Override
    double[] kinks() {
        double[] k = base.kinks();
        double[] inside = new double[k.length + 2];
        int m = 0;
        for (double x : k) {
            if (x > lo && x < hi) {
                inside[m++] = x;
            }
        }
        inside[m++] = lo;
        inside[m++] = hi;
        return Arrays.copyOf(inside, m);
    }

    @Override
    public String toString() {
        return base + " truncated to [" + lo + ", " + hi + "]";
    }
}
