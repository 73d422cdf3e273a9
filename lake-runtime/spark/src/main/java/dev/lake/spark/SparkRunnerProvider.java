package dev.lake.spark;

import dev.lake.core.engine.DataStepRunner;
import dev.lake.core.engine.DataStepRunnerProvider;
import dev.lake.core.engine.LakeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Data steps on Spark. Options: {@code lake.spark.master} (default {@code local[*]}),
 * {@code lake.spark.jvmArgs} (options of the forked JVM, such as {@code -Xmx4g}), {@code lake.spark.log}
 * (where the forked JVM's output goes; a temporary file by default), {@code lake.spark.fork} ({@code false}
 * runs Spark in this JVM, which then needs Spark's {@code --add-opens} options), {@code lake.spark.remote}
 * ({@code sc://host:port}: the data work runs on a Spark Connect server, from the forked JVM) with
 * {@code lake.spark.catalog} (the server's Iceberg catalog that holds the tables), and any {@code spark.*}
 * setting, passed to the session.
 */
public final class SparkRunnerProvider implements DataStepRunnerProvider {
  static final String MASTER = "lake.spark.master";
  static final String JVM_ARGS = "lake.spark.jvmArgs";
  static final String LOG = "lake.spark.log";
  static final String FORK = "lake.spark.fork";
  static final String REMOTE = "lake.spark.remote";
  static final String CATALOG = "lake.spark.catalog";
  static final List<String> OPTIONS = List.of(MASTER, JVM_ARGS, LOG, FORK, REMOTE, CATALOG);

  @Override
  public DataStepRunner open(Map<String, String> options, ClassLoader loader) {
    List<String> unknown = options.keySet().stream()
        .filter(key -> key.startsWith("lake.spark.") && !OPTIONS.contains(key)).sorted().toList();
    if (!unknown.isEmpty()) {
      throw new LakeException("Unknown option " + String.join(", ", unknown) + " (known: " + String.join(", ", OPTIONS)
          + ")");
    }
    String master = options.getOrDefault(MASTER, EmbeddedSpark.DEFAULT_MASTER).strip();
    Map<String, String> conf = new TreeMap<>();
    options.forEach((key, value) -> {
      if (key.startsWith("spark.")) {
        conf.put(key, value);
      }
    });
    String fork = options.getOrDefault(FORK, "true").strip();
    if (!fork.equals("true") && !fork.equals("false")) {
      throw new LakeException("Invalid " + FORK + "=" + fork + ": true or false");
    }
    String remote = options.getOrDefault(REMOTE, "").strip();
    String catalog = options.getOrDefault(CATALOG, "").strip();
    List<String> target = List.of(master);
    if (!remote.isEmpty()) {
      if (!remote.startsWith("sc://")) {
        throw new LakeException("Invalid " + REMOTE + "=" + remote + ": a Spark Connect URL, sc://host:port");
      }
      if (catalog.isEmpty()) {
        throw new LakeException(REMOTE + " needs " + CATALOG + ": the name of the server's Iceberg catalog that "
            + "holds the tables (spark.sql.catalog.NAME on the server)");
      }
      if (options.containsKey(MASTER) || fork.equals("false")) {
        throw new LakeException(REMOTE + " runs the data work on the server: leave " + MASTER + " and " + FORK
            + " unset");
      }
      target = List.of(remote, catalog);
    } else if (!catalog.isEmpty()) {
      throw new LakeException(CATALOG + " names a Spark Connect server's catalog: set " + REMOTE + " too");
    }
    if (fork.equals("false")) {
      return new InProcess(master, conf, loader);
    }
    String jvmArgs = options.getOrDefault(JVM_ARGS, "").strip();
    return new ForkedSparkRunner(target, conf, jvmArgs.isEmpty() ? List.of() : Arrays.asList(jvmArgs.split("\\s+")),
        loader, log(options.get(LOG)));
  }

  private static Path log(String option) {
    if (option != null && !option.isBlank()) {
      return Path.of(option.strip()).toAbsolutePath();
    }
    try {
      return Files.createTempFile("lake-spark-", ".log");
    } catch (IOException e) {
      throw new LakeException("Cannot create the Spark worker's log file: " + e.getMessage()
          + " (set -D" + LOG + "=FILE)", e);
    }
  }

  /**
   * Spark in this JVM: the session this JVM already has, or one started on first use and stopped on
   * close.
   */
  private static final class InProcess implements DataStepRunner {
    private final String master;
    private final Map<String, String> conf;
    private final ClassLoader loader;
    private org.apache.spark.sql.SparkSession spark;
    private boolean owned;
    private SparkDataRunner runner;

    InProcess(String master, Map<String, String> conf, ClassLoader loader) {
      this.master = master;
      this.conf = conf;
      this.loader = loader;
    }

    @Override
    public synchronized void start() {
      if (spark == null) {
        try {
          owned = org.apache.spark.sql.SparkSession.getDefaultSession().isEmpty();
          spark = EmbeddedSpark.builder(master, conf).getOrCreate();
        } catch (RuntimeException | LinkageError e) {
          throw new LakeException("Cannot start Spark in this JVM (master " + master + "): " + Messages.of(e)
              + ". Run Spark in a JVM of its own (leave " + FORK + " unset), or give this one Spark's --add-opens "
              + "options", e);
        }
        runner = new SparkDataRunner(spark, loader);
      }
    }

    @Override
    public void run(dev.lake.core.engine.DataWork work) {
      start();
      runner.run(work);
    }

    @Override
    public synchronized void close() {
      if (spark != null && owned) {
        spark.stop();
      }
      spark = null;
    }
  }
}
