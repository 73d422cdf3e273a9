package dev.lake.iceberg;

import dev.lake.core.engine.TableFormat;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.TableName;
import dev.lake.testing.TableFormatContract;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;

/** The format contract on one kind of Iceberg catalog; a subclass a catalog. */
abstract class IcebergContract extends TableFormatContract {

  /** The catalog, as {@link Catalogs} names it. */
  abstract String kind();

  @Override
  protected TableFormat<?> open(Path dir) {
    return Catalogs.open(kind(), dir);
  }

  static TableMetadata metadata(IcebergTableFormat format, TableName table) {
    return ((HasTableOperations) format.icebergCatalog().loadTable(IcebergTableFormat.identifier(table)))
        .operations().current();
  }

  @Override
  protected Map<String, Integer> fieldIds(Path dir, TableName table) {
    try (IcebergTableFormat format = Catalogs.open(kind(), dir)) {
      Schema schema = metadata(format, table).schema();
      Map<String, Integer> ids = new HashMap<>();
      TypeUtil.indexByName(schema.asStruct()).forEach(ids::put);
      return ids;
    }
  }

  @Override
  protected int versions(Path dir, TableName table) {
    try (IcebergTableFormat format = Catalogs.open(kind(), dir)) {
      return metadata(format, table).previousFiles().size() + 1;
    }
  }

  @Override
  protected void addColumnOutsideLake(Path dir, TableName table, String column) {
    try (IcebergTableFormat format = Catalogs.open(kind(), dir)) {
      format.icebergCatalog().loadTable(IcebergTableFormat.identifier(table)).updateSchema()
          .addColumn(column, Types.StringType.get()).commit();
    }
  }

  @Override
  protected void createOutsideLake(Path dir, TableModel model) {
    try (IcebergTableFormat format = Catalogs.open(kind(), dir)) {
      Schema schema = IcebergModels.schema(model);
      var identifier = IcebergTableFormat.identifier(model.name());
      var namespaces = (SupportsNamespaces) format.icebergCatalog();
      if (!namespaces.namespaceExists(identifier.namespace())) {
        namespaces.createNamespace(identifier.namespace());
      }
      format.icebergCatalog().buildTable(identifier, schema)
          .withPartitionSpec(IcebergModels.spec(schema, model.partitioning()))
          .withSortOrder(IcebergModels.sortOrder(schema, model.sortOrder()))
          .withProperties(model.properties()).create();
    }
  }
}
