package dev.lake.iceberg;

import java.nio.file.Path;
import java.util.Map;

/** The real catalogs the tests run against. */
final class Catalogs {
  private Catalogs() {}

  static final String EMBEDDED = "embedded-jdbc-sqlite";
  static final String HADOOP = "hadoop";
  /** Iceberg's REST catalog server, as its own process on 127.0.0.1 (one per test directory). */
  static final String REST = "rest";

  static IcebergTableFormat open(String kind, Path dir) {
    return switch (kind) {
      case EMBEDDED -> IcebergCatalogs.embedded("test", dir.resolve("embedded"));
      case HADOOP -> IcebergCatalogs.open("test", Map.of("type", "hadoop", "warehouse",
          dir.resolve("hadoop-warehouse").toUri().toString()));
      case REST -> IcebergCatalogs.open("test", RestServer.forDirectory(dir.resolve("rest")).clientProperties());
      default -> throw new IllegalArgumentException(kind);
    };
  }
}
