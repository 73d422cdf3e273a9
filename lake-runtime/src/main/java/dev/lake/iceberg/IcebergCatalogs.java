package dev.lake.iceberg;

import dev.lake.core.engine.LakeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;

/**
 * Builds Iceberg catalogs with Iceberg's own {@link CatalogUtil}, so every catalog type works
 * ({@code hadoop}, {@code jdbc}, {@code rest}, {@code glue}, {@code nessie}, {@code hive}, or a
 * {@code catalog-impl} class), and the embedded default: a JDBC catalog on an SQLite file with a local
 * warehouse, created on first use.
 */
public final class IcebergCatalogs {
  /** The embedded catalog's SQLite file, below its directory. */
  public static final String EMBEDDED_DATABASE = "catalog.db";
  /** The embedded catalog's warehouse, below its directory. */
  public static final String EMBEDDED_WAREHOUSE = "warehouse";

  private IcebergCatalogs() {}

  /** The properties of the embedded catalog in {@code directory}. */
  public static Map<String, String> embeddedProperties(Path directory) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(CatalogUtil.ICEBERG_CATALOG_TYPE, CatalogUtil.ICEBERG_CATALOG_TYPE_JDBC);
    properties.put(CatalogProperties.URI, "jdbc:sqlite:" + directory.toAbsolutePath().resolve(EMBEDDED_DATABASE));
    properties.put(CatalogProperties.WAREHOUSE_LOCATION,
        directory.toAbsolutePath().resolve(EMBEDDED_WAREHOUSE).toUri().toString());
    properties.put("jdbc.schema-version", "V1");
    // Several runs (threads or processes) may write the file at once: wait for its lock.
    properties.put("jdbc.busy_timeout", "30000");
    return properties;
  }

  /** Opens the embedded catalog in {@code directory}, creating it on first use. */
  public static IcebergTableFormat embedded(String name, Path directory) {
    try {
      Files.createDirectories(directory.resolve(EMBEDDED_WAREHOUSE));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the embedded catalog in " + directory, e);
    }
    return open(name, embeddedProperties(directory));
  }

  /**
   * Opens a catalog from Iceberg catalog properties ({@code type} or {@code catalog-impl}, {@code uri},
   * {@code warehouse}, ...).
   *
   * @throws LakeException when the catalog cannot be built or reached; the message names the catalog and
   *     its type, never a property value
   */
  public static IcebergTableFormat open(String name, Map<String, String> properties) {
    String type = properties.getOrDefault(CatalogUtil.ICEBERG_CATALOG_TYPE,
        properties.getOrDefault(CatalogProperties.CATALOG_IMPL, "?"));
    String description = "catalog '" + name + "' (" + type + ")";
    try {
      Catalog catalog = CatalogUtil.buildIcebergCatalog(name, properties, new Configuration());
      return new IcebergTableFormat(description, catalog);
    } catch (RuntimeException e) {
      throw new LakeException("Cannot open " + description + ": " + IcebergTableFormat.reason(e)
          + " (check the catalog's type, uri and warehouse)", e);
    }
  }
}
