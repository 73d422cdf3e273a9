package dev.lake.iceberg;

import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.MigrationContext;
import dev.lake.core.change.Change;
import dev.lake.core.change.Position;
import dev.lake.core.engine.AppliedState;
import dev.lake.core.engine.ConcurrentCommitException;
import dev.lake.core.engine.Engine;
import dev.lake.core.engine.LakeException;
import dev.lake.core.engine.LiveTable;
import dev.lake.core.engine.StepCommit;
import dev.lake.core.engine.TableFormat;
import dev.lake.core.model.PartitionField;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.TableName;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.BaseTransaction;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.UpdatePartitionSpec;
import org.apache.iceberg.UpdateProperties;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.types.Type;

/**
 * Iceberg tables in one catalog. Each step is one atomic commit: built in a transaction (schema,
 * partition spec, sort order, identifier fields, properties, the migration's own code, and the state
 * properties), checked against the model the step must produce, and committed once with a
 * compare-and-swap on the table metadata. Nothing is retried behind the engine's back: when another
 * writer committed first, the commit fails with {@link ConcurrentCommitException} and the engine
 * re-reads the state.
 */
public final class IcebergTableFormat implements TableFormat {
  private final String description;
  private final Catalog catalog;

  IcebergTableFormat(String description, Catalog catalog) {
    this.description = description;
    this.catalog = catalog;
  }

  @Override
  public String catalog() {
    return description;
  }

  /** The underlying Iceberg catalog. */
  public Catalog icebergCatalog() {
    return catalog;
  }

  @Override
  public Optional<LiveTable> load(TableName name) {
    Table table;
    try {
      table = catalog.loadTable(identifier(name));
    } catch (NoSuchTableException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      throw new LakeException("Cannot load " + name + " from " + description + ": " + reason(e), e);
    }
    TableMetadata metadata = operations(table).current();
    return Optional.of(new LiveTable(IcebergModels.model(name, metadata),
        AppliedState.fromProperties(name.toString(), metadata.properties()), table));
  }

  @Override
  public void commit(StepCommit commit) {
    TableName name = commit.migration().step().table();
    String where = "step " + commit.migration().step().number() + " of " + name + " in " + description;
    try {
      if (commit.expected().isNone()) {
        create(name, commit, where);
      } else {
        update(name, commit, where);
      }
    } catch (CommitFailedException | AlreadyExistsException e) {
      throw new ConcurrentCommitException("Another writer changed " + name + " first", e);
    } catch (CommitStateUnknownException e) {
      throw new LakeException("Cannot tell whether " + where + " was committed (" + reason(e) + "); run again: Lake "
          + "reads the state from the table and applies the step only if it did not land", e);
    } catch (LakeException | ConcurrentCommitException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new LakeException("Cannot apply " + where + ": " + reason(e) + " (nothing was committed)", e);
    }
  }

  private void create(TableName name, StepCommit commit, String where) {
    TableModel after = commit.after();
    checkFormatVersion(after, formatVersionOf(after.properties()), where);
    createNamespace(name);
    Schema schema = IcebergModels.schema(after);
    Map<String, String> properties = new HashMap<>(after.properties());
    properties.putAll(commit.next().toProperties());
    Transaction transaction;
    try {
      transaction = catalog.buildTable(identifier(name), schema)
          .withPartitionSpec(IcebergModels.spec(schema, after.partitioning()))
          .withSortOrder(IcebergModels.sortOrder(schema, after.sortOrder()))
          .withProperties(properties)
          .createTransaction();
    } catch (RuntimeException e) {
      // Catalogs report a table created meanwhile in different ways (AlreadyExistsException, a failed
      // precondition): what counts is whether it exists now.
      if (catalog.tableExists(identifier(name))) {
        throw new ConcurrentCommitException("Another run created " + name + " first", e);
      }
      throw e;
    }
    runCode(commit, transaction, where);
    check(name, transaction, commit, where);
    transaction.commitTransaction();
  }

  private void update(TableName name, StepCommit commit, String where) {
    // The version the engine checked; its operations still hold that version's metadata, which the
    // commit below swaps out only if the table has not moved on since.
    Table table = commit.base() instanceof Table checked ? checked : catalog.loadTable(identifier(name));
    TableOperations operations = operations(table);
    Transaction transaction = table.newTransaction();
    TableMetadata base = ((BaseTransaction) transaction).startMetadata();
    if (!AppliedState.fromProperties(name.toString(), base.properties()).equals(commit.expected())) {
      throw new ConcurrentCommitException("The migration state of " + name + " changed", null);
    }
    List<String> drift = Engine.differences(commit.before(), IcebergModels.model(name, base));
    if (!drift.isEmpty()) {
      throw new LakeException("Cannot apply " + where + ": the table was changed outside Lake (" + String.join("; ",
          drift) + ")");
    }
    checkRules(commit, base, where);
    applyChanges(commit, transaction);
    runCode(commit, transaction, where);
    check(name, transaction, commit, where);
    operations.commit(base, guarded(((BaseTransaction) transaction).currentMetadata()));
  }

  /** The metadata to commit: over REST, with the guard that makes the commit a compare-and-swap. */
  private TableMetadata guarded(TableMetadata updated) {
    return catalog instanceof RESTCatalog ? RestCommitGuard.guard(updated) : updated;
  }

  /** Iceberg's rules that the model cannot know, checked before anything is committed. */
  private static void checkRules(StepCommit commit, TableMetadata base, String where) {
    checkFormatVersion(commit.after(), base.formatVersion(), where);
    long rows = rows(base);
    if (rows > 0) {
      for (Change change : commit.migration().step().changes()) {
        if (change instanceof Change.AddColumn add && add.column().required()) {
          throw new LakeException("Cannot apply " + where + ": it adds the required column " + add.path()
              + ", but the table holds " + rows + " rows that have no value for it. Add it as optional, fill it, then"
              + " make it required in a later step (@RequireColumn)");
        }
      }
    }
  }

  private static void checkFormatVersion(TableModel model, int formatVersion, String where) {
    if (formatVersion < 3 && IcebergModels.needsFormatVersion3(model)) {
      throw new LakeException("Cannot apply " + where + ": timestamp_ns and timestamptz_ns need Iceberg format version"
          + " 3, and the table is version " + formatVersion + ". Set the table property format-version to 3 first "
          + "(@SetProperty(key = \"format-version\", value = \"3\"))");
    }
  }

  /**
   * The format version Iceberg gives a new table when none is set. Iceberg keeps the constant
   * package-private, so it is read off a table metadata built without one.
   */
  private static final int DEFAULT_FORMAT_VERSION = TableMetadata.newTableMetadata(new Schema(),
      PartitionSpec.unpartitioned(), "/", Map.of()).formatVersion();

  private static int formatVersionOf(Map<String, String> properties) {
    String value = properties.get(TableProperties.FORMAT_VERSION);
    return value == null ? DEFAULT_FORMAT_VERSION : Integer.parseInt(value.strip());
  }

  private static long rows(TableMetadata metadata) {
    if (metadata.currentSnapshot() == null) {
      return 0;
    }
    String total = metadata.currentSnapshot().summary().get("total-records");
    return total == null ? 1 : Long.parseLong(total);
  }

  /** Puts the step's changes into the transaction, group by group, in the step's canonical order. */
  private static void applyChanges(StepCommit commit, Transaction transaction) {
    List<Change> changes = commit.migration().step().changes();
    TableModel before = commit.before();

    List<PartitionField> droppedPartitions = new ArrayList<>();
    for (Change change : changes) {
      if (change instanceof Change.DropPartitionField drop) {
        before.partitioning().stream().filter(drop::matches).forEach(droppedPartitions::add);
      }
    }
    if (!droppedPartitions.isEmpty()) {
      UpdatePartitionSpec spec = transaction.updateSpec();
      for (PartitionField field : droppedPartitions) {
        spec.removeField(icebergPartitionName(transaction.table().spec(), transaction.table().schema(), field));
      }
      spec.commit();
    }

    schemaUpdate(transaction, changes, Change.Group.DROP_COLUMN, (update, change) ->
        update.deleteColumn(((Change.DropColumn) change).path()));
    schemaUpdate(transaction, changes, Change.Group.RENAME_COLUMN, (update, change) -> {
      Change.RenameColumn rename = (Change.RenameColumn) change;
      update.renameColumn(rename.path(), rename.newName());
    });
    schemaUpdate(transaction, changes, Change.Group.UPDATE_COLUMN, (update, change) -> {
      if (change instanceof Change.UpdateColumnType type) {
        update.updateColumn(type.path(), IcebergModels.type(type.type(), new AtomicInteger()).asPrimitiveType());
      } else if (change instanceof Change.MakeOptional optional) {
        update.makeColumnOptional(optional.path());
      } else if (change instanceof Change.RequireColumn require) {
        update.allowIncompatibleChanges().requireColumn(require.path());
      } else if (change instanceof Change.UpdateColumnDoc doc) {
        update.updateColumnDoc(doc.path(), doc.doc());
      }
    });
    addColumns(transaction, changes);
    schemaUpdate(transaction, changes, Change.Group.MOVE_COLUMN, (update, change) -> {
      Change.MoveColumn move = (Change.MoveColumn) change;
      position(update, move.path(), move.position());
    });

    TableModel after = commit.after();
    UpdatePartitionSpec spec = null;
    for (Change change : changes) {
      if (change instanceof Change.AddPartitionField add) {
        spec = spec == null ? transaction.updateSpec() : spec;
        spec.addField(add.field().effectiveName(), IcebergModels.term(add.field()));
      }
    }
    if (spec != null) {
      spec.commit();
    }
    // A rename of a source column leaves Iceberg's partition field name as it was: keep default names
    // following their source, as the model does.
    UpdatePartitionSpec renames = null;
    for (PartitionField field : after.partitioning()) {
      String current = icebergPartitionName(transaction.table().spec(), transaction.table().schema(), field);
      if (!current.equals(field.effectiveName())) {
        renames = renames == null ? transaction.updateSpec() : renames;
        renames.renameField(current, field.effectiveName());
      }
    }
    if (renames != null) {
      renames.commit();
    }

    if (changes.stream().anyMatch(c -> c instanceof Change.SetSortOrder)) {
      var order = transaction.replaceSortOrder();
      for (var field : after.sortOrder()) {
        if (field.direction() == dev.lake.core.model.SortField.Direction.ASC) {
          order.asc(field.column(), IcebergModels.nullOrder(field));
        } else {
          order.desc(field.column(), IcebergModels.nullOrder(field));
        }
      }
      order.commit();
    }
    if (changes.stream().anyMatch(c -> c instanceof Change.SetIdentifierColumns)) {
      transaction.updateSchema().setIdentifierFields(after.identifierColumns()).commit();
    }

    UpdateProperties properties = transaction.updateProperties();
    for (Change change : changes) {
      if (change instanceof Change.RemoveProperty remove) {
        properties.remove(remove.key());
      } else if (change instanceof Change.SetProperty set) {
        properties.set(set.key(), set.value());
      }
    }
    commit.next().toProperties().forEach(properties::set);
    properties.commit();
  }

  /**
   * Adds columns in waves: a column added inside a struct that the same step adds goes into a later
   * schema update, after its parent exists.
   */
  private static void addColumns(Transaction transaction, List<Change> changes) {
    List<Change.AddColumn> pending = new ArrayList<>();
    for (Change change : changes) {
      if (change instanceof Change.AddColumn add) {
        pending.add(add);
      }
    }
    while (!pending.isEmpty()) {
      List<Change.AddColumn> wave = new ArrayList<>();
      for (Change.AddColumn add : pending) {
        boolean parentPending = pending.stream().anyMatch(other -> other != add
            && (add.parent().equals(other.path()) || add.parent().startsWith(other.path() + ".")));
        if (!parentPending) {
          wave.add(add);
        }
      }
      UpdateSchema update = transaction.updateSchema();
      for (Change.AddColumn add : wave) {
        Type type = IcebergModels.type(add.column().type(), new AtomicInteger());
        String parent = add.parent().isEmpty() ? null : add.parent();
        if (add.column().required()) {
          update.allowIncompatibleChanges().addRequiredColumn(parent, add.column().name(), type, add.column().doc());
        } else {
          update.addColumn(parent, add.column().name(), type, add.column().doc());
        }
        position(update, add.path(), add.position());
      }
      update.commit();
      pending.removeAll(wave);
    }
  }

  private static void position(UpdateSchema update, String path, Position position) {
    int dot = path.lastIndexOf('.');
    String parent = dot < 0 ? "" : path.substring(0, dot + 1);
    switch (position.kind()) {
      case FIRST -> update.moveFirst(path);
      case AFTER -> update.moveAfter(path, parent + position.sibling());
      case BEFORE -> update.moveBefore(path, parent + position.sibling());
      default -> {
      }
    }
  }

  private interface SchemaChange {
    void apply(UpdateSchema update, Change change);
  }

  private static void schemaUpdate(Transaction transaction, List<Change> changes, Change.Group group,
      SchemaChange apply) {
    UpdateSchema update = null;
    for (Change change : changes) {
      if (change.group() == group) {
        update = update == null ? transaction.updateSchema() : update;
        apply.apply(update, change);
      }
    }
    if (update != null) {
      update.commit();
    }
  }

  /** The name of the Iceberg partition field that is {@code field} (same source column and transform). */
  private static String icebergPartitionName(PartitionSpec spec, Schema schema, PartitionField field) {
    var source = schema.findField(field.source());
    for (var candidate : spec.fields()) {
      if (source != null && candidate.sourceId() == source.fieldId()
          && candidate.transform().toString().equals(field.transform().toString())) {
        return candidate.name();
      }
    }
    return field.effectiveName();
  }

  private static void runCode(StepCommit commit, Transaction transaction, String where) {
    LakeMigration code = commit.code();
    if (code == null) {
      return;
    }
    MigrationContext context = new MigrationContext() {
      @Override
      public String table() {
        return commit.migration().step().table().toString();
      }

      @Override
      public int step() {
        return commit.migration().step().number();
      }

      @Override
      public <T> T unwrap(Class<T> type) {
        if (type.isInstance(transaction)) {
          return type.cast(transaction);
        } else if (type.isAssignableFrom(Table.class)) {
          return type.cast(transaction.table());
        }
        throw new IllegalArgumentException("Lake's Iceberg executor offers " + Transaction.class.getName() + " and "
            + Table.class.getName() + ", not " + type.getName());
      }
    };
    try {
      code.apply(context);
    } catch (Exception e) {
      throw new LakeException("Cannot apply " + where + ": " + commit.migration().className() + ".apply failed: " + e
          + " (nothing was committed)", e);
    }
  }

  /** Refuses to commit anything but the model the step must produce. */
  private static void check(TableName name, Transaction transaction, StepCommit commit, String where) {
    TableModel result = IcebergModels.model(name, ((BaseTransaction) transaction).currentMetadata());
    List<String> differences = Engine.differences(commit.after(), result);
    if (!differences.isEmpty()) {
      throw new IllegalStateException("Refusing to commit " + where + ": the Iceberg table would differ from the step's "
          + "model by: " + String.join("; ", differences));
    }
  }

  @Override
  public void recordState(TableName name, AppliedState expected, AppliedState next) {
    try {
      Table table = catalog.loadTable(identifier(name));
      Transaction transaction = table.newTransaction();
      TableMetadata base = ((BaseTransaction) transaction).startMetadata();
      if (!AppliedState.fromProperties(name.toString(), base.properties()).equals(expected)) {
        throw new ConcurrentCommitException("The migration state of " + name + " changed", null);
      }
      UpdateProperties properties = transaction.updateProperties();
      next.toProperties().forEach(properties::set);
      properties.commit();
      operations(table).commit(base, guarded(((BaseTransaction) transaction).currentMetadata()));
    } catch (CommitFailedException e) {
      throw new ConcurrentCommitException("Another writer changed " + name + " first", e);
    }
  }

  private void createNamespace(TableName name) {
    if (catalog instanceof SupportsNamespaces namespaces) {
      Namespace namespace = Namespace.of(name.namespace().toArray(String[]::new));
      if (!namespaces.namespaceExists(namespace)) {
        try {
          namespaces.createNamespace(namespace);
        } catch (RuntimeException e) {
          // A concurrent run may have created it (JDBC catalogs report a failed insert, not AlreadyExists).
          if (!namespaces.namespaceExists(namespace)) {
            throw e;
          }
        }
      }
    }
  }

  static TableIdentifier identifier(TableName name) {
    return TableIdentifier.of(Namespace.of(name.namespace().toArray(String[]::new)), name.name());
  }

  private static TableOperations operations(Table table) {
    if (table instanceof HasTableOperations tableWithOperations) {
      return tableWithOperations.operations();
    }
    throw new LakeException("Cannot migrate " + table.name() + ": its catalog gives no table operations");
  }

  /** A short reason for a failure: the exception's message, or its type when it has none. */
  static String reason(Throwable e) {
    String reason = message(e);
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    // Clients wrap the cause that tells what happened ("Read timed out", "Connection refused").
    return root == e || reason.contains(message(root)) ? reason : reason + " (" + message(root) + ")";
  }

  private static String message(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName()
        : e instanceof IOException ? e.getClass().getSimpleName() + ": " + message : message;
  }

  @Override
  public void close() {
    if (catalog instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new LakeException("Cannot close " + description + ": " + reason(e), e);
      }
    }
  }
}
