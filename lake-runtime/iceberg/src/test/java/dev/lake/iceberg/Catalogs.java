package dev.lake.iceberg;

import dev.lake.testing.RestCatalogServer;
import dev.lake.testing.GlueApiStub;
import dev.lake.testing.PerDirectory;
import java.nio.file.Path;
import java.util.Map;

/** The real catalogs the tests run against. */
final class Catalogs {
  private Catalogs() {}

  static final String EMBEDDED = "embedded-jdbc-sqlite";
  static final String HADOOP = "hadoop";
  /** Iceberg's REST catalog server, as its own process on 127.0.0.1 (one per test directory). */
  static final String REST = "rest";
  /** Iceberg's GlueCatalog, against a local stub of the Glue API (one per test directory). */
  static final String GLUE = "glue";

  private static final PerDirectory<GlueApiStub> GLUE_STUBS = new PerDirectory<>(dir -> new GlueApiStub(),
      GlueApiStub::close);

  static IcebergTableFormat open(String kind, Path dir) {
    return switch (kind) {
      case EMBEDDED -> IcebergCatalogs.embedded("test", dir.resolve("embedded"));
      case HADOOP -> IcebergCatalogs.open("test", Map.of("type", "hadoop", "warehouse",
          dir.resolve("hadoop-warehouse").toUri().toString()));
      case REST -> IcebergCatalogs.open("test", RestCatalogServer.forDirectory(dir.resolve("rest")).clientProperties());
      case GLUE -> IcebergCatalogs.open("test", glue(dir).clientProperties(dir.resolve("glue-warehouse")));
      default -> throw new IllegalArgumentException(kind);
    };
  }

  /** The Glue stub of a test directory; the previous test's stub is stopped. */
  static GlueApiStub glue(Path dir) {
    return GLUE_STUBS.get(dir);
  }
}
