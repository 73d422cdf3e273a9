package dev.lake.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;
import dev.lake.annotations.MigrationContext;
import dev.lake.core.engine.AppliedState;
import dev.lake.core.engine.Engine;
import dev.lake.core.engine.MigrateOptions;
import dev.lake.core.engine.MigrateResult;
import dev.lake.core.engine.ResolvedTable;
import dev.lake.core.model.TableName;
import dev.lake.testing.EventsMigrations;
import dev.lake.testing.TestIndex;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableMetadataParser;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What only Iceberg tables show, on real catalogs: partition field names and types in Iceberg's
 * metadata, a migration's own code in the step's commit, the row count behind a required column, and
 * no second load of the table per step. The format contract ({@link IcebergContract}) covers the rest.
 */
class IcebergEngineTest {
  private static final TableName EVENTS = TableName.parse("analytics.events");

  @TempDir
  Path dir;

  static Stream<String> catalogs() {
    return Stream.of(Catalogs.EMBEDDED, Catalogs.HADOOP, Catalogs.REST, Catalogs.GLUE);
  }

  private Map<TableName, ResolvedTable> events(List<Class<?>> migrations) {
    return TestIndex.resolve(dir.resolve("classes-" + System.nanoTime()), EVENTS.toString(), migrations);
  }

  private static Engine engine(IcebergTableFormat format, Map<TableName, ResolvedTable> tables) {
    return new Engine(format, tables, IcebergEngineTest.class.getClassLoader(), Clock.systemUTC(), "tester");
  }

  @ParameterizedTest
  @MethodSource("catalogs")
  void icebergMetadataFollowsEveryOperation(String catalog) {
    try (IcebergTableFormat format = Catalogs.open(catalog, dir)) {
      Engine engine = engine(format, events(EventsMigrations.ALL));
      assertThat(engine.migrate(MigrateOptions.defaults().withTarget(0)).messages()).isEmpty();
      TableMetadata created = IcebergContract.metadata(format, EVENTS);
      assertThat(created.spec().fields()).extracting(f -> f.name()).containsExactlyInAnyOrder("ts_day", "id_bucket_8");

      assertThat(engine.migrate(MigrateOptions.defaults().withTarget(1)).messages()).isEmpty();
      TableMetadata evolved = IcebergContract.metadata(format, EVENTS);
      assertThat(evolved.schema().findField("count").type()).isEqualTo(Types.LongType.get());
      assertThat(evolved.schema().findField("attrs.value").type()).isEqualTo(Types.DoubleType.get());
      assertThat(evolved.spec().fields()).as("a default partition name follows its renamed source")
          .extracting(f -> f.name()).containsExactlyInAnyOrder("event_time_day", "name_trunc_4");
      assertThat(evolved.properties()).containsEntry("write.format.default", "orc").doesNotContainKey("owner");
      assertThat(evolved.schema().identifierFieldNames()).containsExactlyInAnyOrder("id", "name");
      assertThat(evolved.sortOrder().fields()).hasSize(1);
    }
  }

  @Test
  void aStepLoadsTheTableFromTheCatalogOnce() {
    Map<TableName, ResolvedTable> tables = events(EventsMigrations.ALL);
    try (IcebergTableFormat plain = Catalogs.open(Catalogs.HADOOP, dir)) {
      CountingCatalog counting = new CountingCatalog(plain.icebergCatalog());
      MigrateResult result = engine(plain.withCatalog(counting), tables).migrate(MigrateOptions.defaults());
      assertThat(result.messages()).isEmpty();
      assertThat(result.applied()).hasSize(4);
      assertThat(counting.loads.get()).as("one load before each of the 4 steps, one that finds nothing left to do")
          .isEqualTo(5);
    }
  }

  @ParameterizedTest
  @MethodSource("catalogs")
  void aMigrationsOwnCodeLandsInItsStepsCommit(String catalog) {
    try (IcebergTableFormat format = Catalogs.open(catalog, dir)) {
      Engine engine = engine(format, events(List.of(EventsMigrations.V0000_Create.class, MarkBackfilled.class)));
      assertThat(engine.migrate(MigrateOptions.defaults()).messages()).isEmpty();
      TableMetadata last = IcebergContract.metadata(format, EVENTS);
      assertThat(last.previousFiles()).as("one commit per step").hasSize(1);
      assertThat(last.properties()).as("the code's work lands in the step's commit")
          .containsEntry("backfill.by", "V0001").containsEntry(AppliedState.STEP, "1");
      TableMetadata before = TableMetadataParser.read(
          format.icebergCatalog().loadTable(IcebergTableFormat.identifier(EVENTS)).io(),
          last.previousFiles().get(0).file());
      assertThat(before.properties()).doesNotContainKey("backfill.by").containsEntry(AppliedState.STEP, "0");
    }
  }

  @Migration(table = "analytics.events", step = 1)
  @AddColumn(name = "backfilled", type = "boolean")
  static final class MarkBackfilled implements LakeMigration {
    @Override
    public void apply(MigrationContext context) {
      context.unwrap(Transaction.class).updateProperties().set("backfill.by", "V0001").commit();
    }
  }

  @ParameterizedTest
  @MethodSource("catalogs")
  void aRequiredColumnCannotBeAddedToATableWithRows(String catalog) {
    try (IcebergTableFormat format = Catalogs.open(catalog, dir)) {
      Engine engine = engine(format, events(List.of(EventsMigrations.V0000_Create.class, AddRequired.class)));
      engine.migrate(MigrateOptions.defaults().withTarget(0));
      Table table = format.icebergCatalog().loadTable(IcebergTableFormat.identifier(EVENTS));
      DataFile file = DataFiles.builder(table.spec()).withPath(table.location() + "/data/f.parquet")
          .withFileSizeInBytes(100).withRecordCount(42).withPartitionPath("id_bucket_8=3/ts_day=2026-01-01").build();
      table.newAppend().appendFile(file).commit();
      TableMetadata before = IcebergContract.metadata(format, EVENTS);

      MigrateResult result = engine.migrate(MigrateOptions.defaults());
      assertThat(result.messages().get(EVENTS)).isEqualTo("Cannot apply step 1 of analytics.events in "
          + format.catalog() + ": it adds the required column region, but the table holds 42 rows that have no value"
          + " for it. Add it as optional, fill it, then make it required in a later step (@RequireColumn)");
      assertThat(IcebergContract.metadata(format, EVENTS).metadataFileLocation()).as("the table is exactly as it was")
          .isEqualTo(before.metadataFileLocation());
    }
  }

  @Migration(table = "analytics.events", step = 1)
  @AddColumn(name = "region", type = "string", required = true)
  static final class AddRequired implements LakeMigration {}
}
