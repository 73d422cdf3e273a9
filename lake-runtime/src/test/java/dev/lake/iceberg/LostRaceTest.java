package dev.lake.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;
import dev.lake.annotations.MigrationContext;
import dev.lake.annotations.SetProperty;
import dev.lake.core.engine.AppliedState;
import dev.lake.core.engine.Engine;
import dev.lake.core.engine.MigrateOptions;
import dev.lake.core.engine.MigrateResult;
import dev.lake.core.engine.ResolvedTable;
import dev.lake.core.model.TableName;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A step whose commit loses a race: another run applies it, and the next step, between the moment the
 * step read the table and its commit. The stale commit must fail and change nothing, on every catalog.
 * Over REST it is the server that refuses it, through the commit's requirements.
 */
class LostRaceTest {
  private static final TableName T = TableName.parse("race.lost");

  @TempDir
  Path dir;

  /** The other run: started from V0001's hook, the first time only. */
  static Runnable interloper;

  @ParameterizedTest
  @ValueSource(strings = {Catalogs.EMBEDDED, Catalogs.HADOOP, Catalogs.REST, Catalogs.GLUE})
  void aStalePropertiesOnlyStepIsRefused(String catalog) {
    Map<TableName, ResolvedTable> tables = TestIndex.resolve(dir.resolve("classes"), T.toString(),
        List.of(V0000_Create.class, V0001_Owner.class, V0002_AddRegion.class));
    try (IcebergTableFormat format = Catalogs.open(catalog, dir);
        IcebergTableFormat other = Catalogs.open(catalog, dir)) {
      Engine first = new Engine(format, tables, getClass().getClassLoader(), Clock.systemUTC(), "first");
      Engine second = new Engine(other, tables, getClass().getClassLoader(), Clock.systemUTC(), "second");
      assertThat(first.migrate(MigrateOptions.defaults().withTarget(0)).success()).isTrue();
      MigrateResult[] secondResult = new MigrateResult[1];
      interloper = () -> {
        interloper = null;
        secondResult[0] = second.migrate(MigrateOptions.defaults());
      };

      MigrateResult firstResult = first.migrate(MigrateOptions.defaults());

      assertThat(secondResult[0].applied()).extracting(MigrateResult.Applied::step).containsExactly(1, 2);
      assertThat(firstResult.failures()).as("the stale commit is a lost race, not a failure").isEmpty();
      assertThat(firstResult.applied()).as("the first run applied nothing: its commit did not land").isEmpty();
      TableMetadata metadata = metadata(format);
      assertThat(metadata.previousFiles()).as("one commit per step").hasSize(2);
      assertThat(metadata.properties()).containsEntry(AppliedState.STEP, "2")
          .containsEntry(AppliedState.APPLIED_BY, "second").containsEntry("owner", "data-eng");
      assertThat(metadata.schema().findField("region")).isNotNull();
      assertThat(Engine.differences(tables.get(T).history().replay(), format.load(T).orElseThrow().model())).isEmpty();
      assertThat(metadata.schemas()).as("the REST guard's schema is gone")
          .allSatisfy(s -> assertThat(s.findField(RestCommitGuard.GUARD_COLUMN)).isNull());
    }
  }

  /**
   * The evidence for the guard: Iceberg's REST client derives no requirement from property changes, so
   * the server applies a stale properties-only commit on top of a newer table. With the guard on both
   * commits (as Lake commits), it refuses the stale one.
   */
  @Test
  void restAcceptsAStalePropertiesOnlyCommitUnlessGuarded() {
    try (IcebergTableFormat format = Catalogs.open(Catalogs.REST, dir)) {
      Engine engine = new Engine(format, TestIndex.resolve(dir.resolve("classes"), T.toString(),
          List.of(V0000_Create.class)), getClass().getClassLoader(), Clock.systemUTC(), "setup");
      assertThat(engine.migrate(MigrateOptions.defaults()).success()).isTrue();
      Table table = format.icebergCatalog().loadTable(IcebergTableFormat.identifier(T));
      TableOperations operations = ((HasTableOperations) table).operations();
      TableMetadata stale = operations.current();
      operations.commit(stale, RestCommitGuard.guard(
          TableMetadata.buildFrom(stale).setProperties(Map.of("k", "newer")).build()));

      TableMetadata staleUpdate = TableMetadata.buildFrom(stale).setProperties(Map.of("k", "stale")).build();
      assertThatThrownBy(() -> operations.commit(stale, RestCommitGuard.guard(staleUpdate)))
          .isInstanceOf(CommitFailedException.class)
          .hasMessageContaining("last assigned field id changed");
      assertThat(operations.refresh().properties()).containsEntry("k", "newer");
      assertThat(operations.current().lastColumnId()).isEqualTo(stale.lastColumnId() + 1);
      assertThat(operations.current().schemas()).hasSameSizeAs(stale.schemas());

      operations.commit(stale, staleUpdate);
      assertThat(operations.refresh().properties()).as("unguarded, the server takes the stale commit")
          .containsEntry("k", "stale");
    }
  }

  private static TableMetadata metadata(IcebergTableFormat format) {
    return ((HasTableOperations) format.icebergCatalog().loadTable(IcebergTableFormat.identifier(T)))
        .operations().current();
  }

  @Migration(table = "race.lost", step = 0)
  @AddColumn(name = "id", type = "long", required = true)
  static final class V0000_Create implements LakeMigration {}

  /** Properties only; its hook lets the other run go first. */
  @Migration(table = "race.lost", step = 1)
  @SetProperty(key = "owner", value = "data-eng")
  static final class V0001_Owner implements LakeMigration {
    @Override
    public void apply(MigrationContext context) {
      Runnable other = interloper;
      if (other != null) {
        other.run();
      }
    }
  }

  @Migration(table = "race.lost", step = 2)
  @AddColumn(name = "region", type = "string")
  static final class V0002_AddRegion implements LakeMigration {}
}
