package dev.lake.testing;

import dev.lake.core.engine.TableFormat;
import dev.lake.core.model.Column;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.TableName;
import dev.lake.core.model.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The contract on the in-memory format, which the engine's own tests use. */
class InMemoryContractTest extends TableFormatContract {
  private static final Map<Path, InMemoryTableFormat.Store> STORES = new ConcurrentHashMap<>();

  private static InMemoryTableFormat.Store store(Path dir) {
    return STORES.computeIfAbsent(dir, d -> new InMemoryTableFormat.Store());
  }

  @Override
  protected TableFormat<?> open(Path dir) {
    return new InMemoryTableFormat("test", store(dir), FormatRules.ICEBERG);
  }

  @Override
  protected Map<String, Integer> fieldIds(Path dir, TableName table) {
    List<InMemoryTableFormat.Version> versions = store(dir).versions(table);
    return versions.get(versions.size() - 1).fieldIds();
  }

  @Override
  protected int versions(Path dir, TableName table) {
    return store(dir).versions(table).size();
  }

  @Override
  protected void addColumnOutsideLake(Path dir, TableName table, String column) {
    List<InMemoryTableFormat.Version> versions = store(dir).versions(table);
    TableModel current = versions.get(versions.size() - 1).model();
    List<Column> columns = new ArrayList<>(current.columns());
    columns.add(Column.optional(column, Type.parse("string")));
    store(dir).write(table, new TableModel(table, columns, current.partitioning(), current.sortOrder(),
        current.identifierColumns(), current.properties()));
  }

  @Override
  protected void createOutsideLake(Path dir, TableModel model) {
    store(dir).write(model.name(), model);
  }
}
