package dev.lake.iceberg;

/** The format contract on the embedded default: JDBC on an SQLite file. */
class EmbeddedCatalogContractTest extends IcebergContract {
  @Override
  String kind() {
    return Catalogs.EMBEDDED;
  }
}
