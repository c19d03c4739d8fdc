package org.mcsim.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mcsim.model.Dist;

/** Every invalid parameter is refused with a message that starts with the parameter's name. */
class SamplersValidationTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    static Stream<Arguments> invalid() {
        return Stream.of(
            Arguments.of(new Dist.Constant(Double.NaN), "value: must be a finite number, got NaN"),
            Arguments.of(new Dist.Uniform(3, 3), "max: must be greater than min (3), got 3"),
            Arguments.of(new Dist.Normal(0, -1), "sd: must be positive, got -1"),
            Arguments.of(new Dist.Normal(INF, 1), "mean: must be a finite number, got Infinity"),
            Arguments.of(new Dist.LogNormal(0, 0), "sigma: must be positive, got 0"),
            Arguments.of(new Dist.Triangular(0, 2, 1), "mode: must be between min (0) and max (1), got 2"),
            Arguments.of(new Dist.Triangular(1, 1, 1), "max: must be greater than min (1), got 1"),
            Arguments.of(new Dist.Pert(0, 1, 2, 0), "lambda: must be positive, got 0"),
            Arguments.of(new Dist.Beta(-1, 2, 0, 1), "alpha: must be positive, got -1"),
            Arguments.of(new Dist.Beta(1, 2, 1, 0.5), "max: must be greater than min (1), got 0.5"),
            Arguments.of(new Dist.Gamma(2, 0), "scale: must be positive, got 0"),
            Arguments.of(new Dist.Exponential(-2.5), "mean: must be positive, got -2.5"),
            Arguments.of(new Dist.Poisson(-1), "mean: must be non-negative, got -1"),
            Arguments.of(new Dist.Binomial(-3, 0.5), "trials: must be non-negative, got -3"),
            Arguments.of(new Dist.Binomial(3, 1.5), "p: must be between 0 and 1, got 1.5"),
            Arguments.of(new Dist.Discrete(new double[0], null), "values: must not be empty"),
            Arguments.of(new Dist.Discrete(new double[] {1, 2}, new double[] {1}),
                    "weights: must have one weight per value (2 values), got 1"),
            Arguments.of(new Dist.Discrete(new double[] {1, 2}, new double[] {1, -1}),
                    "weights[1]: must be non-negative, got -1"),
            Arguments.of(new Dist.Discrete(new double[] {1, 2}, new double[] {0, 0}),
                    "weights: must have a positive sum, got 0"),
            Arguments.of(new Dist.Empirical(new double[0], "f.csv", "x"), "column: must hold at least one value"),
            Arguments.of(new Dist.Mixture(List.of()), "components: must not be empty"),
            Arguments.of(Cases.mixture(new Dist.Normal(0, 1), new Dist.Normal(0, 1), 1, 0),
                    "components[1].weight: must be positive, got 0"),
            Arguments.of(Cases.mixture(new Dist.Normal(0, 1), new Dist.Normal(0, -2), 1, 1),
                    "components[1].sd: must be positive, got -2"),
            Arguments.of(Cases.mixture(Cases.mixture(new Dist.Normal(0, 1), new Dist.Normal(1, 1), 1, 1),
                    new Dist.Normal(0, 1), 1, 1), "components[0].dist: must not be a mixture"),
            Arguments.of(new Dist.Truncated(new Dist.Normal(0, 1), 2, 1),
                    "truncate: lower bound must be below upper bound, got [2, 1]"),
            Arguments.of(new Dist.Truncated(new Dist.Poisson(3), 1, 5),
                    "truncate: only continuous distributions can be truncated"),
            Arguments.of(new Dist.Truncated(new Dist.Normal(0, 1), 7, INF),
                    "truncate: keeps probability 1.279812543885835E-12 of the distribution,"
                            + " below the minimum 1.0E-9"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void invalidParameterIsNamedInTheMessage(Dist dist, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Samplers.of(dist));
        assertEquals(message, e.getMessage());
    }
}
