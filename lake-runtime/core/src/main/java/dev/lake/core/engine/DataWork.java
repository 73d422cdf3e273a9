package dev.lake.core.engine;

import dev.lake.core.change.SqlStatement;
import dev.lake.core.model.TableName;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One attempt at a step's data work, for a {@link DataStepRunner}: run the statements, then the
 * migration's Spark code, writing only to {@code branch} of {@code table}.
 *
 * @param table the table, as the catalog names it
 * @param step the step
 * @param where the table, step and catalog, for messages
 * @param migrationClass the migration class
 * @param sql the {@code @Sql} statements in the order written, {@code {table}} not yet replaced
 * @param sparkCode whether the migration class has Spark code to run after the statements
 * @param branch the staging branch to write to
 * @param catalogName the Iceberg catalog's name (see {@link DataStaging#catalogName()})
 * @param catalog the Iceberg catalog's properties (see {@link DataStaging#catalogProperties()})
 */
public record DataWork(TableName table, int step, String where, String migrationClass, List<SqlStatement> sql,
    boolean sparkCode, String branch, String catalogName, Map<String, String> catalog) {
  public DataWork {
    Objects.requireNonNull(table, "table");
    sql = List.copyOf(sql);
    Objects.requireNonNull(branch, "branch");
    catalog = Map.copyOf(catalog);
  }
}
