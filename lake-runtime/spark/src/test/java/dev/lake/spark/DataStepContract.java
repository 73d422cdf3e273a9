package dev.lake.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.core.change.Change;
import dev.lake.core.engine.DataStaging;
import dev.lake.core.engine.Engine;
import dev.lake.core.engine.MigrateOptions;
import dev.lake.core.engine.MigrateResult;
import dev.lake.core.model.TableName;
import dev.lake.iceberg.IcebergCatalogs;
import dev.lake.iceberg.IcebergTableFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data steps through the engine, on embedded Spark, against each catalog a subclass opens: one catalog
 * and one Spark session per class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DataStepContract {
  @TempDir
  static Path dir;

  static SparkSession spark;
  static IcebergTableFormat format;
  static String catalogName;

  /** The catalog under test, kept in {@code dir}. */
  abstract IcebergTableFormat open(Path dir);

  /** What the catalog is called in messages. */
  abstract String catalogDescription();

  @BeforeAll
  void start() {
    format = open(dir);
    DataStaging staging = format.dataStaging().orElseThrow();
    catalogName = staging.catalogName();
    spark = EmbeddedSpark.builder("local[2]", SparkDataRunner.catalogConf(catalogName, staging.catalogProperties()))
        .getOrCreate();
  }

  @AfterAll
  void stop() {
    if (format != null) {
      format.close();
    }
    if (spark != null) {
      spark.stop();
    }
  }

  private static Engine engine(Map<TableName, dev.lake.core.engine.ResolvedTable> tables) {
    return new Engine(format, tables, DataStepContract.class.getClassLoader(), Clock.systemUTC(), "tester")
        .withDataRunner(new SparkDataRunner(spark, DataStepContract.class.getClassLoader()));
  }

  /** A table of {@code id bigint not null, v int}, created by step 0 through the engine, with {@code rows} (or none). */
  private static DataSteps created(String table, String rows) {
    var history = DataSteps.table(table).step(Change.AddColumn.of("", "id", "long", true, "", "", false),
        Change.AddColumn.of("", "v", "int", false, "", "", false));
    assertThat(engine(history.build()).migrate(MigrateOptions.defaults()).success()).isTrue();
    if (rows != null) {
      spark.sql("INSERT INTO " + sql(table) + " VALUES " + rows);
    }
    return history;
  }

  static String sql(String table) {
    return SparkDataRunner.identifier(catalogName, TableName.parse(table));
  }

  @Test
  void addsAColumnAndFillsItFromExistingColumnsInOneStep() {
    var history = created("shop.fill", "(1, 10), (2, 20), (3, NULL)");

    history.step(List.of(Change.AddColumn.of("", "vx2", "int", false, "", "", false)),
        List.of("UPDATE {table} SET vx2 = v * 2 WHERE v IS NOT NULL"));
    MigrateResult result = engine(history.build()).migrate(MigrateOptions.defaults());

    assertThat(result.messages()).isEmpty();
    assertThat(result.applied()).singleElement().satisfies(applied -> {
      assertThat(applied.step()).isEqualTo(1);
      assertThat(applied.data()).contains("rows written");
    });
    List<Row> rows = spark.sql("SELECT id, v, vx2 FROM " + sql("shop.fill") + " ORDER BY id").collectAsList();
    assertThat(rows).extracting(Row::toString).containsExactly("[1,10,20]", "[2,20,40]", "[3,null,null]");
    Table table = format.icebergCatalog().loadTable(TableIdentifier.of("shop", "fill"));
    assertThat(table.refs().keySet()).containsExactly("main");
    assertThat(table.properties()).containsEntry("lake.migration.step", "1").containsEntry(
        "lake.migration.data-pending", "");
    assertThatThrownBy(() -> engine(history.build()).undo(dev.lake.core.engine.TableFilter.parse("*"), 0, true))
        .hasMessageContaining("Cannot undo step 1 of shop.fill").hasMessageContaining("test.V1 runs data work "
            + "(@Sql or Spark code), which undo cannot take back");
  }

  @Test
  void inThisJvmTheRunnerUsesTheSessionItFindsAndLeavesItRunning() {
    var history = DataSteps.table("shop.inprocess")
        .step(Change.AddColumn.of("", "id", "long", true, "", "", false))
        .step(List.of(), List.of("INSERT INTO {table} VALUES (7)"));
    try (var runner = dev.lake.core.engine.DataStepRunnerProvider.open(Map.of("lake.spark.fork", "false"),
        getClass().getClassLoader(), "test")) {
      MigrateResult result = new Engine(format, history.build(), getClass().getClassLoader(), Clock.systemUTC(),
          "tester").withDataRunner(runner).migrate(MigrateOptions.defaults());
      assertThat(result.messages()).isEmpty();
    }
    assertThat(spark.sql("SELECT id FROM " + sql("shop.inprocess")).collectAsList()).extracting(Row::toString)
        .containsExactly("[7]");
  }

  @Test
  void onAMergeOnReadTableDeletedRowsStayDeleted() {
    var history = DataSteps.table("shop.mor")
        .step(Change.AddColumn.of("", "id", "long", true, "", "", false),
            Change.AddColumn.of("", "v", "int", false, "", "", false),
            new Change.SetProperty("format-version", "2"),
            new Change.SetProperty("write.delete.mode", "merge-on-read"),
            new Change.SetProperty("write.update.mode", "merge-on-read"));
    assertThat(engine(history.build()).migrate(MigrateOptions.defaults()).success()).isTrue();
    spark.sql("INSERT INTO " + sql("shop.mor") + " VALUES (1, 10), (2, 20), (3, 30), (4, 40)");
    spark.sql("DELETE FROM " + sql("shop.mor") + " WHERE id = 2");
    Table before = format.icebergCatalog().loadTable(TableIdentifier.of("shop", "mor"));
    assertThat(before.currentSnapshot().summary()).containsKey("added-delete-files");

    history.step(List.of(Change.AddColumn.of("", "vx2", "int", false, "", "", false)),
        List.of("UPDATE {table} SET vx2 = v * 2"));
    assertThat(engine(history.build()).migrate(MigrateOptions.defaults()).messages()).isEmpty();

    assertThat(spark.sql("SELECT id, vx2 FROM " + sql("shop.mor") + " ORDER BY id").collectAsList())
        .extracting(Row::toString).containsExactly("[1,20]", "[3,60]", "[4,80]");
  }

  @Test
  void aFailingStatementPublishesNothingAndTakesTheStepBack() {
    var history = created("shop.fail", "(1, 10), (2, 20)");
    Table before = format.icebergCatalog().loadTable(TableIdentifier.of("shop", "fail"));

    history.step(List.of(Change.AddColumn.of("", "vx2", "int", false, "", "", false)),
        List.of("UPDATE {table} SET vx2 = v * 2", "UPDATE {table} SET vx3 = 1"));
    MigrateResult result = engine(history.build()).migrate(MigrateOptions.defaults());

    assertThat(result.messages().get(TableName.parse("shop.fail")))
        .startsWith("Cannot apply step 1 of shop.fail in " + catalogDescription() + ": test.V1 @Sql statement 2 "
            + "failed: UPDATE {table} SET vx3 = 1: ")
        .contains("vx3")
        .contains("Nothing was published: the step's schema changes were taken back, and the table is as it was "
            + "before step 1")
        .doesNotContain("\tat ");
    Table after = format.icebergCatalog().loadTable(TableIdentifier.of("shop", "fail"));
    assertThat(after.currentSnapshot().snapshotId()).isEqualTo(before.currentSnapshot().snapshotId());
    assertThat(after.schema().sameSchema(before.schema())).isTrue();
    assertThat(after.refs().keySet()).containsExactly("main");
    assertThat(after.properties()).containsEntry("lake.migration.step", "0")
        .containsEntry("lake.migration.data-pending", "");
    assertThat(engine(history.build()).validate(dev.lake.core.engine.TableFilter.parse("*"))).isEmpty();
  }

  /** Appends a row to main the first time it runs, as another writer would while the data work runs. */
  public static final class AppendsToMainOnce implements SparkMigration {
    static final java.util.concurrent.atomic.AtomicInteger RUNS = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void apply(SparkMigrationContext context) {
      context.spark().sql("UPDATE " + context.table() + " SET vx2 = v * 2");
      if (RUNS.getAndIncrement() == 0) {
        context.spark().sql("INSERT INTO " + sql("shop.moving") + " (id, v) VALUES (9, 90)");
      }
    }
  }

  @Test
  void whenMainMovesOnTheDataWorkRunsAgainAndNoAppendedRowIsLost() {
    AppendsToMainOnce.RUNS.set(0);
    var history = created("shop.moving", "(1, 10)");

    history.sparkStep(AppendsToMainOnce.class, Change.AddColumn.of("", "vx2", "int", false, "", "", false));
    assertThat(engine(history.build()).migrate(MigrateOptions.defaults()).messages()).isEmpty();

    assertThat(AppendsToMainOnce.RUNS).hasValue(2);
    assertThat(spark.sql("SELECT id, vx2 FROM " + sql("shop.moving") + " ORDER BY id").collectAsList())
        .extracting(Row::toString).containsExactly("[1,20]", "[9,180]");
  }

  /** Appends a row to main every time it runs: main never stays where the data work started. */
  public static final class AlwaysAppendsToMain implements SparkMigration {
    @Override
    public void apply(SparkMigrationContext context) {
      context.spark().sql("UPDATE " + context.table() + " SET vx2 = v * 2");
      context.spark().sql("INSERT INTO " + sql("shop.busy") + " (id, v) VALUES (" + System.nanoTime() + ", 1)");
    }
  }

  @Test
  void whenMainKeepsMovingTheRunGivesUpAfterABoundAndTheDataStaysPending() {
    var history = created("shop.busy", null);
    history.sparkStep(AlwaysAppendsToMain.class, Change.AddColumn.of("", "vx2", "int", false, "", "", false));

    MigrateResult result = engine(history.build()).migrate(MigrateOptions.defaults());

    assertThat(result.messages().get(TableName.parse("shop.busy"))).startsWith("Cannot publish the data of step 1 of "
        + "shop.busy in " + catalogDescription() + ": other writers committed to the table during each of 3 attempts "
        + "at its data work").endsWith("Nothing was published and the step's data is still pending: run 'mvn "
        + "lake:migrate' again when writers pause");
    assertThat(spark.sql("SELECT count(*) FROM " + sql("shop.busy") + " WHERE vx2 IS NOT NULL").first().getLong(0))
        .isZero();
    assertThat(engine(history.build()).status(dev.lake.core.engine.TableFilter.parse("*")).get(0).dataPending())
        .isEqualTo(1);
  }

  @Test
  void racingRunsPublishTheDataOnce() throws Exception {
    var history = DataSteps.table("shop.race")
        .step(Change.AddColumn.of("", "id", "long", true, "", "", false),
            Change.AddColumn.of("", "n", "int", false, "", "", false));
    assertThat(engine(history.build()).migrate(MigrateOptions.defaults()).success()).isTrue();
    spark.sql("INSERT INTO " + sql("shop.race") + " VALUES (1, 0), (2, 0)");
    // Not idempotent: running it twice would show.
    history.step(List.of(new Change.SetProperty("owner", "data")), List.of("UPDATE {table} SET n = n + 1"));
    var tables = history.build();

    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<MigrateResult>> runs = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        runs.add(pool.submit(() -> engine(tables).migrate(MigrateOptions.defaults())));
      }
      int published = 0;
      for (var run : runs) {
        MigrateResult result = run.get();
        assertThat(result.messages()).isEmpty();
        published += result.applied().size();
      }
      assertThat(published).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(spark.sql("SELECT id, n FROM " + sql("shop.race") + " ORDER BY id").collectAsList())
        .extracting(Row::toString).containsExactly("[1,1]", "[2,1]");
    assertThat(format.icebergCatalog().loadTable(TableIdentifier.of("shop", "race")).refs().keySet())
        .containsExactly("main");
  }
}
