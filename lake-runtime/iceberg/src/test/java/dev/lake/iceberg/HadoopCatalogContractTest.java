package dev.lake.iceberg;

/** The format contract on a Hadoop catalog on a temporary directory. */
class HadoopCatalogContractTest extends IcebergContract {
  @Override
  String kind() {
    return Catalogs.HADOOP;
  }
}
