package dev.lake.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Spark sessions for data work in this JVM: local, with Iceberg's SQL extensions and no web UI. */
public final class EmbeddedSpark {
  /** The master Spark runs data work on unless told otherwise: every core of this machine. */
  public static final String DEFAULT_MASTER = "local[*]";

  private EmbeddedSpark() {}

  /**
   * A session builder for {@code master} with {@code conf} on top of Lake's defaults.
   *
   * @param conf more Spark settings ({@code spark.*}), such as {@code spark.driver.memory}
   */
  public static SparkSession.Builder builder(String master, Map<String, String> conf) {
    SparkSession.Builder builder = SparkSession.builder()
        .master(master)
        .appName("lake")
        .config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "8");
    conf.forEach(builder::config);
    return builder;
  }
}
