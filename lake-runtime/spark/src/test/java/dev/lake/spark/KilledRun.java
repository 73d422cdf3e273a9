package dev.lake.spark;

import dev.lake.core.engine.Engine;
import dev.lake.core.engine.MigrateOptions;
import dev.lake.iceberg.IcebergCatalogs;
import dev.lake.iceberg.IcebergTableFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** A migrate run in a JVM of its own, to be killed during its data work: args are the catalog directory. */
public final class KilledRun {
  private KilledRun() {}

  public static void main(String[] args) {
    try (IcebergTableFormat format = IcebergCatalogs.embedded("test", Path.of(args[0]))) {
      var spark = EmbeddedSpark.builder("local[1]", Map.of()).getOrCreate();
      new Engine(format, ForkedRunTest.history().build(), KilledRun.class.getClassLoader(), Clock.systemUTC(), "killed")
          .withDataRunner(new SparkDataRunner(spark, KilledRun.class.getClassLoader()))
          .migrate(MigrateOptions.defaults());
    }
  }
}
