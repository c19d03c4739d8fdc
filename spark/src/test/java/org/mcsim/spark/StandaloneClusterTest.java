package org.mcsim.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mcsim.engine.Engine;
import org.mcsim.engine.Plan;
import org.mcsim.engine.PlanSource;
import org.mcsim.engine.RunOptions;
import org.mcsim.engine.RunResult;
import org.mcsim.scenario.ScenarioDocument;

/**
 * {@code --engine spark} on a real standalone cluster: a Spark master and a worker run as
 * separate JVMs on the loopback address, the worker starts executor JVMs of its own, and the
 * command line's files must be the bytes of a local run. The scenario reads an included file and
 * an empirical CSV; a second run moves both away once the driver has read the scenario, so that
 * the executors can only have them from the job the driver ships, and must still give the local
 * result exactly. About a minute on two cores.
 */
class StandaloneClusterTest {
    private static final String SCENARIO = """
        name: cluster
        settings: {samples: 200000, seed: 23, quantiles: [0.05, 0.5, 0.95], histogram_bins: 20}
        include: [lib.yaml]
        inputs:
          load: {dist: empirical, file: data/load.csv, column: load}
        formulas:
          cost: price * load
        outputs: [cost, load]
        claims:
          high: cost > 50
        """;
    private static final List<String> FILES = List.of("summary.csv", "claims.csv", "histogram.csv");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void aMasterAndAWorkerInTheirOwnJvmsComputeTheLocalBytesFromShippedData() throws Exception {
        assumeTrue(loopbackWorks(), "skipped: the loopback address 127.0.0.1 cannot be bound here");
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve("data"));
        Files.writeString(project.resolve("lib.yaml"), "inputs:\n  price: {dist: lognormal, mu: 2, sigma: 0.3}\n",
            StandardCharsets.UTF_8);
        StringBuilder csv = new StringBuilder("day,load\n");
        for (int i = 0; i < 2000; i++) {
            csv.append(i).append(',').append(String.format(Locale.ROOT, "%.4f", 5 + 3 * Math.sin(i * 0.37)))
                .append('\n');
        }
        Files.writeString(project.resolve("data/load.csv"), csv, StandardCharsets.UTF_8);
        Path scenario = project.resolve("cluster.yaml");
        Files.writeString(scenario, SCENARIO, StandardCharsets.UTF_8);

        SparkEngineTest.Run local = SparkEngineTest.mcsim("run", scenario.toString(), "-o",
            dir.resolve("local").toString(), "--quiet");
        assertEquals(0, local.status(), local.err());

        Path sparkHome = Files.createDirectories(dir.resolve("spark-home/jars"));
        Path work = Files.createDirectories(dir.resolve("work"));
        int masterPort = freePort();
        int masterUi = freePort();
        List<Process> started = new ArrayList<>();
        Map<String, String> saved = new HashMap<>();
        try {
            Process master = start(started, dir.resolve("master.log"), sparkHome.getParent(),
                "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", Integer.toString(masterPort),
                "--webui-port", Integer.toString(masterUi));
            String url = "spark://127.0.0.1:" + masterPort;
            waitFor(master, dir.resolve("master.log"), masterUi, "\"status\" : \"ALIVE\"");
            Process worker = start(started, dir.resolve("worker.log"), sparkHome.getParent(),
                "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "2", "--memory", "1g",
                "--webui-port", Integer.toString(freePort()), "--work-dir", work.toString(), url);
            waitFor(worker, dir.resolve("worker.log"), masterUi, "\"aliveworkers\" : 1");

            set(saved, "spark.driver.host", "127.0.0.1");
            set(saved, "spark.driver.bindAddress", "127.0.0.1");
            set(saved, "spark.executor.memory", "512m");
            set(saved, "spark.cores.max", "2");
            set(saved, "spark.ui.enabled", "false");
            set(saved, "spark.executor.extraClassPath", classPath());
            set(saved, "spark.executor.extraJavaOptions", String.join(" ", moduleOptions()));

            // The command line against the cluster: the local run's bytes.
            SparkEngineTest.Run spark = SparkEngineTest.mcsim("run", scenario.toString(), "-o",
                dir.resolve("spark").toString(), "--quiet", "--engine", "spark", "--master", url, "--partitions", "4");
            assertEquals(0, spark.status(), spark.err() + "\nworker log:\n" + tail(dir.resolve("worker.log")));
            for (String f : FILES) {
                assertArrayEquals(Files.readAllBytes(dir.resolve("local/cluster").resolve(f)),
                    Files.readAllBytes(dir.resolve("spark/cluster").resolve(f)), f);
            }
            assertTrue(Files.readString(dir.resolve("spark/cluster/run.json")).contains("\"engine\": \"spark\""));

            // The driver reads the scenario, then the data goes away: executors have only the shipped bytes.
            ScenarioDocument doc = ScenarioDocument.read(scenario, "cluster.yaml");
            Plan plan = Plan.of(doc.build(Map.of()), PlanSource.of(doc, Map.of(), null));
            RunOptions options = new RunOptions(200_000, 2, false, RunOptions.Progress.NONE);
            RunResult here = Engine.run(plan, options);
            Files.move(project.resolve("data"), dir.resolve("moved-data"));
            Files.move(project.resolve("lib.yaml"), dir.resolve("moved-lib.yaml"));
            RunResult there;
            try (SparkExecutor executor = SparkExecutor.open(url, 4)) {
                there = Engine.run(plan, options, executor);
            }
            assertEquals(fingerprint(here), fingerprint(there));
            assertTrue(executorsRan(work), "no executor ran under " + work);
        } finally {
            saved.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
            // The worker first (its shutdown hook ends any executor it started), then the master.
            for (int i = started.size() - 1; i >= 0; i--) {
                Process p = started.get(i);
                p.destroy();
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** Every number of a result, exactly (Double.toString tells bits apart). */
    private static String fingerprint(RunResult r) {
        StringBuilder sb = new StringBuilder();
        r.variables().forEach(v -> sb.append(v.name()).append(' ').append(v.mean()).append(' ').append(v.sd())
            .append(' ').append(v.min()).append(' ').append(v.max()).append(' ').append(v.quantiles()).append(' ')
            .append(java.util.Arrays.toString(v.histogram() == null ? null : v.histogram().counts())).append('\n'));
        r.claims().forEach(c -> sb.append(c).append('\n'));
        return sb.append(r.samples()).toString();
    }

    private static boolean executorsRan(Path work) {
        try (var s = Files.list(work)) {
            return s.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    private static void set(Map<String, String> saved, String key, String value) {
        saved.putIfAbsent(key, System.getProperty(key));
        System.setProperty(key, value);
    }

    /** A Spark daemon in a JVM of its own, with this test's class path; output to {@code log}. */
    private static Process start(List<Process> started, Path log, Path sparkHome, String main, String... args)
        throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m"));
        cmd.addAll(moduleOptions());
        cmd.addAll(List.of("-cp", classPath(), main));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_TESTING", "1");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        started.add(p);
        return p;
    }

    /**
     * Waits until the master's state ({@code /json} of its web UI) says {@code what}; fails with
     * the daemon's log if it ends first.
     */
    private static void waitFor(Process p, Path log, int masterUi, String what) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < until) {
            try (java.io.InputStream in = java.net.URI.create("http://127.0.0.1:" + masterUi + "/json/").toURL()
                .openStream()) {
                if (new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(what)) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            assertTrue(p.isAlive(), "the daemon ended:\n" + tail(log));
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + what + "' within 90 s:\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        String s = Files.readString(log);
        return s.substring(Math.max(0, s.length() - 4000));
    }

    /** The test's full class path (surefire's, when it hides it behind a manifest-only jar). */
    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    /**
     * The JDK module options this JVM was started with (Spark reaches into JDK internals; the
     * executors get the Vector API module too, so their blocks run the vector kernels).
     */
    private static List<String> moduleOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-modules") || a.startsWith("-Djdk.reflect")
                || a.startsWith("-Dio.netty"))
            .toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }

    private static boolean loopbackWorks() {
        try {
            freePort();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
