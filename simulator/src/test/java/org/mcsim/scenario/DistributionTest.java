package org.mcsim.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mcsim.scenario.Scenarios.build;
import static org.mcsim.scenario.Scenarios.errors;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcsim.model.Dist;

/** Every family and parameterization, their range rules and conversions, truncation, mixtures. */
class DistributionTest {

    /** Φ⁻¹(0.95), e.g. Abramowitz and Stegun table 26.5, to 16 digits (R: qnorm(0.95)). */
    private static final double Z90 = 1.6448536269514722;
    /** Φ⁻¹(0.9) (R: qnorm(0.9)). */
    private static final double Z80 = 1.2815515655446004;

    @TempDir
    Path dir;

    private Dist dist(String spec) throws Exception {
        return build(dir, "name: t\ninputs:\n  x: " + spec + "\n").inputs().get(0).dist();
    }

    /** {@code s.yaml:3:C: } with C the column of {@code token} in the line {@code "  x: " + spec}. */
    private static String at(String spec, String token) {
        int i = spec.indexOf(token);
        if (i < 0 || spec.indexOf(token, i + 1) >= 0) {
            throw new IllegalArgumentException("token must occur once: " + token);
        }
        return "s.yaml:3:" + (6 + i) + ": ";
    }

    private List<String> bad(String spec) {
        return errors(dir, "name: t\ninputs:\n  x: " + spec + "\n");
    }

    @Test
    void simpleFamiliesKeepTheirParameters() throws Exception {
        assertEquals(new Dist.Constant(3), dist("{dist: constant, value: 3}"));
        assertEquals(new Dist.Uniform(1, 2), dist("{dist: uniform, min: 1, max: 2}"));
        assertEquals(new Dist.Normal(1, 2), dist("{dist: normal, mean: 1, sd: 2}"));
        assertEquals(new Dist.LogNormal(1, 0.5), dist("{dist: lognormal, mu: 1, sigma: 0.5}"));
        assertEquals(new Dist.Triangular(1, 1, 3), dist("{dist: triangular, min: 1, mode: 1, max: 3}"));
        assertEquals(new Dist.Pert(1, 2, 3, 4), dist("{dist: pert, min: 1, mode: 2, max: 3}"));
        assertEquals(new Dist.Pert(1, 2, 3, 6), dist("{dist: pert, min: 1, mode: 2, max: 3, lambda: 6}"));
        assertEquals(new Dist.Beta(2, 3, 0, 1), dist("{dist: beta, alpha: 2, beta: 3}"));
        assertEquals(new Dist.Beta(2, 3, -1, 5), dist("{dist: beta, alpha: 2, beta: 3, min: -1, max: 5}"));
        assertEquals(new Dist.Gamma(2, 3), dist("{dist: gamma, shape: 2, scale: 3}"));
        assertEquals(new Dist.Exponential(2), dist("{dist: exponential, mean: 2}"));
        assertEquals(new Dist.Poisson(2.5), dist("{dist: poisson, mean: 2.5}"));
        assertEquals(new Dist.Binomial(10, 0.25), dist("{dist: binomial, trials: 1e1, p: 0.25}"));
        assertEquals(new Dist.Binomial(0, 1), dist("{dist: binomial, trials: 0, p: 1}"));
    }

    @Test
    void normalFromCentralInterval() throws Exception {
        Dist.Normal n = (Dist.Normal) dist("{dist: normal, low: 10, high: 20}");
        assertEquals(15, n.mean(), 1e-12);
        assertEquals(10 / (2 * Z90), n.sd(), 1e-12);
        n = (Dist.Normal) dist("{dist: normal, low: 10, high: 20, ci: 0.8}");
        assertEquals(10 / (2 * Z80), n.sd(), 1e-12);
    }

    @Test
    void lognormalFromIntervalAndFromMoments() throws Exception {
        Dist.LogNormal l = (Dist.LogNormal) dist("{dist: lognormal, low: 20000, high: 40000}");
        assertEquals((Math.log(20000) + Math.log(40000)) / 2, l.mu(), 1e-12);
        assertEquals(Math.log(2) / (2 * Z90), l.sigma(), 1e-12);
        l = (Dist.LogNormal) dist("{dist: lognormal, mean: 10, sd: 5}");
        double s2 = Math.log(1 + 0.25);
        assertEquals(Math.sqrt(s2), l.sigma(), 1e-15);
        assertEquals(Math.log(10) - s2 / 2, l.mu(), 1e-15);
        // the variable's own mean: exp(mu + sigma^2/2) = 10
        assertEquals(10, Math.exp(l.mu() + l.sigma() * l.sigma() / 2), 1e-12);
    }

    @Test
    void gammaFromMoments() throws Exception {
        Dist.Gamma g = (Dist.Gamma) dist("{dist: gamma, mean: 6, sd: 3}");
        assertEquals(4, g.shape(), 1e-12);
        assertEquals(1.5, g.scale(), 1e-12);
    }

    /** Asserts that {@code spec} has exactly one problem, {@code message} at {@code token}. */
    private void one(String spec, String token, String message) {
        assertEquals(List.of(at(spec, token) + message), bad(spec));
    }

    @Test
    void positiveParameters() {
        one("{dist: normal, mean: 0, sd: -1}", "sd:", "x.sd: must be positive, got -1");
        one("{dist: lognormal, mu: 0, sigma: 0}", "sigma:", "x.sigma: must be positive, got 0");
        String g = "{dist: gamma, shape: -2, scale: 0}";
        assertEquals(List.of(at(g, "shape:") + "x.shape: must be positive, got -2",
            at(g, "scale:") + "x.scale: must be positive, got 0"), bad(g));
        one("{dist: exponential, mean: 0}", "mean:", "x.mean: must be positive, got 0");
        one("{dist: poisson, mean: -1}", "mean:", "x.mean: must be positive, got -1");
        one("{dist: beta, alpha: 0, beta: 1}", "alpha:", "x.alpha: must be positive, got 0");
        one("{dist: pert, min: 0, mode: 1, max: 2, lambda: 0}", "lambda:", "x.lambda: must be positive, got 0");
        one("{dist: lognormal, low: 0, high: 2}", "low:", "x.low: must be positive, got 0");
        one("{dist: lognormal, mean: -1, sd: 2}", "mean:", "x.mean: must be positive, got -1");
        one("{dist: gamma, mean: 1, sd: -2}", "sd:", "x.sd: must be positive, got -2");
    }

    @Test
    void ruleBetweenTwoParametersIsAtTheLaterKey() {
        one("{dist: uniform, min: 5, max: 3}", "max:", "x.max: must be greater than min (5), got 3");
        one("{dist: uniform, max: 3, min: 5}", "min:", "x.min: must be less than max (3), got 5");
        one("{dist: normal, low: 5, high: 5}", "high:", "x.high: must be greater than low (5), got 5");
        one("{dist: lognormal, low: 5, high: 4}", "high:", "x.high: must be greater than low (5), got 4");
        one("{dist: triangular, min: 5, mode: 4, max: 9}", "mode:", "x.mode: must be at least min (5), got 4");
        one("{dist: triangular, min: 5, mode: 7, max: 6}", "max:", "x.max: must be at least mode (7), got 6");
        one("{dist: triangular, max: 6, mode: 7, min: 5}", "mode:", "x.mode: must be at most max (6), got 7");
        one("{dist: pert, min: 5, mode: 5, max: 5}", "max:", "x.max: must be greater than min (5), got 5");
        one("{dist: beta, alpha: 1, beta: 1, min: 2, max: 1}", "max:", "x.max: must be greater than min (2), got 1");
        one("{dist: beta, alpha: 1, beta: 1, min: 2}", "min:", "x.min: must be less than max (1), got 2");
    }

    @Test
    void ciOnlyWithLowHighAndInsideTheUnitInterval() {
        one("{dist: normal, low: 1, high: 2, ci: 1}", "ci:", "x.ci: must be between 0 and 1 (both excluded), got 1");
        one("{dist: lognormal, low: 1, high: 2, ci: 0}", "ci:",
            "x.ci: must be between 0 and 1 (both excluded), got 0");
        one("{dist: normal, mean: 1, sd: 2, ci: 0.5}", "ci:", "x.ci: allowed only with low and high");
        String c = "{dist: normal, ci: 0.5, mean: 1, sd: 2}";
        assertEquals(List.of(at(c, "mean:") + "x.mean: cannot be mixed with ci (ci is allowed only with low and high)",
            at(c, "sd:") + "x.sd: cannot be mixed with ci (ci is allowed only with low and high)"), bad(c));
    }

    @Test
    void parameterizationsAreExclusive() {
        one("{dist: lognormal, mu: 1, mean: 2, sigma: 1}", "mean:",
            "x.mean: cannot be mixed with mu; lognormal takes mu, sigma or mean, sd or low, high");
        String n = "{dist: normal, mean: 1, low: 0, high: 2, sd: 1}";
        assertEquals(List.of(at(n, "low:") + "x.low: cannot be mixed with mean; normal takes mean, sd or low, high",
            at(n, "high:") + "x.high: cannot be mixed with mean; normal takes mean, sd or low, high"), bad(n));
        one("{dist: gamma, shape: 1, sd: 2}", "sd:",
            "x.sd: cannot be mixed with shape; gamma takes shape, scale or mean, sd");
    }

    @Test
    void missingParametersAreNamed() {
        assertEquals(List.of("s.yaml:3:3: x: missing sd; normal takes mean, sd or low, high"),
            bad("{dist: normal, mean: 1}"));
        assertEquals(List.of("s.yaml:3:3: x: missing parameters; normal takes mean, sd or low, high"),
            bad("{dist: normal}"));
        assertEquals(List.of("s.yaml:3:3: x: missing key 'dist' (one of constant, uniform, normal, lognormal,"
                + " triangular, pert, beta, gamma, exponential, poisson, binomial, discrete, empirical, mixture)"),
            bad("{mean: 1}"));
        one("{dist: normel, mean: 1, sd: 2}", "dist:", "x.dist: unknown distribution 'normel'; did you mean 'normal'?");
        assertEquals(List.of("s.yaml:3:3: x: an input is a map such as {dist: normal, mean: 0, sd: 1}, not '5'"),
            bad("5"));
        one("{dist: uniform, min: 0, max: 1, zzz: 2}", "zzz:",
            "x: unknown key 'zzz'; expected one of dist, min, max, truncate, unit, description, source");
    }

    @Test
    void binomialTrialsIsAnIntegerAndPAProbability() {
        String b = "{dist: binomial, trials: 2.5, p: 1.5}";
        assertEquals(List.of(at(b, "trials:") + "x.trials: not an integer: '2.5'",
            at(b, "p:") + "x.p: must be between 0 and 1, got 1.5"), bad(b));
        one("{dist: binomial, trials: -1, p: 0.5}", "trials:", "x.trials: must be at least 0, got -1");
        one("{dist: binomial, trials: 3e9, p: 0.5}", "trials:", "x.trials: must be at most 2147483647, got 3000000000");
    }

    @Test
    void discreteValuesAndWeights() throws Exception {
        Dist.Discrete d = (Dist.Discrete) dist("{dist: discrete, values: [1, 2, 5]}");
        assertArrayEquals(new double[] {1, 2, 5}, d.values());
        assertArrayEquals(new double[] {1, 1, 1}, d.weights());
        d = (Dist.Discrete) dist("{dist: discrete, values: [1, 2], weights: [0, 3]}");
        assertArrayEquals(new double[] {0, 3}, d.weights());
        one("{dist: discrete, values: [1, 2], weights: [1]}", "weights:",
            "x.weights: has 1 items but values has 2; they must have the same length");
        one("{dist: discrete, weights: [1], values: [1, 2]}", "values:",
            "x.values: has 2 items but weights has 1; they must have the same length");
        one("{dist: discrete, values: [1, 2], weights: [1, -1]}", "-1", "x.weights[1]: must be at least 0, got -1");
        one("{dist: discrete, values: [1, 2], weights: [0, 0]}", "weights:", "x.weights: must have a positive, finite sum");
        one("{dist: discrete, values: []}", "values:", "x.values: must be a non-empty list of numbers");
        one("{dist: discrete, values: [1, a]}", "a]", "x.values[1]: not a number: 'a'");
    }

    @Test
    void truncationOfContinuousFamilies() throws Exception {
        assertEquals(new Dist.Truncated(new Dist.Normal(0, 1), 0, Double.POSITIVE_INFINITY),
            dist("{dist: normal, mean: 0, sd: 1, truncate: [0, null]}"));
        assertEquals(new Dist.Truncated(new Dist.Normal(0, 1), Double.NEGATIVE_INFINITY, 2),
            dist("{dist: normal, mean: 0, sd: 1, truncate: [~, 2]}"));
        assertEquals(new Dist.Normal(0, 1), dist("{dist: normal, mean: 0, sd: 1, truncate: [null, null]}"));
    }

    @Test
    void truncationRules() {
        one("{dist: normal, mean: 0, sd: 1, truncate: [2, 1]}", "1]", "x.truncate.hi: must be greater than lo (2), got 1");
        one("{dist: poisson, mean: 2, truncate: [0, 5]}", "truncate:",
            "x.truncate: only continuous distributions can be truncated, and poisson is not");
        one("{dist: constant, value: 2, truncate: [0, 5]}", "truncate:",
            "x.truncate: only continuous distributions can be truncated, and constant is not");
        one("{dist: normal, mean: 0, sd: 1, truncate: [1]}", "truncate:",
            "x.truncate: must be a list [lo, hi] (null for an open bound), not a list of 1");
        // P(Z > 7) = 1.28e-12 (R: pnorm(7, lower.tail = FALSE)) is below 1e-9
        String t = "{dist: normal, mean: 0, sd: 1, truncate: [7, null]}";
        List<String> e = bad(t);
        assertEquals(1, e.size());
        assertEquals(true, e.get(0).startsWith(at(t, "truncate:") + "x.truncate: keeps a probability of 1.27"), e.get(0));
        assertEquals(true, e.get(0).endsWith("E-12 of the distribution, below 1e-9"), e.get(0));
    }

    @Test
    void mixtureOfComponents() throws Exception {
        Dist m = dist("{dist: mixture, components: [{weight: 1, dist: normal, mean: 0, sd: 1},"
            + " {weight: 3, dist: lognormal, low: 1, high: 2, truncate: [null, 3]}], truncate: [0, null]}");
        Dist.Truncated t = (Dist.Truncated) m;
        Dist.Mixture mix = (Dist.Mixture) t.base();
        assertEquals(2, mix.components().size());
        assertEquals(new Dist.Component(1, new Dist.Normal(0, 1)), mix.components().get(0));
        assertEquals(3, mix.components().get(1).weight());
    }

    @Test
    void mixtureRules() {
        one("{dist: mixture, components: []}", "components:",
            "x.components: must be a non-empty list of components such as {weight: 1, dist: normal, mean: 0, sd: 1}");
        String m = "{dist: mixture, components: [{weight: 0, dist: normal, mean: 0, sd: -1}]}";
        assertEquals(List.of(at(m, "weight:") + "x.components.0.weight: must be positive, got 0",
            at(m, "sd:") + "x.components.0.sd: must be positive, got -1"), bad(m));
        one("{dist: mixture, components: [{weight: 1, dist: mixture, components: [{weight: 1, dist: constant,"
            + " value: 1}]}]}", "dist: mixture, components: [{weight: 1, dist: constant",
            "x.components.0.dist: a mixture component cannot itself be a mixture");
        one("{dist: mixture, components: [{dist: constant, value: 1}]}", "{dist: constant",
            "x.components.0: missing key 'weight'");
        one("{dist: mixture, components: [{weight: 1, dist: poisson, mean: 2}], truncate: [0, 1]}", "truncate:",
            "x.truncate: only continuous distributions can be truncated, and this mixture has a component that is not");
        String w = "{dist: mixture, components: [{wieght: 1, dist: constant, value: 1}]}";
        assertEquals(List.of(at(w, "{wieght") + "x.components.0: missing key 'weight'",
            at(w, "wieght") + "x.components.0: unknown key 'wieght'; did you mean 'weight'?"), bad(w));
    }

    @Test
    void lastCheckByTheSamplerFactory() {
        // Poisson means above 1e9 are refused by the dist package (quantiles must fit an int)
        assertEquals(List.of("s.yaml:3:3: x.mean: must be at most 1e9, got 2000000000"), bad("{dist: poisson, mean: 2e9}"));
    }
}
