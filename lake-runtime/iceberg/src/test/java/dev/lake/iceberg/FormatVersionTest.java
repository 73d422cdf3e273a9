package dev.lake.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.core.model.FormatRules;
import dev.lake.core.change.Change;
import dev.lake.core.change.Step;
import dev.lake.core.engine.Engine;
import dev.lake.core.engine.MigrateOptions;
import dev.lake.core.engine.MigrateResult;
import dev.lake.core.engine.ResolvedMigration;
import dev.lake.core.engine.ResolvedTable;
import dev.lake.core.model.TableName;
import dev.lake.core.replay.History;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.HasTableOperations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nanosecond timestamps need Iceberg format version 3: explained before anything is committed. */
class FormatVersionTest {
  private static final TableName T = TableName.parse("db.ns");

  @TempDir
  Path dir;

  private static Map<TableName, ResolvedTable> history(List<List<Change>> steps) {
    List<ResolvedMigration> migrations = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      migrations.add(new ResolvedMigration(Step.of(T, i, steps.get(i)), "test.V" + i, "", "", "", false, false));
    }
    return Map.of(T, new ResolvedTable(T, migrations,
        History.of(T, migrations.stream().map(ResolvedMigration::step).toList(), FormatRules.ICEBERG), Optional.empty()));
  }

  @Test
  void nanosecondTimestampsNeedFormatVersion3() {
    Map<TableName, ResolvedTable> tables = history(List.of(
        List.of(Change.AddColumn.of("", "id", "long", true, "", "", false),
            new Change.SetProperty("format-version", "2")),
        List.of(Change.AddColumn.of("", "at", "timestamptz_ns", false, "", "", false))));
    try (IcebergTableFormat format = Catalogs.open(Catalogs.EMBEDDED, dir)) {
      Engine engine = new Engine(format, tables, getClass().getClassLoader(), Clock.systemUTC(), "lake");
      MigrateResult first = engine.migrate(MigrateOptions.defaults());
      assertThat(first.messages().get(T)).isEqualTo("Cannot apply step 1 of db.ns in catalog 'test' (embedded): "
          + "column at (timestamptz_ns) needs Iceberg format version 3 (timestamp_ns and timestamptz_ns do), and the "
          + "table is version 2. Set the table property format-version to 3 first (@SetProperty(key = "
          + "\"format-version\", value = \"3\"))");
      assertThat(format.load(T).orElseThrow().state().step()).isZero();
    }
  }

  @Test
  void formatVersion3TablesTakeThem() {
    Map<TableName, ResolvedTable> tables = history(List.of(
        List.of(Change.AddColumn.of("", "id", "long", true, "", "", false),
            Change.AddColumn.of("", "at", "timestamptz_ns", false, "", "", false),
            new Change.SetProperty("format-version", "3"))));
    try (IcebergTableFormat format = Catalogs.open(Catalogs.EMBEDDED, dir)) {
      Engine engine = new Engine(format, tables, getClass().getClassLoader(), Clock.systemUTC(), "lake");
      assertThat(engine.migrate(MigrateOptions.defaults()).failures()).isEmpty();
      assertThat(((HasTableOperations) format.icebergCatalog().loadTable(IcebergTableFormat.identifier(T)))
          .operations().current().formatVersion()).isEqualTo(3);
      assertThat(engine.validate(dev.lake.core.engine.TableFilter.parse(null))).isEmpty();
    }
  }
}
