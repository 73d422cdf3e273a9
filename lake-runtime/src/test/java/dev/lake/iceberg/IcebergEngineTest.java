package dev.lake.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.core.engine.AppliedState;
import dev.lake.core.engine.Engine;
import dev.lake.core.engine.LakeException;
import dev.lake.core.engine.MigrateOptions;
import dev.lake.core.engine.MigrateResult;
import dev.lake.core.engine.ResolvedTable;
import dev.lake.core.engine.TableFilter;
import dev.lake.core.engine.TableStatus;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.TableName;
import dev.lake.iceberg.events.EventsMigrations;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The engine on real Iceberg catalogs, from annotated migration classes to table metadata. */
class IcebergEngineTest {
  private static final TableName EVENTS = TableName.parse("analytics.events");

  @TempDir
  Path dir;

  static Stream<String> catalogs() {
    return Stream.of(Catalogs.EMBEDDED, Catalogs.HADOOP, Catalogs.REST, Catalogs.GLUE);
  }

  private Map<TableName, ResolvedTable> events(List<Class<?>> migrations) {
    return TestIndex.resolve(dir.resolve("classes-" + migrations.size() + "-" + System.nanoTime()),
        EVENTS.toString(), migrations);
  }

  private static Engine engine(IcebergTableFormat format, Map<TableName, ResolvedTable> tables) {
    return new Engine(format, tables, IcebergEngineTest.class.getClassLoader(), Clock.systemUTC(), "tester");
  }

  private static TableMetadata metadata(IcebergTableFormat format) {
    return ((org.apache.iceberg.HasTableOperations) format.icebergCatalog()
        .loadTable(IcebergTableFormat.identifier(EVENTS))).operations().current();
  }

  private static void assertTableEquals(IcebergTableFormat format, TableModel expected) {
    TableModel live = format.load(EVENTS).orElseThrow().model();
    assertThat(live.columns()).isEqualTo(expected.columns());
    assertThat(live.partitioning()).isEqualTo(expected.partitioning());
    assertThat(live.sortOrder()).isEqualTo(expected.sortOrder());
    assertThat(live.identifierColumns()).isEqualTo(expected.identifierColumns());
    assertThat(live.properties()).containsAllEntriesOf(expected.properties());
    assertThat(Engine.differences(expected, live)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("catalogs")
  void everyOperationEndToEnd(String catalog) {
    Map<TableName, ResolvedTable> tables = events(EventsMigrations.ALL);
    ResolvedTable events = tables.get(EVENTS);
    try (IcebergTableFormat format = Catalogs.open(catalog, dir)) {
      Engine engine = engine(format, tables);

      MigrateResult first = engine.migrate(MigrateOptions.defaults().withTarget(0));
      assertThat(first.failures()).isEmpty();
      assertThat(first.applied()).extracting(MigrateResult.Applied::step).containsExactly(0);
      assertTableEquals(format, events.history().replay(0));
      TableMetadata created = metadata(format);
      int tsId = created.schema().findField("ts").fieldId();
      int osId = created.schema().findField("device.os").fieldId();
      int countId = created.schema().findField("count").fieldId();
      assertThat(created.spec().fields()).extracting(f -> f.name()).containsExactlyInAnyOrder("ts_day", "id_bucket_8");

      MigrateResult second = engine.migrate(MigrateOptions.defaults().withTarget(1));
      assertThat(second.failures()).isEmpty();
      assertTableEquals(format, events.history().replay(1));
      TableMetadata evolved = metadata(format);
      assertThat(evolved.schema().findField("event_time").fieldId()).as("field id kept across a rename")
          .isEqualTo(tsId);
      assertThat(evolved.schema().findField("device.os_name").fieldId()).isEqualTo(osId);
      assertThat(evolved.schema().findField("count").fieldId()).isEqualTo(countId);
      assertThat(evolved.schema().findField("count").type()).isEqualTo(Types.LongType.get());
      assertThat(evolved.spec().fields()).extracting(f -> f.name())
          .containsExactlyInAnyOrder("event_time_day", "name_trunc_4");
      assertThat(evolved.properties()).containsEntry("write.format.default", "orc").doesNotContainKey("owner");
      assertThat(evolved.schema().identifierFieldNames()).containsExactlyInAnyOrder("id", "name");
      assertThat(evolved.previousFiles()).as("one commit per step").hasSize(1);

      MigrateResult rest = engine.migrate(MigrateOptions.defaults());
      assertThat(rest.failures()).isEmpty();
      assertThat(rest.applied()).extracting(MigrateResult.Applied::step).containsExactly(2, 3);
      assertTableEquals(format, events.history().replay(3));
      TableMetadata last = metadata(format);
      assertThat(last.previousFiles()).as("one commit per step").hasSize(3);
      assertThat(last.properties()).as("the apply hook's work lands in the step's commit")
          .containsEntry("backfill.by", "V0003").containsEntry(AppliedState.STEP, "3");
      TableMetadata beforeHook = org.apache.iceberg.TableMetadataParser.read(
          format.icebergCatalog().loadTable(IcebergTableFormat.identifier(EVENTS)).io(),
          last.previousFiles().get(2).file());
      assertThat(beforeHook.properties()).doesNotContainKey("backfill.by").containsEntry(AppliedState.STEP, "2");

      AppliedState state = format.load(EVENTS).orElseThrow().state();
      assertThat(state.step()).isEqualTo(3);
      assertThat(state.checksums()).containsExactlyElementsOf(
          events.migrations().stream().map(m -> m.step().checksum()).toList());
      assertThat(state.appliedBy()).isEqualTo("tester");

      assertThat(engine.migrate(MigrateOptions.defaults()).applied()).as("nothing left to do").isEmpty();
      List<TableStatus> status = engine.status(TableFilter.parse("analytics.*"));
      assertThat(status).singleElement().satisfies(s -> {
        assertThat(s.appliedStep()).isEqualTo(3);
        assertThat(s.pending()).isEmpty();
        assertThat(s.problems()).isEmpty();
      });
      assertThat(engine.validate(TableFilter.parse(null))).isEmpty();
    }
  }

  @Test
  void aStepIsCommittedOnTheVersionTheEngineLoaded() {
    Map<TableName, ResolvedTable> tables = events(EventsMigrations.ALL);
    try (IcebergTableFormat plain = Catalogs.open(Catalogs.HADOOP, dir)) {
      CountingCatalog counting = new CountingCatalog(plain.icebergCatalog());
      IcebergTableFormat format = new IcebergTableFormat(plain.catalog(), counting);
      MigrateResult result = engine(format, tables).migrate(MigrateOptions.defaults());
      assertThat(result.failures()).isEmpty();
      assertThat(result.applied()).hasSize(4);
      assertThat(counting.loads.get()).as("one load before each of the 4 steps, one that finds nothing left to do")
          .isEqualTo(5);
    }
  }

  @ParameterizedTest
  @MethodSource("catalogs")
  void dryRunCommitsNothingAndPrintsThePlan(String catalog) {
    try (IcebergTableFormat format = Catalogs.open(catalog, dir)) {
      MigrateResult plan = engine(format, events(EventsMigrations.ALL)).migrate(
          MigrateOptions.defaults().withDryRun(true).withTarget(1));
      assertThat(plan.applied()).isEmpty();
      assertThat(plan.planned()).extracting(MigrateResult.Planned::step).containsExactly(0, 1);
      assertThat(plan.planned().get(1).changes()).contains("rename column ts to event_time",
          "alter column count type long", "drop partition field bucket[8](id)");
      assertThat(format.load(EVENTS)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("catalogs")
  void handMadeChangesAreLiveDrift(String catalog) {
    Map<TableName, ResolvedTable> tables = events(EventsMigrations.ALL);
    try (IcebergTableFormat format = Catalogs.open(catalog, dir)) {
      Engine engine = engine(format, tables);
      engine.migrate(MigrateOptions.defaults().withTarget(0));
      Table table = format.icebergCatalog().loadTable(IcebergTableFormat.identifier(EVENTS));
      table.updateSchema().addColumn("by_hand", Types.StringType.get()).commit();

      assertThat(engine.status(TableFilter.parse(null)).get(0).liveDrift()).containsExactly("add column by_hand string");
      assertThat(engine.validate(TableFilter.parse(null))).singleElement().asString()
          .contains("analytics.events was changed outside Lake (live drift): add column by_hand string");
      MigrateResult result = engine.migrate(MigrateOptions.defaults());
      assertThat(result.failures().get(EVENTS)).startsWith("Cannot migrate analytics.events in catalog 'test' (")
          .contains("add column by_hand string").contains("mvn lake:generate");
      assertThat(format.load(EVENTS).orElseThrow().state().step()).isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("catalogs")
  void editedAndMissingStepsAreReported(String catalog) {
    try (IcebergTableFormat format = Catalogs.open(catalog, dir)) {
      engine(format, events(EventsMigrations.ALL)).migrate(MigrateOptions.defaults().withTarget(1));

      Map<TableName, ResolvedTable> edited = events(List.of(EventsMigrations.V0000_Create.class,
          EditedEvolve.class));
      String applied = format.load(EVENTS).orElseThrow().state().checksums().get(1);
      String code = edited.get(EVENTS).migrations().get(1).step().checksum();
      assertThat(engine(format, edited).validate(TableFilter.parse(null))).singleElement().asString()
          .isEqualTo("Checksum mismatch for step 1 of analytics.events in catalog 'test' (" + kind(catalog)
              + "): applied " + applied + ", code " + code + " (" + EditedEvolve.class.getName() + " was edited after"
              + " it was applied; restore it as it was, and put new changes in a new step)");

      Map<TableName, ResolvedTable> shorter = events(List.of(EventsMigrations.V0000_Create.class));
      assertThat(engine(format, shorter).validate(TableFilter.parse(null))).singleElement().asString()
          .contains("records step 1 but the code has steps 0 to 0");
      assertThat(engine(format, shorter).migrate(MigrateOptions.defaults()).success()).isFalse();
    }
  }

  private static String kind(String catalog) {
    return catalog.equals(Catalogs.EMBEDDED) ? "embedded" : catalog;
  }

  /** V0001 after an edit: one more property. */
  @dev.lake.annotations.Migration(table = "analytics.events", step = 1)
  @dev.lake.annotations.RenameColumn(from = "ts", to = "event_time")
  static final class EditedEvolve implements dev.lake.annotations.LakeMigration {}

  @ParameterizedTest
  @MethodSource("catalogs")
  void unmarkedDestructiveStepsAreRefused(String catalog) {
    try (IcebergTableFormat format = Catalogs.open(catalog, dir)) {
      Map<TableName, ResolvedTable> tables = events(List.of(EventsMigrations.V0000_Create.class, UnmarkedDrop.class));
      Engine engine = engine(format, tables);
      MigrateResult result = engine.migrate(MigrateOptions.defaults());
      assertThat(result.failures().get(EVENTS)).isEqualTo("Refusing step 1 of analytics.events in catalog 'test' ("
          + kind(catalog) + "): it loses data (drop column tags) but " + UnmarkedDrop.class.getName() + " is not "
          + "marked @Migration(destructive = true). Mark it once you are sure, or run with -Dlake.allowDestructive");
      assertThat(format.load(EVENTS).orElseThrow().model().find("tags")).isPresent();
      assertThat(engine.migrate(MigrateOptions.defaults().withAllowDestructive(true)).success()).isTrue();
      assertThat(format.load(EVENTS).orElseThrow().model().find("tags")).isEmpty();
    }
  }

  @dev.lake.annotations.Migration(table = "analytics.events", step = 1)
  @dev.lake.annotations.DropColumn("tags")
  static final class UnmarkedDrop implements dev.lake.annotations.LakeMigration {}

  @ParameterizedTest
  @MethodSource("catalogs")
  void aRequiredColumnCannotBeAddedToATableWithRows(String catalog) {
    try (IcebergTableFormat format = Catalogs.open(catalog, dir)) {
      Map<TableName, ResolvedTable> tables = events(List.of(EventsMigrations.V0000_Create.class, AddRequired.class));
      Engine engine = engine(format, tables);
      engine.migrate(MigrateOptions.defaults().withTarget(0));
      Table table = format.icebergCatalog().loadTable(IcebergTableFormat.identifier(EVENTS));
      DataFile file = DataFiles.builder(table.spec()).withPath(table.location() + "/data/f.parquet")
          .withFileSizeInBytes(100).withRecordCount(42).withPartitionPath("id_bucket_8=3/ts_day=2026-01-01").build();
      table.newAppend().appendFile(file).commit();
      TableMetadata before = metadata(format);

      MigrateResult result = engine.migrate(MigrateOptions.defaults());
      assertThat(result.failures().get(EVENTS)).isEqualTo("Cannot apply step 1 of analytics.events in catalog 'test' ("
          + kind(catalog) + "): it adds the required column region, but the table holds 42 rows that have no value for"
          + " it. Add it as optional, fill it, then make it required in a later step (@RequireColumn)");
      assertThat(metadata(format).metadataFileLocation()).as("the table is exactly as it was")
          .isEqualTo(before.metadataFileLocation());
    }
  }

  @dev.lake.annotations.Migration(table = "analytics.events", step = 1)
  @dev.lake.annotations.AddColumn(name = "region", type = "string", required = true)
  static final class AddRequired implements dev.lake.annotations.LakeMigration {}

  @ParameterizedTest
  @MethodSource("catalogs")
  void aFailingHookCommitsNothing(String catalog) {
    try (IcebergTableFormat format = Catalogs.open(catalog, dir)) {
      Map<TableName, ResolvedTable> tables = events(List.of(EventsMigrations.V0000_Create.class, FailingHook.class));
      Engine engine = engine(format, tables);
      engine.migrate(MigrateOptions.defaults().withTarget(0));
      TableMetadata before = metadata(format);
      MigrateResult result = engine.migrate(MigrateOptions.defaults());
      assertThat(result.failures().get(EVENTS)).contains(FailingHook.class.getName() + ".apply failed")
          .contains("backfill source unavailable").endsWith("(nothing was committed)");
      assertThat(metadata(format).metadataFileLocation()).isEqualTo(before.metadataFileLocation());
      assertThat(format.load(EVENTS).orElseThrow().model().find("flag")).isEmpty();
    }
  }

  @dev.lake.annotations.Migration(table = "analytics.events", step = 1)
  @dev.lake.annotations.AddColumn(name = "flag", type = "boolean")
  static final class FailingHook implements dev.lake.annotations.LakeMigration {
    @Override
    public void apply(dev.lake.annotations.MigrationContext context) {
      throw new IllegalStateException("backfill source unavailable");
    }
  }

  @ParameterizedTest
  @MethodSource("catalogs")
  void baselineAdoptsAMatchingTableOnly(String catalog) {
    Map<TableName, ResolvedTable> tables = events(EventsMigrations.ALL);
    TableModel stepZero = tables.get(EVENTS).history().replay(0);
    try (IcebergTableFormat format = Catalogs.open(catalog, dir)) {
      var schema = IcebergModels.schema(stepZero);
      var namespaces = (org.apache.iceberg.catalog.SupportsNamespaces) format.icebergCatalog();
      if (!namespaces.namespaceExists(IcebergTableFormat.identifier(EVENTS).namespace())) {
        namespaces.createNamespace(IcebergTableFormat.identifier(EVENTS).namespace());
      }
      format.icebergCatalog().buildTable(IcebergTableFormat.identifier(EVENTS), schema)
          .withPartitionSpec(IcebergModels.spec(schema, stepZero.partitioning()))
          .withSortOrder(IcebergModels.sortOrder(schema, stepZero.sortOrder()))
          .withProperties(stepZero.properties()).create();
      Engine engine = engine(format, tables);
      assertThat(engine.migrate(MigrateOptions.defaults()).failures().get(EVENTS))
          .contains("exists but records no Lake migration state").contains("mvn lake:baseline");

      assertThatThrownBy(() -> engine.baseline(TableFilter.parse(null), 1))
          .isInstanceOf(LakeException.class)
          .hasMessageStartingWith("Cannot baseline analytics.events in catalog 'test' (" + kind(catalog)
              + ") at step 1: the table differs from steps 0 to 1: ")
          .hasMessageContaining("drop column event_time").hasMessageContaining("add column ts timestamptz");
      assertThat(format.load(EVENTS).orElseThrow().state().isNone()).isTrue();

      assertThat(engine.baseline(TableFilter.parse(null), 0)).containsExactly(EVENTS);
      assertThat(format.load(EVENTS).orElseThrow().state().step()).isZero();
      assertThat(engine.migrate(MigrateOptions.defaults()).applied()).extracting(MigrateResult.Applied::step)
          .containsExactly(1, 2, 3);
      assertTableEquals(format, tables.get(EVENTS).history().replay());
    }
  }

  @ParameterizedTest
  @MethodSource("catalogs")
  void tableFilterSelects(String catalog) {
    try (IcebergTableFormat format = Catalogs.open(catalog, dir)) {
      Engine engine = engine(format, events(EventsMigrations.ALL));
      assertThatThrownBy(() -> engine.migrate(MigrateOptions.defaults().withTables("sales.*")))
          .hasMessage("No table matches 'sales.*' (tables: analytics.events)");
      assertThat(engine.migrate(MigrateOptions.defaults().withTables("*.events,sales.*")).applied()).hasSize(4);
    }
  }
}
