package dev.lake.delta;

import dev.lake.core.change.Change;
import dev.lake.core.engine.TableFormat;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.TableName;
import dev.lake.testing.EveryOperation;
import dev.lake.testing.TableFormatContract;
import io.delta.kernel.Operation;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.transaction.DataLayoutSpec;
import io.delta.kernel.types.StringType;
import io.delta.kernel.utils.CloseableIterable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The format contract on Delta tables in a local directory, through Delta Kernel. Sort orders,
 * identifier columns, partition changes after step 0 and required columns added later are not Delta's:
 * its history and its one-step sample leave them out, and replay refuses them at compile time
 * ({@code FormatRulesTest}, {@code DeltaRulesTest}).
 */
class DeltaContractTest extends TableFormatContract {

  static DeltaTableFormat open(Path dir, String name) {
    return (DeltaTableFormat) new DeltaFormatProvider().open(name, Map.of(DeltaFormatProvider.WAREHOUSE,
        dir.resolve("delta").toString()));
  }

  @Override
  protected TableFormat<?> open(Path dir) {
    return open(dir, "test");
  }

  private static Snapshot snapshot(Path dir, TableName table) {
    DeltaTableFormat format = open(dir, "probe");
    return TableManager.loadSnapshot(format.location(table)).build(format.engine());
  }

  @Override
  protected Map<String, Integer> fieldIds(Path dir, TableName table) {
    return DeltaSchemas.fieldIds(snapshot(dir, table).getSchema());
  }

  @Override
  protected int versions(Path dir, TableName table) {
    return (int) snapshot(dir, table).getVersion() + 1;
  }

  @Override
  protected void addColumnOutsideLake(Path dir, TableName table, String column) {
    DeltaTableFormat format = open(dir, "outsider");
    Snapshot snapshot = snapshot(dir, table);
    snapshot.buildUpdateTableTransaction("outsider", Operation.MANUAL_UPDATE)
        .withUpdatedSchema(snapshot.getSchema().add(column, StringType.STRING, true))
        .build(format.engine())
        .commit(format.engine(), CloseableIterable.emptyIterable());
  }

  @Override
  protected void createOutsideLake(Path dir, TableModel model) {
    DeltaTableFormat format = open(dir, "outsider");
    Map<String, String> properties = new HashMap<>(model.properties());
    properties.put(DeltaTableFormat.COLUMN_MAPPING_MODE, "name");
    List<Column> partitions = model.partitioning().stream().map(f -> new Column(f.source())).toList();
    TableManager.buildCreateTableTransaction(format.location(model.name()), DeltaSchemas.schema(model, Map.of()),
            "outsider")
        .withTableProperties(properties)
        .withDataLayoutSpec(partitions.isEmpty() ? DataLayoutSpec.noDataLayout() : DataLayoutSpec.partitioned(partitions))
        .build(format.engine())
        .commit(format.engine(), CloseableIterable.emptyIterable());
  }

  /** Delta keeps no earlier schema to set current again: undo is refused. */
  @Override
  protected boolean keepsEarlierSchemas() {
    return false;
  }

  @Override
  protected List<Class<?>> everyOperation() {
    return DeltaEvents.ALL;
  }

  @Override
  protected EveryOperation.Sample oneOfEachOperation() {
    TableModel before = TableModel.builder("db.t")
        .required("id", "long").optional("ts", "timestamptz").optional("n", "int").optional("name", "string")
        .optional("s", "struct<a: string not null, b: string>").optional("gone", "string")
        .optional("region", "string").partition("identity(region)").property("owner", "x").build();
    return new EveryOperation.Sample(before, List.of(
        Change.AddColumn.of("", "added", "string", false, "doc", null, false),
        new Change.DropColumn("gone"),
        new Change.RenameColumn("ts", "event_time"),
        Change.UpdateColumnType.of("n", "long"),
        new Change.MakeOptional("s.a"),
        new Change.UpdateColumnDoc("name", "the name"),
        Change.MoveColumn.of("name", true, "", ""),
        new Change.SetProperty("k", "v"),
        new Change.RemoveProperty("owner")));
  }
}
