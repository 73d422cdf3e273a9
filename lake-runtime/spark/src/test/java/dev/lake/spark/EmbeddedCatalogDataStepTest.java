package dev.lake.spark;

import dev.lake.iceberg.IcebergCatalogs;
import dev.lake.iceberg.IcebergTableFormat;
import java.nio.file.Path;

/** Data steps on Lake's embedded catalog (JDBC on SQLite, local files). */
class EmbeddedCatalogDataStepTest extends DataStepContract {
  @Override
  IcebergTableFormat open(Path dir) {
    return IcebergCatalogs.embedded("test", dir.resolve("lake"));
  }

  @Override
  String catalogDescription() {
    return "catalog 'test' (embedded)";
  }
}
