package dev.lake.delta;

import dev.lake.core.change.Change;
import dev.lake.core.change.ColumnPaths;
import dev.lake.core.engine.AppliedState;
import dev.lake.core.engine.ConcurrentCommitException;
import dev.lake.core.engine.LakeException;
import dev.lake.core.engine.LiveTable;
import dev.lake.core.engine.StepCommit;
import dev.lake.core.engine.TableFormat;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.TableName;
import io.delta.kernel.Operation;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.Transaction;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.ConcurrentWriteException;
import io.delta.kernel.exceptions.MaxCommitRetryLimitReachedException;
import io.delta.kernel.exceptions.TableAlreadyExistsException;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.transaction.DataLayoutSpec;
import io.delta.kernel.transaction.UpdateTableTransactionBuilder;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Delta Lake tables below one root location, through Delta Kernel: table {@code ns.t} lives at
 * {@code <root>/ns/t}. A table is created with column mapping by name, so renames and drops change
 * metadata only and a column keeps its id. Each step is one Delta commit carrying the schema, the
 * properties and Lake's state, built on the snapshot the engine checked and refused by Kernel if any
 * other commit landed since; the step's Kernel transaction id ({@code lake:<table>}, the step)
 * makes a step commit at most once even so.
 */
public final class DeltaTableFormat implements TableFormat<Snapshot> {
  /** The engine name Delta records as each commit's writer. */
  static final String ENGINE_INFO = "Lake";
  static final String COLUMN_MAPPING_MODE = "delta.columnMapping.mode";
  static final String TYPE_WIDENING = "delta.enableTypeWidening";

  private final String description;
  private final String root;
  private final Engine engine;

  DeltaTableFormat(String description, String root, Engine engine) {
    this.description = description;
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    this.engine = engine;
  }

  @Override
  public String catalog() {
    return description;
  }

  @Override
  public FormatRules rules() {
    return FormatRules.DELTA;
  }

  /** Kernel's engine, for tools and tests that read or write the tables' data. */
  public Engine engine() {
    return engine;
  }

  /** Where a table lives: {@code <root>/<namespace levels>/<name>}. */
  public String location(TableName table) {
    return root + "/" + String.join("/", table.namespace()) + "/" + table.name();
  }

  @Override
  public Optional<LiveTable<Snapshot>> load(TableName table) {
    Snapshot snapshot;
    try {
      snapshot = TableManager.loadSnapshot(location(table)).build(engine);
    } catch (TableNotFoundException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      throw new LakeException("Cannot load " + table + " from " + description + ": " + e.getMessage(), e);
    }
    return Optional.of(new LiveTable<>(model(table, snapshot),
        AppliedState.fromProperties(table.toString(), snapshot.getTableProperties()), snapshot));
  }

  static TableModel model(TableName table, Snapshot snapshot) {
    return DeltaSchemas.model(table, snapshot.getSchema(), snapshot.getPartitionColumnNames(),
        snapshot.getTableProperties());
  }

  @Override
  public void commit(StepCommit<Snapshot> commit) {
    try {
      Transaction transaction = commit.creates() ? create(commit) : update(commit, commit.base().orElseThrow());
      commit.runCode(transaction, engine);
      check(commit, transaction);
      transaction.commit(engine, CloseableIterable.emptyIterable());
    } catch (ConcurrentWriteException e) {
      // Another commit landed since the snapshot, or this step's transaction id is taken (ConcurrentTransactionException).
      throw new ConcurrentCommitException("Another writer changed " + commit.table() + " first", e);
    } catch (MaxCommitRetryLimitReachedException e) {
      // Retries are off (withMaxRetries(0)): a commit that found another in its way lands nothing.
      throw new ConcurrentCommitException("Another writer changed " + commit.table() + " first", e);
    } catch (TableAlreadyExistsException e) {
      throw new ConcurrentCommitException("Another run created " + commit.table() + " first", e);
    } catch (LakeException | ConcurrentCommitException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new LakeException("Cannot apply " + commit.where() + ": " + e.getMessage() + " (nothing was committed)", e);
    }
  }

  private Transaction create(StepCommit<Snapshot> commit) {
    TableModel after = commit.after();
    Map<String, String> properties = new HashMap<>(after.properties());
    properties.put(COLUMN_MAPPING_MODE, "name");
    properties.putAll(commit.next().toProperties());
    List<Column> partitionColumns = after.partitioning().stream()
        .map(field -> new Column(field.source())).toList();
    return TableManager.buildCreateTableTransaction(location(commit.table()), DeltaSchemas.schema(after, Map.of()),
            ENGINE_INFO)
        .withTableProperties(properties)
        .withDataLayoutSpec(partitionColumns.isEmpty() ? DataLayoutSpec.noDataLayout()
            : DataLayoutSpec.partitioned(partitionColumns))
        .build(engine);
  }

  @Override
  public Optional<String> whyNoUndo() {
    return Optional.of("a Delta table keeps no earlier schema to set current again, so its columns would lose "
        + "their ids and data. Write a new step that reverses the later ones instead");
  }

  private Transaction update(StepCommit<Snapshot> commit, Snapshot base) {
    if (commit.kind() == StepCommit.Kind.RESTORE) {
      throw new LakeException("Cannot undo " + commit.where() + ": " + whyNoUndo().orElseThrow());
    }
    if (commit.kind() == StepCommit.Kind.PUBLISH) {
      throw new LakeException("Cannot publish " + commit.where() + ": " + whyNoData().orElseThrow());
    }
    commit.checkBase(base.getTableProperties(), model(commit.table(), base), rules());
    UpdateTableTransactionBuilder builder = base.buildUpdateTableTransaction(ENGINE_INFO, Operation.MANUAL_UPDATE)
        // A step lands on exactly the snapshot the engine checked: any other commit since fails it.
        .withMaxRetries(0);
    if (commit.step() > commit.expected().step()) {
      // Kernel refuses a transaction id at or below the last one: a step commits at most once. A commit of
      // state alone for steps already recorded (a repair) relies on the snapshot check only.
      builder = builder.withTransactionId("lake:" + commit.table(), commit.step());
    }
    if (!commit.changes().isEmpty() && !commit.before().columns().equals(commit.after().columns())) {
      StructType schema = DeltaSchemas.schema(commit.after(),
          ColumnPaths.carry(DeltaSchemas.metadataByPath(base.getSchema()), commit.changes()));
      builder = builder.withUpdatedSchema(schema);
    }
    Map<String, String> added = new HashMap<>(commit.next().toProperties());
    commit.after().properties().forEach((key, value) -> {
      if (!value.equals(commit.before().properties().get(key))) {
        added.put(key, value);
      }
    });
    if (commit.changes().stream().anyMatch(change -> change instanceof Change.UpdateColumnType)
        && !"true".equals(base.getTableProperties().get(TYPE_WIDENING))) {
      // Delta's type widening is a table feature: enabled by the first step that widens a column.
      added.put(TYPE_WIDENING, "true");
    }
    builder = builder.withTablePropertiesAdded(added);
    Set<String> removed = new HashSet<>(commit.before().properties().keySet());
    removed.removeAll(commit.after().properties().keySet());
    if (!removed.isEmpty()) {
      builder = builder.withTablePropertiesRemoved(removed);
    }
    return builder.build(engine);
  }

  /** Refuses to commit anything but the model the step must produce. */
  private void check(StepCommit<Snapshot> commit, Transaction transaction) {
    TableModel result = DeltaSchemas.model(commit.table(), transaction.getSchema(engine),
        transaction.getPartitionColumns(engine), commit.after().properties());
    commit.checkResult(result, rules(), "Delta");
  }
}
