package dev.lake.iceberg;

import java.nio.file.Path;
import java.util.Map;

/** The real catalogs the tests run against. */
final class Catalogs {
  private Catalogs() {}

  static final String EMBEDDED = "embedded-jdbc-sqlite";
  static final String HADOOP = "hadoop";

  static IcebergTableFormat open(String kind, Path dir) {
    return switch (kind) {
      case EMBEDDED -> IcebergCatalogs.embedded("test", dir.resolve("embedded"));
      case HADOOP -> IcebergCatalogs.open("test", Map.of("type", "hadoop", "warehouse",
          dir.resolve("hadoop-warehouse").toUri().toString()));
      default -> throw new IllegalArgumentException(kind);
    };
  }
}
