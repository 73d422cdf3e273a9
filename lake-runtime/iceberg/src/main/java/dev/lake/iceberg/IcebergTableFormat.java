package dev.lake.iceberg;

import dev.lake.core.change.Change;
import dev.lake.core.engine.AppliedState;
import dev.lake.core.engine.ConcurrentCommitException;
import dev.lake.core.engine.DataMovedException;
import dev.lake.core.engine.DataStaging;
import dev.lake.core.engine.LakeException;
import dev.lake.core.engine.LiveTable;
import dev.lake.core.engine.StepCommit;
import dev.lake.core.engine.TableFormat;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.TableName;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.apache.iceberg.BaseTransaction;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.rest.RESTCatalog;

/**
 * Iceberg tables in one catalog. Each commit is built in a transaction (the step's changes through
 * {@link IcebergStep}, the migration's own code, and the state properties), checked against the model
 * the step must produce, and committed once as a compare-and-swap on the table metadata the engine
 * loaded. Nothing is retried behind the engine's back: when another writer committed first, the commit
 * fails with {@link ConcurrentCommitException} and the engine reads the state again.
 */
public final class IcebergTableFormat implements TableFormat<Table> {
  private final String description;
  private final Catalog catalog;
  /** The properties the catalog was opened with, for data steps; empty for catalogs Spark cannot reach. */
  private final Map<String, String> properties;

  IcebergTableFormat(String description, Catalog catalog) {
    this(description, catalog, Map.of());
  }

  /** A format whose catalog Spark reaches with {@code properties} under the Iceberg catalog's own name. */
  IcebergTableFormat(String description, Catalog catalog, Map<String, String> properties) {
    this.description = description;
    this.catalog = catalog;
    this.properties = Map.copyOf(properties);
  }

  /**
   * What {@link #load} read off each version it loaded: the model and state the engine checked, which
   * the commit starting from that very version checks again without converting its metadata a second
   * time. By identity, and weak: a version is forgotten once nothing holds it.
   */
  private final Map<TableMetadata, Read> loaded = Collections.synchronizedMap(new WeakHashMap<>());

  /** A version's model and state, as {@link #load} read them. */
  private record Read(TableModel model, AppliedState state) {}

  @Override
  public String catalog() {
    return description;
  }

  @Override
  public FormatRules rules() {
    return FormatRules.ICEBERG;
  }

  /** The underlying Iceberg catalog. */
  public Catalog icebergCatalog() {
    return catalog;
  }

  /** The same format over another Iceberg catalog (such as one that wraps this one), for tests. */
  public IcebergTableFormat withCatalog(Catalog other) {
    return new IcebergTableFormat(description, other, properties);
  }

  @Override
  public Optional<LiveTable<Table>> load(TableName name) {
    Table table;
    try {
      table = catalog.loadTable(identifier(name));
    } catch (NoSuchTableException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      throw new LakeException("Cannot load " + name + " from " + description + ": " + reason(e), e);
    }
    TableMetadata metadata = operations(table).current();
    TableModel model = IcebergModels.model(name, metadata);
    AppliedState state = AppliedState.fromProperties(name.toString(), metadata.properties());
    loaded.put(metadata, new Read(model, state));
    return Optional.of(new LiveTable<>(model, state, table, IcebergDataStaging.branches(metadata)));
  }

  @Override
  public Optional<DataStaging<Table>> dataStaging() {
    return properties.isEmpty() ? Optional.empty() : Optional.of(new IcebergDataStaging(this, catalog.name(), properties));
  }

  @Override
  public Optional<String> whyNoData() {
    return properties.isEmpty() ? Optional.of(description + " lives in this JVM alone, where Spark cannot reach it")
        : Optional.empty();
  }

  @Override
  public void commit(StepCommit<Table> commit) {
    TableName name = commit.table();
    try {
      if (commit.creates()) {
        create(commit);
      } else {
        update(commit, commit.base().orElseThrow());
      }
    } catch (CommitFailedException | AlreadyExistsException e) {
      throw new ConcurrentCommitException("Another writer changed " + name + " first", e);
    } catch (CommitStateUnknownException e) {
      throw new LakeException("Cannot tell whether " + commit.where() + " was committed (" + reason(e) + "); run "
          + "again: Lake reads the state from the table and applies the step only if it did not land", e);
    } catch (LakeException | ConcurrentCommitException | DataMovedException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new LakeException("Cannot apply " + commit.where() + ": " + reason(e) + " (nothing was committed)", e);
    }
  }

  private void create(StepCommit<Table> commit) {
    TableName name = commit.table();
    TableModel after = commit.after();
    checkFormatVersion(after, formatVersionOf(after.properties()), commit.where());
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
    runCode(commit, transaction);
    check(commit, transaction);
    // A create transaction cannot land twice: the catalog refuses a table that exists.
    transaction.commitTransaction();
  }

  private void update(StepCommit<Table> commit, Table table) {
    // The version the engine checked: its operations still hold that version's metadata, which the
    // commit swaps out only if the table has not moved on since.
    TableOperations operations = operations(table);
    Transaction transaction = table.newTransaction();
    TableMetadata base = ((BaseTransaction) transaction).startMetadata();
    Read read = loaded.get(base);
    if (read != null) {
      commit.checkBase(read.state(), read.model(), rules());
    } else {
      commit.checkBase(base.properties(), IcebergModels.model(commit.table(), base), rules());
    }
    if (commit.kind() == StepCommit.Kind.PUBLISH) {
      TableMetadata published = IcebergDataStaging.publish(commit, base);
      operations.commit(base, catalog instanceof RESTCatalog ? RestCommitGuard.guard(published) : published);
      return;
    }
    if (commit.kind() == StepCommit.Kind.RESTORE || commit.kind() == StepCommit.Kind.REAPPLY) {
      boolean undo = commit.kind() == StepCommit.Kind.RESTORE;
      Optional<TableMetadata> restored = IcebergRestore.restore(commit, base, rules(), !undo);
      if (restored.isPresent()) {
        commit.checkResult(IcebergModels.model(commit.table(), restored.get()), rules(), "Iceberg");
        operations.commit(base, catalog instanceof RESTCatalog ? RestCommitGuard.guard(restored.get())
            : restored.get());
        return;
      }
      if (undo) {
        throw new LakeException("Cannot undo " + commit.where() + ": the table's metadata no longer holds a schema, "
            + "partition spec and sort order that give the state of step " + commit.step() + " (were they removed?). "
            + "Write a new step that reverses the later ones instead");
      }
    }
    checkRules(commit, base);
    IcebergStep.apply(transaction, commit.changes(), commit.before(), commit.after());
    var state = transaction.updateProperties();
    commit.next().toProperties().forEach(state::set);
    state.commit();
    if (commit.branch().isPresent() && base.currentSnapshot() != null) {
      // The staging branch of the step's data work, at main's snapshot, in the same commit.
      transaction.manageSnapshots().createBranch(commit.branch().get(), base.currentSnapshot().snapshotId()).commit();
    }
    runCode(commit, transaction);
    check(commit, transaction);
    TableMetadata updated = ((BaseTransaction) transaction).currentMetadata();
    operations.commit(base, catalog instanceof RESTCatalog ? RestCommitGuard.guard(updated) : updated);
  }

  /** Iceberg's rules that the model cannot know, checked before anything is committed. */
  private static void checkRules(StepCommit<Table> commit, TableMetadata base) {
    checkFormatVersion(commit.after(), base.formatVersion(), commit.where());
    long rows = rows(base);
    if (rows > 0) {
      for (Change change : commit.changes()) {
        if (change instanceof Change.AddColumn add && add.column().required()) {
          throw new LakeException("Cannot apply " + commit.where() + ": it adds the required column " + add.path()
              + ", but the table holds " + rows + " rows that have no value for it. Add it as optional, fill it, then"
              + " make it required in a later step (@RequireColumn)");
        }
      }
    }
  }

  private static void checkFormatVersion(TableModel model, int formatVersion, String where) {
    var column = formatVersion < 3 ? IcebergModels.needsFormatVersion3(model) : java.util.Optional.<String>empty();
    if (column.isPresent()) {
      throw new LakeException("Cannot apply " + where + ": column " + column.get() + " needs Iceberg format version "
          + "3 (timestamp_ns and timestamptz_ns do), and the table is version " + formatVersion + ". Set the table "
          + "property format-version to 3 first (@SetProperty(key = \"format-version\", value = \"3\"))");
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

  /** The migration's own code, with Iceberg's transaction and its table to work on. */
  private static void runCode(StepCommit<Table> commit, Transaction transaction) {
    commit.runCode(transaction, transaction.table());
  }

  /** Refuses to commit anything but the model the step must produce. */
  private void check(StepCommit<Table> commit, Transaction transaction) {
    commit.checkResult(IcebergModels.model(commit.table(), ((BaseTransaction) transaction).currentMetadata()),
        rules(), "Iceberg");
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
