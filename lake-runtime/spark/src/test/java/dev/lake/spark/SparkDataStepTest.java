package dev.lake.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.core.change.Change;
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
import org.junit.jupiter.api.io.TempDir;

/** Data steps through the engine, on embedded Spark, against the embedded catalog. One session for all. */
class SparkDataStepTest {
  @TempDir
  static Path dir;

  static SparkSession spark;
  static IcebergTableFormat format;

  @BeforeAll
  static void start() {
    format = IcebergCatalogs.embedded("test", dir.resolve("lake"));
    spark = EmbeddedSpark.builder("local[2]", SparkDataRunner.catalogConf(IcebergCatalogs.EMBEDDED_CATALOG_NAME,
        format.dataStaging().orElseThrow().catalogProperties())).getOrCreate();
  }

  @AfterAll
  static void stop() {
    if (format != null) {
      format.close();
    }
    if (spark != null) {
      spark.stop();
    }
  }

  private static Engine engine(Map<TableName, dev.lake.core.engine.ResolvedTable> tables) {
    return new Engine(format, tables, SparkDataStepTest.class.getClassLoader(), Clock.systemUTC(), "tester")
        .withDataRunner(new SparkDataRunner(spark, SparkDataStepTest.class.getClassLoader()));
  }

  private static String sql(String table) {
    return SparkDataRunner.identifier(IcebergCatalogs.EMBEDDED_CATALOG_NAME, TableName.parse(table));
  }

  @Test
  void addsAColumnAndFillsItFromExistingColumnsInOneStep() {
    var history = DataSteps.table("shop.fill")
        .step(Change.AddColumn.of("", "id", "long", true, "", "", false),
            Change.AddColumn.of("", "v", "int", false, "", "", false));
    assertThat(engine(history.build()).migrate(MigrateOptions.defaults()).success()).isTrue();
    spark.sql("INSERT INTO " + sql("shop.fill") + " VALUES (1, 10), (2, 20), (3, NULL)");

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
  }
}
