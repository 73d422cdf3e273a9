package dev.lake.iceberg;

import dev.lake.core.diff.Diff;
import dev.lake.core.engine.StepCommit;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.types.TypeUtil;

/**
 * Sets a schema, partition spec and sort order the table had before current again, by id, so that
 * its columns keep their field ids: {@code lake:undo}, and migrating an undone step again. Iceberg
 * keeps every schema, spec and sort order in the table metadata; the data files written under a later
 * schema keep their columns, which come back with their ids.
 */
final class IcebergRestore {
  private IcebergRestore() {}

  /**
   * The base metadata with the commit's model current again through ids the table already has, or
   * empty when it has none that give that model.
   *
   * @param extending whether the ids must include the current schema's (applying an undone step again)
   *     or be among them (undoing): so a column dropped once never comes back with its old data
   */
  static Optional<TableMetadata> restore(StepCommit<Table> commit, TableMetadata base, FormatRules rules,
      boolean extending) {
    TableModel after = commit.after();
    Set<Integer> current = TypeUtil.indexById(base.schema().asStruct()).keySet();
    List<Schema> schemas = new ArrayList<>(base.schemas());
    schemas.sort(Comparator.comparingInt(Schema::schemaId).reversed());
    List<PartitionSpec> specs = new ArrayList<>(base.specs());
    specs.sort(Comparator.comparingInt(PartitionSpec::specId).reversed());
    List<SortOrder> orders = new ArrayList<>(base.sortOrders());
    orders.sort(Comparator.comparingInt(SortOrder::orderId).reversed());
    Map<String, String> set = new LinkedHashMap<>();
    after.properties().forEach((key, value) -> {
      if (!key.equals(TableProperties.FORMAT_VERSION) && !value.equals(base.properties().get(key))) {
        set.put(key, value);
      }
    });
    set.putAll(commit.next().toProperties());
    Set<String> removed = new HashSet<>(commit.before().properties().keySet());
    removed.removeAll(after.properties().keySet());
    removed.remove(TableProperties.FORMAT_VERSION);
    for (Schema schema : schemas) {
      Set<Integer> ids = TypeUtil.indexById(schema.asStruct()).keySet();
      if (extending ? !ids.containsAll(current) : !current.containsAll(ids)) {
        continue;
      }
      TableModel columns = model(commit, base, schema.schemaId(), base.spec().specId(), base.sortOrder().orderId());
      if (columns == null || !columns.columns().equals(after.columns())
          || !Set.copyOf(columns.identifierColumns()).equals(Set.copyOf(after.identifierColumns()))) {
        continue;
      }
      for (PartitionSpec spec : specs) {
        for (SortOrder order : orders) {
          TableModel candidate = model(commit, base, schema.schemaId(), spec.specId(), order.orderId());
          if (candidate != null && Diff.managed(after, candidate.withProperties(after.properties()), rules).isEmpty()) {
            TableMetadata.Builder builder = TableMetadata.buildFrom(base).setCurrentSchema(schema.schemaId())
                .setDefaultPartitionSpec(spec.specId()).setDefaultSortOrder(order.orderId()).setProperties(set);
            if (!removed.isEmpty()) {
              builder.removeProperties(removed);
            }
            return Optional.of(builder.build());
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The model of the base with another schema, spec and order current; null when they do not fit together. */
  private static TableModel model(StepCommit<Table> commit, TableMetadata base, int schema, int spec, int order) {
    try {
      TableMetadata candidate = TableMetadata.buildFrom(base).setCurrentSchema(schema).setDefaultPartitionSpec(spec)
          .setDefaultSortOrder(order).build();
      return IcebergModels.model(commit.table(), candidate);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
