package org.mcsim.validation;

import static org.mcsim.validation.Check.claim;
import static org.mcsim.validation.Check.mean;
import static org.mcsim.validation.Check.quantile;
import static org.mcsim.validation.Check.sd;

import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The closed-form cases of the validation suite, each with its exact answers and
 * their derivations. Φ and Φ⁻¹ come from Commons Statistics; every other number is derived here.
 * One file holds them all, so that the list of what is validated reads in one place.
 */
final class ClosedForms {
    private static final NormalDistribution STD = NormalDistribution.of(0, 1);
    /** Φ⁻¹(0.95), the z of the 5th/95th percentiles that low/high default to. */
    private static final double Z95 = 1.6448536269514722;

    private ClosedForms() {
    }

    static double phi(double z) {
        return STD.cumulativeProbability(z);
    }

    static double density(double z) {
        return STD.density(z);
    }

    static double z(double p) {
        return STD.inverseCumulativeProbability(p);
    }

    static List<ClosedFormCase> all() {
        return List.of(normals(), lognormals(), ratioClaim(), pertAndBeta(), triangular(), uniforms(), gammaSum(),
            discrete(), integerLaws(), correlated(), truncatedNormals(), mixture(), empirical(), minAndAbs());
    }

    /** Sums and differences of independent normals are normal with added variances. */
    static ClosedFormCase normals() {
        // b from low/high: mean (0.5 + 5.5)/2 = 3, sd (5.5 - 0.5)/(2 z95)
        double sb = 2.5 / Z95;
        double sigma = Math.sqrt(4 + sb * sb);
        return new ClosedFormCase("normal sum and difference", """
            name: normals
            settings: {quantiles: [0.05, 0.5, 0.95]}
            inputs:
              a: {dist: normal, mean: 1, sd: 2}
              b: {dist: normal, low: 0.5, high: 5.5}
            formulas:
              s: a + b
              d: a - b
            claims:
              above: s > 6
            """,
            mean("s", 4), sd("s", sigma), quantile("s", "p5", 4 - Z95 * sigma), quantile("s", "p50", 4),
            quantile("s", "p95", 4 + Z95 * sigma), mean("d", -2), sd("d", sigma),
            claim("above", 1 - phi(2 / sigma)));
    }

    /**
     * x = e^N(0.1, 0.3²), y = e^N(0.2, 0.4²): x·y = e^N(0.3, 0.5²) and x/y = e^N(-0.1, 0.5²); for
     * e^N(μ, σ²) the mean is e^(μ+σ²/2), the sd mean·√(e^σ² − 1), the q-quantile e^(μ + σ z_q).
     */
    static ClosedFormCase lognormals() {
        double mp = Math.exp(0.3 + 0.125);
        return new ClosedFormCase("lognormal product and quotient", """
            name: lognormals
            settings: {quantiles: [0.5, 0.9]}
            inputs:
              x: {dist: lognormal, mu: 0.1, sigma: 0.3}
              y: {dist: lognormal, mu: 0.2, sigma: 0.4}
            formulas:
              p: x * y
              q: x / y
            """,
            mean("p", mp), sd("p", mp * Math.sqrt(Math.exp(0.25) - 1)), quantile("p", "p50", Math.exp(0.3)),
            quantile("p", "p90", Math.exp(0.3 + 0.5 * z(0.9))), mean("q", Math.exp(-0.1 + 0.125)),
            quantile("q", "p50", Math.exp(-0.1)));
    }

    /**
     * A claim on a ratio of lognormals: ln x ~ N(μx, σx²) from low/high (μx = (ln 2e4 + ln 4e4)/2,
     * σx = ln 2/(2 z95)); y from mean 100, sd 30: σy² = ln(1 + 0.3²), μy = ln 100 − σy²/2. Then
     * ln(x/y) ~ N(μx − μy, σx² + σy²) and P(x/y ≥ 300) = 1 − Φ((ln 300 − μx + μy)/√(σx² + σy²)).
     */
    static ClosedFormCase ratioClaim() {
        double mx = (Math.log(2e4) + Math.log(4e4)) / 2;
        double sx = Math.log(2) / (2 * Z95);
        double vy = Math.log(1.09);
        double my = Math.log(100) - vy / 2;
        double m = mx - my;
        double s = Math.sqrt(sx * sx + vy);
        return new ClosedFormCase("claim on a ratio of lognormals", """
            name: ratio
            settings: {quantiles: [0.5]}
            inputs:
              x: {dist: lognormal, low: 20000, high: 40000}
              y: {dist: lognormal, mean: 100, sd: 30}
            formulas:
              r: x / y
            claims:
              big: r >= 300
            """,
            claim("big", 1 - phi((Math.log(300) - m) / s)), quantile("r", "p50", Math.exp(m)),
            mean("r", Math.exp(m + s * s / 2)));
    }

    /**
     * PERT(2, 5, 14), λ = 4: 2 + 12·Beta(α, β), α = 1 + 4·3/12 = 2, β = 1 + 4·9/12 = 4; mean
     * (2 + 4·5 + 14)/6 = 6, variance 12²·αβ/((α+β)²(α+β+1)) = 144·8/252 = 32/7 (also (μ−min)(max−μ)/(λ+3)
     * = 4·8/7). w = 10·Beta(2, 5): mean 20/7, variance 100·10/(49·8) = 125/49. With integer
     * parameters I_x(a, b) = P(Binomial(a+b−1, x) ≥ a): P(x ≤ 8) = I_½(2, 4) = 1 − 6/32,
     * P(w &lt; 5) = I_½(2, 5) = 1 − 7/64.
     */
    static ClosedFormCase pertAndBeta() {
        return new ClosedFormCase("PERT and beta moments", """
            name: pert
            inputs:
              x: {dist: pert, min: 2, mode: 5, max: 14}
              w: {dist: beta, alpha: 2, beta: 5, min: 0, max: 10}
            formulas:
              px: x
              bw: w
              t: x + w
            claims:
              x8: x <= 8
              w5: w < 5
            """,
            mean("px", 6), sd("px", Math.sqrt(32.0 / 7)), mean("bw", 20.0 / 7), sd("bw", Math.sqrt(125.0) / 7),
            mean("t", 6 + 20.0 / 7), sd("t", Math.sqrt(32.0 / 7 + 125.0 / 49)),
            claim("x8", 26.0 / 32), claim("w5", 57.0 / 64));
    }

    /**
     * Triangular(1, 2, 6): mean (1+2+6)/3 = 3, variance (a²+b²+c²−ab−ac−bc)/18 = (1+4+36−2−6−12)/18
     * = 21/18; the mode's CDF is (2−1)/(6−1) = 0.2 &lt; ½, so the median is 6 − √((6−1)(6−2)/2) = 6 − √10.
     */
    static ClosedFormCase triangular() {
        return new ClosedFormCase("triangular moments", """
            name: triangular
            settings: {quantiles: [0.5]}
            inputs:
              x: {dist: triangular, min: 1, mode: 2, max: 6}
            formulas:
              y: x
            claims:
              below-mode: x <= 2
            """,
            mean("y", 3), sd("y", Math.sqrt(21.0 / 18)), quantile("y", "p50", 6 - Math.sqrt(10)),
            claim("below-mode", 0.2));
    }

    /**
     * U(−1, 3): mean 1, sd 4/√12, p25 = 0, p90 = 2.6. For v, w ~ U(0, 1): E[vw] = 1/4, Var = 1/9 − 1/16
     * = 7/144, and P(vw ≤ t) = t − t ln t, so P(vw ≤ 1/4) = (1 + ln 4)/4.
     */
    static ClosedFormCase uniforms() {
        return new ClosedFormCase("uniform and product of uniforms", """
            name: uniforms
            settings: {quantiles: [0.25, 0.9]}
            inputs:
              u: {dist: uniform, min: -1, max: 3}
              v: {dist: uniform, min: 0, max: 1}
              w: {dist: uniform, min: 0, max: 1}
            formulas:
              uu: u
              vw: v * w
            claims:
              small: vw <= 0.25
            """,
            mean("uu", 1), sd("uu", 4 / Math.sqrt(12)), quantile("uu", "p25", 0), quantile("uu", "p90", 2.6),
            mean("vw", 0.25), sd("vw", Math.sqrt(7.0 / 144)), claim("small", (1 + Math.log(4)) / 4));
    }

    /**
     * Gamma(2, 3) + Gamma(3, 3) (written as mean 9, sd √27) + Exponential(mean 3) = Gamma(6, 3):
     * mean 18, sd 3√6, and P(sum > 30) = P(Poisson(10) &lt; 6) = e^−10 Σ_{k&lt;6} 10^k/k!.
     */
    static ClosedFormCase gammaSum() {
        double tail = 0;
        double term = Math.exp(-10);
        for (int k = 0; k < 6; k++) {
            tail += term;
            term *= 10.0 / (k + 1);
        }
        return new ClosedFormCase("gamma and exponential sum", """
            name: gammas
            inputs:
              g1: {dist: gamma, shape: 2, scale: 3}
              g2: {dist: gamma, mean: 9, sd: 5.196152422706632}
              e: {dist: exponential, mean: 3}
            formulas:
              s: g1 + g2 + e
            claims:
              over30: s > 30
            """,
            mean("s", 18), sd("s", 3 * Math.sqrt(6)), claim("over30", tail));
    }

    /**
     * d takes 1, 2, 5 with weights 1, 3, 6: mean 0.1 + 0.6 + 3 = 3.7, E[d²] = 0.1 + 1.2 + 15 = 16.3,
     * variance 16.3 − 3.7² = 2.61. Two fair dice: the sum has mean 7, variance 2·35/12, P(7) = 6/36,
     * and median exactly 7 (P(≤ 6) = 15/36, P(≤ 7) = 21/36). The quantile of a discrete output has a
     * degenerate interval, so it is kept out of the coverage test.
     */
    static ClosedFormCase discrete() {
        return new ClosedFormCase("discrete claims", """
            name: discrete
            settings: {quantiles: [0.5]}
            inputs:
              d: {dist: discrete, values: [1, 2, 5], weights: [1, 3, 6]}
              d1: {dist: discrete, values: [1, 2, 3, 4, 5, 6]}
              d2: {dist: discrete, values: [1, 2, 3, 4, 5, 6]}
            formulas:
              dd: d
              dice: d1 + d2
            claims:
              two: d == 2
              atleast2: d >= 2
              seven: dice == 7
            """,
            mean("dd", 3.7), sd("dd", Math.sqrt(2.61)), mean("dice", 7), sd("dice", Math.sqrt(35.0 / 6)),
            quantile("dice", "p50", 7).notCovered(), claim("two", 0.3), claim("atleast2", 0.9),
            claim("seven", 1.0 / 6));
    }

    /**
     * Binomial(10, 0.3): mean 3, variance 2.1, P(k ≤ 2) = 0.7¹⁰ + 10·0.3·0.7⁹ + 45·0.09·0.7⁸.
     * Poisson(4): mean 4, sd 2, P(0) = e^−4.
     */
    static ClosedFormCase integerLaws() {
        double le2 = Math.pow(0.7, 10) + 10 * 0.3 * Math.pow(0.7, 9) + 45 * 0.09 * Math.pow(0.7, 8);
        return new ClosedFormCase("binomial and poisson", """
            name: counts
            inputs:
              k: {dist: binomial, trials: 10, p: 0.3}
              c: {dist: poisson, mean: 4}
            formulas:
              kk: k
              cc: c
            claims:
              k2: k <= 2
              none: c == 0
            """,
            mean("kk", 3), sd("kk", Math.sqrt(2.1)), mean("cc", 4), sd("cc", 2), claim("k2", le2),
            claim("none", Math.exp(-4)));
    }

    /**
     * Normals a ~ N(0, 1), b ~ N(0, 2²) with rank correlation 0.6: on the normal scale r = 2 sin(0.6π/6);
     * with normal marginals the Gaussian copula is exactly the bivariate normal with correlation r, so
     * Var(a ± b) = 1 + 4 ± 2·r·2 and P(a + b > 3) = 1 − Φ(3/sd). u ~ U(0, 1) and l lognormal with rank
     * −0.4: Spearman's correlation is invariant under the marginals, so the achieved one tends to −0.4,
     * and the marginals are untouched: E[u] = 1/2, E[l] = e^(0 + 0.5²/2).
     */
    static ClosedFormCase correlated() {
        double r = 2 * Math.sin(Math.PI * 0.6 / 6);
        double ss = Math.sqrt(5 + 4 * r);
        return new ClosedFormCase("correlated normals", """
            name: correlated
            inputs:
              a: {dist: normal, mean: 0, sd: 1}
              b: {dist: normal, mean: 0, sd: 2}
              u: {dist: uniform, min: 0, max: 1}
              l: {dist: lognormal, mu: 0, sigma: 0.5}
            formulas:
              s: a + b
              d: a - b
              uu: u
              ll: l
            claims:
              above3: s > 3
            correlations:
              - {between: [a, b], rank: 0.6}
              - {between: [l, u], rank: -0.4}
            """, Map.of(),
            List.of(mean("s", 0), sd("s", ss), sd("d", Math.sqrt(5 - 4 * r)), claim("above3", 1 - phi(3 / ss)),
                mean("uu", 0.5), mean("ll", Math.exp(0.125))),
            Map.of("a,b", 0.6, "l,u", -0.4));
    }

    /**
     * N(0, 1) cut to [0, ∞) is the half-normal: mean √(2/π), sd √(1 − 2/π), median Φ⁻¹(3/4). N(1, 2²)
     * cut to [0, 4]: with α = (0−1)/2, β = (4−1)/2, Z = Φ(β) − Φ(α), mean 1 + 2(φ(α) − φ(β))/Z and
     * variance 4[1 + (αφ(α) − βφ(β))/Z − ((φ(α) − φ(β))/Z)²].
     */
    static ClosedFormCase truncatedNormals() {
        double a = -0.5;
        double b = 1.5;
        double zz = phi(b) - phi(a);
        double dm = (density(a) - density(b)) / zz;
        double var = 4 * (1 + (a * density(a) - b * density(b)) / zz - dm * dm);
        return new ClosedFormCase("truncated normal mean", """
            name: truncated
            settings: {quantiles: [0.5]}
            inputs:
              h: {dist: normal, mean: 0, sd: 1, truncate: [0, null]}
              t: {dist: normal, mean: 1, sd: 2, truncate: [0, 4]}
            formulas:
              hh: h
              tt: t
            """,
            mean("hh", Math.sqrt(2 / Math.PI)), sd("hh", Math.sqrt(1 - 2 / Math.PI)), quantile("hh", "p50", z(0.75)),
            mean("tt", 1 + 2 * dm), sd("tt", Math.sqrt(var)));
    }

    /**
     * 0.3·N(0, 1) + 0.7·N(5, 2²) (weights written 3 and 7): mean 0.7·5 = 3.5, E[m²] = 0.3·1 + 0.7·(4 + 25)
     * = 20.6, variance 20.6 − 12.25 = 8.35; P(m &lt; 2) = 0.3Φ(2) + 0.7Φ(−1.5).
     */
    static ClosedFormCase mixture() {
        return new ClosedFormCase("mixture mean", """
            name: mixture
            inputs:
              m:
                dist: mixture
                components:
                  - {weight: 3, dist: normal, mean: 0, sd: 1}
                  - {weight: 7, dist: normal, mean: 5, sd: 2}
            formulas:
              mm: m
            claims:
              low: m < 2
            """,
            mean("mm", 3.5), sd("mm", Math.sqrt(8.35)), claim("low", 0.3 * phi(2) + 0.7 * phi(-1.5)));
    }

    /**
     * An empirical column 1, 2, 3, 4, 10, each with probability 1/5: mean 4, variance 26 − 16 = 10,
     * P(x > 3) = 2/5, median exactly 3 (a discrete output: kept out of the coverage test).
     */
    static ClosedFormCase empirical() {
        return new ClosedFormCase("empirical column", """
            name: empirical
            settings: {quantiles: [0.5]}
            inputs:
              x: {dist: empirical, file: data.csv, column: cost}
            formulas:
              xx: x
            claims:
              above3: x > 3
            """, Map.of("data.csv", "id,cost\na,4\nb,1\nc,10\nd,3\ne,2\n"),
            List.of(mean("xx", 4), sd("xx", Math.sqrt(10)), quantile("xx", "p50", 3).notCovered(),
                claim("above3", 0.4)), Map.of());
    }

    /**
     * Functions of inputs: min of exponentials with means 2 and 3 is exponential with rate 1/2 + 1/3,
     * so mean = sd = 6/5 and P(min > 1) = e^(−5/6); |N(0, 1)| has mean √(2/π); max of two U(0, 1) has
     * mean 2/3 and CDF t², so its median is √½.
     */
    static ClosedFormCase minAndAbs() {
        return new ClosedFormCase("functions of inputs", """
            name: functions
            settings: {quantiles: [0.5]}
            inputs:
              e1: {dist: exponential, mean: 2}
              e2: {dist: exponential, mean: 3}
              z: {dist: normal, mean: 0, sd: 1}
              v: {dist: uniform, min: 0, max: 1}
              w: {dist: uniform, min: 0, max: 1}
            formulas:
              first: min(e1, e2)
              az: abs(z)
              top: max(v, w)
            claims:
              late: first > 1
            """,
            mean("first", 1.2), sd("first", 1.2), claim("late", Math.exp(-5.0 / 6)), mean("az", Math.sqrt(2 / Math.PI)),
            mean("top", 2.0 / 3), quantile("top", "p50", Math.sqrt(0.5)));
    }
}
