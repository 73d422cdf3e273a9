package dev.lake.core.engine;

import dev.lake.core.model.TableModel;
import dev.lake.core.model.TableName;
import dev.lake.core.replay.History;
import java.util.List;
import java.util.Optional;

/**
 * A table as the code declares it: its migrations (step {@code i} at index {@code i}), their
 * history, and the declared model when the table has a declaration.
 */
public record ResolvedTable(TableName name, List<ResolvedMigration> migrations, History history,
    Optional<TableModel> declared) {

  public ResolvedTable {
    migrations = List.copyOf(migrations);
  }

  public int lastStep() {
    return migrations.size() - 1;
  }

  /** The table's format, as its declaration names it. */
  public String format() {
    return history.rules().format();
  }
}
