package dev.lake.iceberg;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.MetadataUpdate;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.types.Types;

/**
 * Makes a commit to an Iceberg REST catalog a compare-and-swap, as it is on the other catalogs.
 *
 * <p>A REST server checks only the requirements that the client derives from the commit's updates,
 * and Iceberg derives none from property changes: a properties-only step built on a stale table
 * version would be applied on top of whatever the table is by then, re-applying a step or taking the
 * recorded migration state back. So every Lake commit to a REST catalog also raises the table's
 * last-assigned-field-id by one, through a schema that the same commit adds and removes again. Adding
 * it makes the client send {@code assert-last-assigned-field-id}, which every other Lake commit
 * invalidates; removing it leaves the table's schemas as they were. It costs one field id per step.
 */
final class RestCommitGuard {
  /** The column of the schema that is added and removed: it never reaches a current schema. */
  static final String GUARD_COLUMN = "_lake_commit_guard";

  private RestCommitGuard() {}

  /** {@code updated}, plus the guard's add and remove. */
  static TableMetadata guard(TableMetadata updated) {
    Schema current = updated.schema();
    List<Types.NestedField> columns = new ArrayList<>(current.columns());
    String name = GUARD_COLUMN;
    while (current.findField(name) != null) {
      name = "_" + name;
    }
    columns.add(Types.NestedField.optional(updated.lastColumnId() + 1, name, Types.BooleanType.get()));
    TableMetadata withGuard = TableMetadata.buildFrom(updated)
        .addSchema(new Schema(columns, current.identifierFieldIds()))
        .build();
    int guardId = withGuard.schemas().stream().mapToInt(Schema::schemaId).max().orElseThrow();
    TableMetadata.Builder builder = TableMetadata.buildFrom(withGuard);
    new MetadataUpdate.RemoveSchemas(Set.of(guardId)).applyTo(builder);
    return builder.build();
  }
}
