package dev.lake.iceberg;

import dev.lake.testing.TestIndex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;
import dev.lake.core.engine.Engine;
import dev.lake.core.engine.MigrateOptions;
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

/**
 * Why Lake guards its commits to a REST catalog: the server refuses a stale properties-only commit only
 * when the commit carries a requirement. The format contract's lost race runs on every catalog.
 */
class LostRaceTest {
  private static final TableName T = TableName.parse("race.lost");

  @TempDir
  Path dir;

  /** The other run: started from V0001's hook, the first time only. */
  static Runnable interloper;

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

  @Migration(table = "race.lost", step = 0)
  @AddColumn(name = "id", type = "long", required = true)
  static final class V0000_Create implements LakeMigration {}
}
