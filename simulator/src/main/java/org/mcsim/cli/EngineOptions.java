package org.mcsim.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.mcsim.engine.BlockExecutor;
import org.mcsim.engine.Plan;
import org.mcsim.engine.PlanSource;
import org.mcsim.engine.RunFailedException;
import org.mcsim.model.Scenario;
import org.mcsim.scenario.ScenarioDocument;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Where the blocks run (cli.md, engines): {@code --engine local|spark}, {@code --master URL},
 * {@code --partitions P}. Spark is found at run time through {@link BlockExecutor#open}, so the
 * CLI does not depend on it.
 */
final class EngineOptions {

    @Option(names = "--engine", paramLabel = "local|spark",
        description = {"Where the blocks run: this machine's cores (local, the default) or an Apache Spark job",
            "(spark). Both give byte-identical files."})
    EngineName engine = EngineName.LOCAL;

    @Option(names = "--master", paramLabel = "URL",
        description = "Spark master URL (local[2], spark://host:7077, yarn, ...); "
            + "default: spark-submit's, else local[*].")
    String master;

    @Option(names = "--partitions", paramLabel = "P",
        description = "Spark partitions per wave of blocks (default: the cluster's default parallelism).")
    Integer partitions;

    /** {@code --engine}: the name {@link BlockExecutor#open} knows each by. */
    enum EngineName {
        LOCAL, SPARK;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Usage errors: Spark options without Spark, or a partition count below 1. */
    void check(CommandLine cl) {
        if (isLocal() && (master != null || partitions != null)) {
            throw new CommandLine.ParameterException(cl,
                (master != null ? "--master" : "--partitions") + " needs --engine spark");
        }
        if (partitions != null && partitions < 1) {
            throw new CommandLine.ParameterException(cl, "--partitions must be at least 1, got " + partitions);
        }
    }

    boolean isLocal() {
        return engine == EngineName.LOCAL;
    }

    /** Opens the chosen executor; the caller closes it. */
    BlockExecutor open(int threads) throws RunFailedException {
        Map<String, String> o = new LinkedHashMap<>();
        if (master != null) {
            o.put("master", master);
        }
        if (partitions != null) {
            o.put("partitions", Integer.toString(partitions));
        }
        return BlockExecutor.open(engine.toString(), threads, o);
    }

    /**
     * The plan of {@code s}, read from {@code doc} with {@code overrides} (and {@code variant}, or
     * null): with its source when the blocks run elsewhere.
     */
    Plan plan(Scenario s, ScenarioDocument doc, Map<String, Double> overrides, String variant)
        throws RunFailedException {
        return isLocal() ? Plan.of(s) : Plan.of(s, PlanSource.of(doc, overrides, variant));
    }
}
