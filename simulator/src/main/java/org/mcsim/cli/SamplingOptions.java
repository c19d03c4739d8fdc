package org.mcsim.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcsim.model.Method;
import org.mcsim.model.Settings;
import org.mcsim.scenario.NumberSyntax;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options that every sampling command takes (cli.md, Common options). */
final class SamplingOptions {

    @Option(names = {"-n", "--samples"}, paramLabel = "N", converter = SampleCount.class,
        description = "Samples to draw (1e6 and 1_000_000 are accepted). Default: settings.samples.")
    Long samples;

    @Option(names = "--seed", paramLabel = "S", converter = Seed.class,
        description = "Random seed (any signed 64-bit integer). Default: settings.seed.")
    Long seed;

    @Option(names = "--threads", paramLabel = "T",
        description = "Worker threads. Default: all cores (${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--method", paramLabel = "M",
        description = "random, lhs or sobol. Default: settings.method.")
    Method method;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("out");

    @Option(names = "--set", paramLabel = "NAME.PARAM=VALUE", converter = Override.Converter.class,
        description = "Override a parameter or constant (repeatable), e.g. --set p_h800.high=45000 --set years=5.")
    List<Override> sets = List.of();

    @Option(names = "--quiet", description = "No progress and no table on stdout.")
    boolean quiet;

    @Option(names = "--debug", description = "Stack traces on errors.")
    boolean debug;

    /** Refuses a thread count below 1 as a usage error. */
    void checkThreads(CommandLine.Model.CommandSpec spec) {
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "--threads must be at least 1, got " + threads);
        }
    }

    /** The --set overrides as a map, in the order given (a key given twice keeps the last). */
    Map<String, Double> overrides() {
        return Override.toMap(sets);
    }

    /** The scenario's settings with the command-line values applied. */
    Settings apply(Settings s) {
        Settings r = s;
        if (samples != null) {
            r = r.withSamples(samples);
        }
        if (seed != null) {
            r = r.withSeed(seed);
        }
        if (method != null) {
            r = r.withMethod(method);
        }
        return r;
    }

    /** A --set argument. */
    record Override(String key, double value) {
        /** The overrides as a map, in the order given (a key given twice keeps the last). */
        static Map<String, Double> toMap(List<Override> overrides) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (Override o : overrides) {
                m.put(o.key(), o.value());
            }
            return m;
        }

        static final class Converter implements CommandLine.ITypeConverter<Override> {
            @java.lang.Override
            public Override convert(String text) {
                int eq = text.indexOf('=');
                if (eq <= 0) {
                    throw new CommandLine.TypeConversionException("expected NAME.PARAM=VALUE, got '" + text + "'");
                }
                try {
                    return new Override(text.substring(0, eq).trim(),
                        NumberSyntax.parse(text.substring(eq + 1).trim()));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.TypeConversionException(
                        "--set " + text.substring(0, eq) + ": " + e.getMessage());
                }
            }
        }
    }

    /** -n: a positive integer in the number syntax. */
    static final class SampleCount implements CommandLine.ITypeConverter<Long> {
        @java.lang.Override
        public Long convert(String text) {
            long n;
            try {
                n = NumberSyntax.parseInteger(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + text + "': " + e.getMessage());
            }
            if (n < 1) {
                throw new CommandLine.TypeConversionException("must be at least 1, got " + text);
            }
            return n;
        }
    }

    /** --seed: any signed 64-bit integer in the number syntax. */
    static final class Seed implements CommandLine.ITypeConverter<Long> {
        @java.lang.Override
        public Long convert(String text) {
            try {
                return NumberSyntax.parseInteger(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + text + "': " + e.getMessage());
            }
        }
    }
}
