package dev.lake.spark;

import dev.lake.iceberg.IcebergCatalogs;
import dev.lake.iceberg.IcebergTableFormat;
import dev.lake.testing.RestCatalogServer;
import java.nio.file.Path;

/** Data steps on Iceberg's REST catalog server, a process of its own on 127.0.0.1. */
class RestCatalogDataStepTest extends DataStepContract {
  @Override
  IcebergTableFormat open(Path dir) {
    return IcebergCatalogs.open("rest_test", RestCatalogServer.forDirectory(dir.resolve("rest")).clientProperties());
  }

  @Override
  String catalogDescription() {
    return "catalog 'rest_test' (rest)";
  }
}
