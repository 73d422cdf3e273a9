package dev.lake.spark;

import dev.lake.core.change.Change;
import dev.lake.core.engine.DataStepRunner;
import dev.lake.core.engine.DataStepRunnerProvider;
import dev.lake.core.engine.Engine;
import dev.lake.core.engine.MigrateOptions;
import dev.lake.core.engine.MigrateResult;
import dev.lake.core.model.TableName;
import dev.lake.iceberg.IcebergCatalogs;
import dev.lake.iceberg.IcebergTableFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * A backfill through Lake against the same statements run directly in the same Spark session, side by
 * side, and the fixed cost of Spark in a JVM of its own. Not a test: run by {@code benchmarks/data-steps.sh}.
 *
 * <p>Arguments: rows, rounds.
 */
public final class DataStepBenchmark {
  private DataStepBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = Files.createTempDirectory("lake-data-bench");
    System.out.printf("Lake data step benchmark: %,d rows, %d rounds, %d cores, Java %s%n%n", rows, rounds,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    try (IcebergTableFormat format = IcebergCatalogs.embedded("bench", dir.resolve("lake"))) {
      var staging = format.dataStaging().orElseThrow();
      SparkSession spark = EmbeddedSpark.builder("local[*]", SparkDataRunner.catalogConf(staging.catalogName(),
          staging.catalogProperties())).getOrCreate();
      SparkDataRunner runner = new SparkDataRunner(spark, DataStepBenchmark.class.getClassLoader());
      System.out.println("1. Backfill: ALTER TABLE ADD COLUMN + UPDATE in Spark, against the same step through Lake");
      List<Double> ratios = new ArrayList<>();
      List<Double> direct = new ArrayList<>();
      List<Double> lake = new ArrayList<>();
      for (int round = 0; round <= rounds; round++) {
        String directTable = "bench.direct_" + round;
        String lakeTable = "bench.lake_" + round;
        create(format, runner, spark, directTable, rows);
        create(format, runner, spark, lakeTable, rows);
        double d;
        double l;
        if (round % 2 == 0) {
          d = direct(spark, staging.catalogName(), directTable);
          l = lake(format, runner, lakeTable);
        } else {
          l = lake(format, runner, lakeTable);
          d = direct(spark, staging.catalogName(), directTable);
        }
        if (round == 0) {
          System.out.printf("   warm-up: Spark %.2f s, Lake %.2f s%n", d, l);
          continue;
        }
        direct.add(d);
        lake.add(l);
        ratios.add(l / d);
        System.out.printf("   round %d: Spark %.2f s, Lake %.2f s, ratio %.3f%n", round, d, l, l / d);
      }
      System.out.printf("   median: Spark %.2f s, Lake %.2f s, ratio %.3f (target <= 1.10)%n%n", median(direct),
          median(lake), median(ratios));
      spark.stop();
    }

    System.out.println("2. Fixed cost of Spark in a JVM of its own (lake:migrate's default)");
    for (int round = 1; round <= rounds; round++) {
      long start = System.nanoTime();
      try (DataStepRunner forked = DataStepRunnerProvider.open(Map.of("lake.spark.log",
          dir.resolve("worker.log").toString()), DataStepBenchmark.class.getClassLoader(), "benchmark")) {
        forked.start();
        double started = (System.nanoTime() - start) / 1e9;
        System.out.printf("   round %d: worker JVM started with its Spark session in %.2f s%n", round, started);
      }
    }
  }

  private static void create(IcebergTableFormat format, SparkDataRunner runner, SparkSession spark, String table,
      long rows) {
    var history = history(table, false);
    check(new Engine(format, history, DataStepBenchmark.class.getClassLoader(), Clock.systemUTC(), "bench")
        .withDataRunner(runner).migrate(MigrateOptions.defaults()));
    spark.sql("INSERT INTO " + SparkDataRunner.identifier(IcebergCatalogs.EMBEDDED_CATALOG_NAME, TableName.parse(table))
        + " SELECT id, CAST(id % 1000 AS INT) FROM range(" + rows + ")").collect();
  }

  private static double direct(SparkSession spark, String catalog, String table) {
    String identifier = SparkDataRunner.identifier(catalog, TableName.parse(table));
    long start = System.nanoTime();
    spark.sql("ALTER TABLE " + identifier + " ADD COLUMN vx2 int").collect();
    spark.sql("UPDATE " + identifier + " SET vx2 = v * 2").collect();
    return (System.nanoTime() - start) / 1e9;
  }

  private static double lake(IcebergTableFormat format, SparkDataRunner runner, String table) {
    long start = System.nanoTime();
    check(new Engine(format, history(table, true), DataStepBenchmark.class.getClassLoader(), Clock.systemUTC(),
        "bench").withDataRunner(runner).migrate(MigrateOptions.defaults()));
    return (System.nanoTime() - start) / 1e9;
  }

  private static Map<TableName, dev.lake.core.engine.ResolvedTable> history(String table, boolean backfill) {
    DataSteps steps = DataSteps.table(table).step(Change.AddColumn.of("", "id", "long", true, "", "", false),
        Change.AddColumn.of("", "v", "int", false, "", "", false));
    if (backfill) {
      steps.step(List.of(Change.AddColumn.of("", "vx2", "int", false, "", "", false)),
          List.of("UPDATE {table} SET vx2 = v * 2"));
    }
    return steps.build();
  }

  private static void check(MigrateResult result) {
    if (!result.success()) {
      throw new IllegalStateException(result.messages().toString());
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
