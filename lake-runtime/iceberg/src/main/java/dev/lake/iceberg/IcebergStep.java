package dev.lake.iceberg;

import dev.lake.core.change.Change;
import dev.lake.core.change.Position;
import dev.lake.core.model.PartitionField;
import dev.lake.core.model.SortField;
import dev.lake.core.model.TableModel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.ReplaceSortOrder;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.UpdatePartitionSpec;
import org.apache.iceberg.UpdateProperties;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.types.Type;

/**
 * Puts a step's changes into an Iceberg transaction, in the step's canonical order: each group of
 * changes (partition drops, column drops, renames, ...) becomes one Iceberg update, committed to the
 * transaction before the next group starts. Nothing reaches the table until the caller commits the
 * transaction's metadata.
 */
final class IcebergStep implements Change.Visitor<Void> {
  private final Transaction transaction;
  private final TableModel before;
  private final TableModel after;
  private Change.Group group;
  private UpdateSchema schema;
  /** Columns the open schema update adds: a column inside one of them needs the next update. */
  private final Set<String> added = new HashSet<>();
  private UpdatePartitionSpec spec;
  private UpdateProperties properties;

  private IcebergStep(Transaction transaction, TableModel before, TableModel after) {
    this.transaction = transaction;
    this.before = before;
    this.after = after;
  }

  /** Applies {@code changes}, which take the table from {@code before} to {@code after}, to the transaction. */
  static void apply(Transaction transaction, List<Change> changes, TableModel before, TableModel after) {
    IcebergStep step = new IcebergStep(transaction, before, after);
    for (Change change : changes) {
      if (change.group() != step.group) {
        step.flush();
        step.group = change.group();
      }
      change.accept(step);
    }
    step.flush();
    step.keepPartitionNamesFollowingTheirSource();
  }

  private void flush() {
    if (schema != null) {
      schema.commit();
      schema = null;
      added.clear();
    }
    if (spec != null) {
      spec.commit();
      spec = null;
    }
    if (properties != null) {
      properties.commit();
      properties = null;
    }
  }

  private UpdateSchema schema() {
    if (schema == null) {
      schema = transaction.updateSchema();
    }
    return schema;
  }

  private UpdatePartitionSpec spec() {
    if (spec == null) {
      spec = transaction.updateSpec();
    }
    return spec;
  }

  private UpdateProperties properties() {
    if (properties == null) {
      properties = transaction.updateProperties();
    }
    return properties;
  }

  @Override
  public Void addColumn(Change.AddColumn add) {
    String parent = add.parent();
    if (added.stream().anyMatch(path -> parent.equals(path) || parent.startsWith(path + "."))) {
      // Its parent is added by the open update: Iceberg adds into it once that update is committed.
      schema.commit();
      schema = null;
      added.clear();
    }
    Type type = IcebergModels.type(add.column().type(), new AtomicInteger());
    String icebergParent = parent.isEmpty() ? null : parent;
    if (add.column().required()) {
      schema().allowIncompatibleChanges().addRequiredColumn(icebergParent, add.column().name(), type,
          add.column().doc());
    } else {
      schema().addColumn(icebergParent, add.column().name(), type, add.column().doc());
    }
    position(add.path(), add.position());
    added.add(add.path());
    return null;
  }

  @Override
  public Void dropColumn(Change.DropColumn drop) {
    schema().deleteColumn(drop.path());
    return null;
  }

  @Override
  public Void renameColumn(Change.RenameColumn rename) {
    schema().renameColumn(rename.path(), rename.newName());
    return null;
  }

  @Override
  public Void updateColumnType(Change.UpdateColumnType update) {
    schema().updateColumn(update.path(), IcebergModels.type(update.type(), new AtomicInteger()).asPrimitiveType());
    return null;
  }

  @Override
  public Void makeOptional(Change.MakeOptional change) {
    schema().makeColumnOptional(change.path());
    return null;
  }

  @Override
  public Void requireColumn(Change.RequireColumn change) {
    schema().allowIncompatibleChanges().requireColumn(change.path());
    return null;
  }

  @Override
  public Void updateColumnDoc(Change.UpdateColumnDoc change) {
    schema().updateColumnDoc(change.path(), change.doc());
    return null;
  }

  @Override
  public Void moveColumn(Change.MoveColumn move) {
    schema();
    position(move.path(), move.position());
    return null;
  }

  @Override
  public Void addPartitionField(Change.AddPartitionField add) {
    spec().addField(add.field().effectiveName(), IcebergModels.term(add.field()));
    return null;
  }

  @Override
  public Void dropPartitionField(Change.DropPartitionField drop) {
    for (PartitionField field : before.partitioning()) {
      if (drop.matches(field)) {
        spec().removeField(icebergName(transaction.table().spec(), transaction.table().schema(), field));
      }
    }
    return null;
  }

  @Override
  public Void setSortOrder(Change.SetSortOrder change) {
    ReplaceSortOrder order = transaction.replaceSortOrder();
    for (SortField field : after.sortOrder()) {
      if (field.direction() == SortField.Direction.ASC) {
        order.asc(field.column(), IcebergModels.nullOrder(field));
      } else {
        order.desc(field.column(), IcebergModels.nullOrder(field));
      }
    }
    order.commit();
    return null;
  }

  @Override
  public Void setIdentifierColumns(Change.SetIdentifierColumns change) {
    schema().setIdentifierFields(after.identifierColumns());
    return null;
  }

  @Override
  public Void setProperty(Change.SetProperty set) {
    properties().set(set.key(), set.value());
    return null;
  }

  @Override
  public Void removeProperty(Change.RemoveProperty remove) {
    properties().remove(remove.key());
    return null;
  }

  private void position(String path, Position position) {
    int dot = path.lastIndexOf('.');
    String parent = dot < 0 ? "" : path.substring(0, dot + 1);
    switch (position.kind()) {
      case FIRST -> schema.moveFirst(path);
      case AFTER -> schema.moveAfter(path, parent + position.sibling());
      case BEFORE -> schema.moveBefore(path, parent + position.sibling());
      case LAST -> {
        // where Iceberg puts it
      }
    }
  }

  /**
   * A rename of a source column leaves Iceberg's partition field name as it was: keep default names
   * following their source, as the model does.
   */
  private void keepPartitionNamesFollowingTheirSource() {
    UpdatePartitionSpec renames = null;
    for (PartitionField field : after.partitioning()) {
      String current = icebergName(transaction.table().spec(), transaction.table().schema(), field);
      if (!current.equals(field.effectiveName())) {
        renames = renames == null ? transaction.updateSpec() : renames;
        renames.renameField(current, field.effectiveName());
      }
    }
    if (renames != null) {
      renames.commit();
    }
  }

  /** The name of the Iceberg partition field that is {@code field} (same source column and transform). */
  private static String icebergName(PartitionSpec spec, Schema schema, PartitionField field) {
    var source = schema.findField(field.source());
    for (var candidate : spec.fields()) {
      if (source != null && candidate.sourceId() == source.fieldId()
          && candidate.transform().toString().equals(field.transform().toString())) {
        return candidate.name();
      }
    }
    return field.effectiveName();
  }
}
