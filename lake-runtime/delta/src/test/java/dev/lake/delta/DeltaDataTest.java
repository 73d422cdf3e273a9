package dev.lake.delta;

import static io.delta.kernel.internal.util.Utils.singletonCloseableIterator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;
import dev.lake.annotations.RenameColumn;
import dev.lake.annotations.UpdateColumnType;
import dev.lake.core.engine.Engine;
import dev.lake.core.engine.MigrateOptions;
import dev.lake.core.model.TableName;
import dev.lake.testing.TestIndex;
import io.delta.kernel.Operation;
import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.Transaction;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.ColumnMapping;
import io.delta.kernel.internal.util.VectorUtils;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows written with Delta Kernel before a rename, a widening and a nested add read back after them. */
class DeltaDataTest {
  private static final TableName T = TableName.parse("shop.orders");

  @TempDir
  Path dir;

  @Test
  void rowsWrittenBeforeTheMigrationReadBackUnderTheNewNames() throws IOException {
    var tables = TestIndex.resolve(dir.resolve("classes"), T.toString(), "delta",
        List.of(V0000_Create.class, V0001_Evolve.class));
    try (DeltaTableFormat format = DeltaContractTest.open(dir, "test")) {
      Engine engine = new Engine(format, tables, getClass().getClassLoader(), Clock.systemUTC(), "tester");
      assertThat(engine.migrate(MigrateOptions.defaults().withTarget(0)).messages()).isEmpty();
      append(format, List.of(
          "{\"id\": 1, \"name\": \"first\", \"qty\": 3, \"buyer\": {\"city\": \"Lyon\"}}",
          "{\"id\": 2, \"name\": \"second\", \"qty\": 2147483647, \"buyer\": null}"));

      assertThat(engine.migrate(MigrateOptions.defaults()).messages()).isEmpty();

      Snapshot snapshot = TableManager.loadSnapshot(format.location(T)).build(format.engine());
      assertThat(snapshot.getSchema().fieldNames()).containsExactlyElementsOf(
          tables.get(T).history().replay().columns().stream().map(c -> c.name()).toList())
          .containsExactlyInAnyOrder("id", "label", "qty", "buyer", "note");
      assertThat(snapshot.getTableProperties()).containsEntry(DeltaTableFormat.TYPE_WIDENING, "true")
          .containsEntry("lake.migration.step", "1");
      List<Map<String, Object>> rows = read(format, snapshot);
      assertThat(rows).containsExactlyInAnyOrder(
          row("id", 1L, "label", "first", "qty", 3L, "buyer", row("city", "Lyon", "zip", null), "note", null),
          row("id", 2L, "label", "second", "qty", 2147483647L, "buyer", null, "note", null));
      assertThat(rows.get(0).get("qty")).as("read as the widened type").isInstanceOf(Long.class);
    }
  }

  @Migration(table = "shop.orders", step = 0)
  @AddColumn(name = "id", type = "long", required = true)
  @AddColumn(name = "name", type = "string")
  @AddColumn(name = "qty", type = "int")
  @AddColumn(name = "buyer", type = "struct<city: string>")
  static final class V0000_Create implements LakeMigration {}

  @Migration(table = "shop.orders", step = 1)
  @RenameColumn(from = "name", to = "label")
  @UpdateColumnType(path = "qty", type = "long")
  @AddColumn(parent = "buyer", name = "zip", type = "string")
  @AddColumn(name = "note", type = "string")
  static final class V0001_Evolve implements LakeMigration {}

  private static Map<String, Object> row(Object... entries) {
    Map<String, Object> row = new TreeMap<>();
    for (int i = 0; i < entries.length; i += 2) {
      row.put((String) entries[i], entries[i + 1]);
    }
    return row;
  }

  /**
   * Appends rows given as JSON through Kernel: its Parquet writer, its append actions, its commit.
   * Kernel 4.4 does not yet turn logical data into physical data for a table with column mapping
   * ({@code transformLogicalData} refuses it), so the rows are parsed straight into the physical
   * schema, whose columns carry their physical names and ids.
   */
  private static void append(DeltaTableFormat format, List<String> json) throws IOException {
    var engine = format.engine();
    Snapshot snapshot = TableManager.loadSnapshot(format.location(T)).build(engine);
    Transaction transaction = snapshot.buildUpdateTableTransaction("writer", Operation.WRITE).build(engine);
    Row state = transaction.getTransactionState(engine);
    StructType physicalSchema = ColumnMapping.convertToPhysicalSchema(snapshot.getSchema(), snapshot.getSchema(),
        ColumnMapping.ColumnMappingMode.NAME);
    List<String> physicalJson = json.stream().map(row -> physicalNames(row, snapshot.getSchema())).toList();
    ColumnarBatch batch = engine.getJsonHandler().parseJson(
        VectorUtils.buildColumnVector(physicalJson, StringType.STRING), physicalSchema, Optional.empty());
    var context = Transaction.getWriteContext(engine, state, Map.of());
    CloseableIterator<DataFileStatus> files = engine.getParquetHandler().writeParquetFiles(
        context.getTargetDirectory(), singletonCloseableIterator(new FilteredColumnarBatch(batch, Optional.empty())),
        List.of());
    CloseableIterator<Row> actions = Transaction.generateAppendActions(engine, state, files, context);
    transaction.commit(engine, CloseableIterable.inMemoryIterable(actions));
  }

  /** A JSON row with each field renamed to its column's physical name, nested structs included. */
  private static String physicalNames(String json, StructType schema) {
    String result = json;
    for (var entry : DeltaSchemas.metadataByPath(schema).entrySet()) {
      String logical = entry.getKey().substring(entry.getKey().lastIndexOf('.') + 1);
      result = result.replace("\"" + logical + "\":", "\"" + ColumnMapping.getPhysicalName(
          new io.delta.kernel.types.StructField(logical, StringType.STRING, true, entry.getValue())) + "\":");
    }
    return result;
  }

  /** Every row of the table, read through Kernel, as maps by column name. */
  private static List<Map<String, Object>> read(DeltaTableFormat format, Snapshot snapshot) throws IOException {
    var engine = format.engine();
    Scan scan = snapshot.getScanBuilder().build();
    Row scanState = scan.getScanState(engine);
    StructType physicalSchema = ScanStateRow.getPhysicalDataReadSchema(scanState);
    List<Map<String, Object>> rows = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> scanFiles = scan.getScanFiles(engine)) {
      while (scanFiles.hasNext()) {
        try (CloseableIterator<Row> files = scanFiles.next().getRows()) {
          while (files.hasNext()) {
            Row file = files.next();
            CloseableIterator<ColumnarBatch> data = engine.getParquetHandler().readParquetFiles(
                singletonCloseableIterator(InternalScanFileUtils.getAddFileStatus(file)), physicalSchema,
                Optional.empty()).map(result -> result.getData());
            try (CloseableIterator<FilteredColumnarBatch> logical = Scan.transformPhysicalData(engine, scanState, file,
                data)) {
              while (logical.hasNext()) {
                try (CloseableIterator<Row> batchRows = logical.next().getRows()) {
                  while (batchRows.hasNext()) {
                    rows.add(values(batchRows.next(), snapshot.getSchema()));
                  }
                }
              }
            }
          }
        }
      }
    }
    return rows;
  }

  /**
   * A row's values by the logical names of {@code schema}, field by field: Kernel 4.4 gives nested
   * struct fields of a table with column mapping their physical names.
   */
  private static Map<String, Object> values(Row row, StructType schema) {
    Map<String, Object> values = new TreeMap<>();
    assertThat(row.getSchema().length()).isEqualTo(schema.length());
    for (int i = 0; i < schema.length(); i++) {
      var field = schema.at(i);
      Object value;
      if (row.isNullAt(i)) {
        value = null;
      } else if (field.getDataType() instanceof StructType) {
        value = values(row.getStruct(i), (StructType) field.getDataType());
      } else if (field.getDataType() instanceof StringType) {
        value = row.getString(i);
      } else if (field.getDataType() instanceof io.delta.kernel.types.LongType) {
        value = row.getLong(i);
      } else {
        throw new IllegalArgumentException("Unexpected column " + field);
      }
      values.put(field.getName(), value);
    }
    return values;
  }
}
