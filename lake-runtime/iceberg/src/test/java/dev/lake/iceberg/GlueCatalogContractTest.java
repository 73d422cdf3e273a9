package dev.lake.iceberg;

/** The format contract on Iceberg's GlueCatalog against a local stub of the Glue API. */
class GlueCatalogContractTest extends IcebergContract {
  @Override
  String kind() {
    return Catalogs.GLUE;
  }
}
