package dev.lake.spark;

import dev.lake.core.engine.Engine;
import dev.lake.core.engine.MigrateOptions;
import dev.lake.core.engine.MigrateResult;
import dev.lake.iceberg.IcebergCatalogs;
import dev.lake.iceberg.IcebergTableFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * One of several migrate runs in processes of their own, racing on one data step. Args: the catalog
 * directory, a file to create once Spark is up, a file to wait for before migrating.
 */
public final class RacingRun {
  private RacingRun() {}

  public static void main(String[] args) throws Exception {
    try (IcebergTableFormat format = IcebergCatalogs.embedded("test", Path.of(args[0]))) {
      var staging = format.dataStaging().orElseThrow();
      var spark = EmbeddedSpark.builder("local[1]", SparkDataRunner.catalogConf(staging.catalogName(),
          staging.catalogProperties())).getOrCreate();
      Files.writeString(Path.of(args[1]), "ready");
      while (!Files.exists(Path.of(args[2]))) {
        Thread.sleep(20);
      }
      MigrateResult result = new Engine(format, ForkedRunTest.racingHistory().build(),
          RacingRun.class.getClassLoader(), Clock.systemUTC(), "racer")
          .withDataRunner(new SparkDataRunner(spark, RacingRun.class.getClassLoader()))
          .migrate(MigrateOptions.defaults());
      System.out.println("RESULT applied=" + result.applied().size() + " failures=" + result.messages());
      spark.stop();
      System.exit(result.success() ? 0 : 1);
    }
  }
}
