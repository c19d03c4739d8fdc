package org.mcsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.mcsim.model.Dist;

/**
 * The distribution families of scenario-format.md with their alternative parameterizations;
 * each constant checks its range rules and converts to the canonical {@link Dist} form.
 * Immutable; thread-safe.
 */
enum Family {
    CONSTANT(false, alt("value")) {
        @Override Dist build(Params p, int alt) {
            return new Dist.Constant(p.get("value"));
        }
    },
    UNIFORM(true, alt("min", "max")) {
        @Override Dist build(Params p, int alt) {
            double min = p.get("min");
            double max = p.get("max");
            return p.less("min", min, "max", max) ? new Dist.Uniform(min, max) : null;
        }
    },
    NORMAL(true, alt("mean", "sd"), alt("low", "high").optional("ci")) {
        @Override Dist build(Params p, int alt) {
            if (alt == 0) {
                double mean = p.get("mean"); // both read first, so that both are reported
                double sd = p.get("sd");
                if (!p.positive("sd", sd) || Double.isNaN(mean)) {
                    return null;
                }
                if (Double.isInfinite(Math.abs(mean) + 10 * sd)) {
                    // draws ten sds out would not be doubles: refused here, not at a sample
                    p.fail("sd", "too large: values ten sds from the mean (|mean| + 10 sd) overflow a double, got "
                        + Problems.num(sd));
                    return null;
                }
                return new Dist.Normal(mean, sd);
            }
            double low = p.get("low");
            double high = p.get("high");
            double ci = p.get("ci", Conversions.DEFAULT_CI);
            boolean ok = p.openUnit("ci", ci) & p.less("low", low, "high", high);
            return ok ? p.converted(Conversions.normalFromInterval(low, high, ci)) : null;
        }
    },
    LOGNORMAL(true, alt("mu", "sigma"), alt("mean", "sd"), alt("low", "high").optional("ci")) {
        @Override Dist build(Params p, int alt) {
            if (alt == 0) {
                double mu = p.get("mu"); // both read first, so that both are reported
                double sigma = p.get("sigma");
                return p.positive("sigma", sigma) && !Double.isNaN(mu) ? new Dist.LogNormal(mu, sigma) : null;
            }
            if (alt == 1) {
                double mean = p.get("mean");
                double sd = p.get("sd");
                boolean ok = p.positive("mean", mean) & p.positive("sd", sd);
                return ok ? p.converted(Conversions.lognormalFromMoments(mean, sd)) : null;
            }
            double low = p.get("low");
            double high = p.get("high");
            double ci = p.get("ci", Conversions.DEFAULT_CI);
            boolean ok = p.openUnit("ci", ci) & (p.positive("low", low) && p.less("low", low, "high", high));
            return ok ? p.converted(Conversions.lognormalFromInterval(low, high, ci)) : null;
        }
    },
    TRIANGULAR(true, alt("min", "mode", "max")) {
        @Override Dist build(Params p, int alt) {
            double min = p.get("min");
            double mode = p.get("mode");
            double max = p.get("max");
            return p.peaked(min, mode, max) ? new Dist.Triangular(min, mode, max) : null;
        }
    },
    PERT(true, alt("min", "mode", "max").optional("lambda")) {
        @Override Dist build(Params p, int alt) {
            double min = p.get("min");
            double mode = p.get("mode");
            double max = p.get("max");
            double lambda = p.get("lambda", 4);
            boolean ok = p.peaked(min, mode, max) & p.positive("lambda", lambda);
            return ok ? new Dist.Pert(min, mode, max, lambda) : null;
        }
    },
    BETA(true, alt("alpha", "beta").optional("min", "max")) {
        @Override Dist build(Params p, int alt) {
            double a = p.get("alpha");
            double b = p.get("beta");
            double min = p.get("min", 0);
            double max = p.get("max", 1);
            boolean ok = p.positive("alpha", a) & p.positive("beta", b) & p.less("min", min, "max", max);
            return ok ? new Dist.Beta(a, b, min, max) : null;
        }
    },
    GAMMA(true, alt("shape", "scale"), alt("mean", "sd")) {
        @Override Dist build(Params p, int alt) {
            String first = alt == 0 ? "shape" : "mean";
            String second = alt == 0 ? "scale" : "sd";
            double x = p.get(first);
            double y = p.get(second);
            if (!(p.positive(first, x) & p.positive(second, y))) {
                return null;
            }
            return alt == 0 ? new Dist.Gamma(x, y) : p.converted(Conversions.gammaFromMoments(x, y));
        }
    },
    EXPONENTIAL(true, alt("mean")) {
        @Override Dist build(Params p, int alt) {
            double mean = p.get("mean");
            return p.positive("mean", mean) ? new Dist.Exponential(mean) : null;
        }
    },
    POISSON(false, alt("mean")) {
        @Override Dist build(Params p, int alt) {
            double mean = p.get("mean");
            return p.positive("mean", mean) ? new Dist.Poisson(mean) : null;
        }
    },
    BINOMIAL(false, alt("trials", "p")) {
        @Override Dist build(Params p, int alt) {
            long trials = p.integer("trials");
            double prob = p.get("p");
            boolean ok = p.count("trials", trials) & p.closedUnit("p", prob);
            return ok ? new Dist.Binomial((int) trials, prob) : null;
        }
    },
    DISCRETE(false, alt("values").optional("weights")) {
        @Override Dist build(Params p, int alt) {
            return p.discrete();
        }
    },
    EMPIRICAL(false, alt("file", "column")) {
        @Override Dist build(Params p, int alt) {
            return p.empirical();
        }
    },
    MIXTURE(false, alt("components")) {
        @Override Dist build(Params p, int alt) {
            return p.mixture();
        }
    };

    /** One way of writing a family's parameters: required names, then optional ones. */
    record Parameterization(List<String> required, List<String> optional) {
        Parameterization optional(String... names) {
            return new Parameterization(required, List.of(names));
        }

        List<String> names() {
            List<String> all = new ArrayList<>(required);
            all.addAll(optional);
            return all;
        }

        @Override public String toString() {
            return String.join(", ", required);
        }
    }

    private final boolean continuous;
    private final List<Parameterization> parameterizations;

    Family(boolean continuous, Parameterization... parameterizations) {
        this.continuous = continuous;
        this.parameterizations = List.of(parameterizations);
    }

    private static Parameterization alt(String... required) {
        return new Parameterization(List.of(required), List.of());
    }

    /**
     * Checks the parameters of the chosen parameterization and builds the canonical spec.
     *
     * @return the spec, or null after reporting every problem found
     */
    abstract Dist build(Params p, int alt);

    /** The name as written after {@code dist:}. */
    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** True for the families with a continuous law (mixtures decide by their components). */
    boolean continuous() {
        return continuous;
    }

    /** True when {@code --set} can change its parameters (not discrete, empirical, mixture). */
    boolean numeric() {
        return this != DISCRETE && this != EMPIRICAL && this != MIXTURE;
    }

    List<Parameterization> parameterizations() {
        return parameterizations;
    }

    /** Every parameter name of every parameterization, in table order. */
    Set<String> parameterNames() {
        Set<String> all = new LinkedHashSet<>();
        parameterizations.forEach(a -> all.addAll(a.names()));
        return all;
    }

    /** The index of the parameterization holding that parameter, or -1. */
    int parameterizationOf(String name) {
        for (int i = 0; i < parameterizations.size(); i++) {
            if (parameterizations.get(i).names().contains(name)) {
                return i;
            }
        }
        return -1;
    }

    /** How the family is written, for messages: {@code normal takes mean, sd or low, high}. */
    String usage() {
        return label() + " takes " + parameterizations.stream().map(Parameterization::toString)
            .collect(Collectors.joining(" or "));
    }

    /** The family of that label, or null. */
    static Family byLabel(String text) {
        for (Family f : values()) {
            if (f.label().equals(text)) {
                return f;
            }
        }
        return null;
    }

    /** The labels of all families, in table order. */
    static List<String> labels() {
        return java.util.Arrays.stream(values()).map(Family::label).toList();
    }
}
