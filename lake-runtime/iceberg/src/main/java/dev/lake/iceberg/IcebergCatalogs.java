package dev.lake.iceberg;

import dev.lake.core.engine.LakeException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
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
    // Local files through java.nio: the embedded catalog needs none of Hadoop's start-up.
    properties.put(CatalogProperties.FILE_IO_IMPL, LocalFileIO.class.getName());
    // Several runs (threads or processes) may write the file at once: wait for its lock.
    properties.put("jdbc.busy_timeout", "30000");
    return properties;
  }

  /**
   * The Iceberg name of the embedded catalog. A JDBC catalog keys its rows by catalog name, so the
   * name is fixed: whatever a project calls the catalog, the same directory shows the same tables.
   */
  public static final String EMBEDDED_CATALOG_NAME = "lake";

  /** Serializes the embedded catalog's set-up within this JVM; the lock file does so across processes. */
  private static final Object EMBEDDED_SETUP = new Object();

  /**
   * Opens the embedded catalog in {@code directory}, creating it on first use. Opening sets up the
   * catalog's tables in the SQLite file; runs that start together (threads or processes) take turns.
   */
  public static IcebergTableFormat embedded(String name, Path directory) {
    String description = "catalog '" + name + "' (embedded)";
    synchronized (EMBEDDED_SETUP) {
      try {
        Files.createDirectories(directory.resolve(EMBEDDED_WAREHOUSE));
        try (FileChannel lockFile = FileChannel.open(directory.resolve("catalog.lock"), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
          return open(EMBEDDED_CATALOG_NAME, description, embeddedProperties(directory));
        }
      } catch (IOException e) {
        throw new LakeException("Cannot open the embedded " + description + " in " + directory + ": " + reasonOf(e)
            + " (it must be a directory Lake can write; -Dlake.embeddedDirectory moves it)", e);
      } catch (LakeException e) {
        Path database = directory.resolve(EMBEDDED_DATABASE);
        throw new LakeException("Cannot open the embedded " + description + ": its database " + database
            + " is not usable (" + reasonOf(e.getCause() == null ? e : e.getCause()) + "). If it is not Lake's SQLite "
            + "file, move it away and Lake starts a new embedded catalog", e);
      }
    }
  }

  private static String reasonOf(Throwable e) {
    return e instanceof java.nio.file.AccessDeniedException ? "permission denied: " + e.getMessage()
        : e instanceof java.nio.file.FileSystemException fs ? fs.getReason() == null ? fs.getClass().getSimpleName()
        + ": " + fs.getMessage() : fs.getFile() + ": " + fs.getReason()
        : IcebergTableFormat.reason(e);
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
    return open(name, "catalog '" + name + "' (" + type + ")", withDefaults(properties));
  }

  /** How long a REST catalog client waits to connect, unless {@code rest.client.connection-timeout-ms} is set. */
  public static final String REST_CONNECTION_TIMEOUT_DEFAULT = "10000";
  /** How long a REST catalog client waits for a response, unless {@code rest.client.socket-timeout-ms} is set. */
  public static final String REST_SOCKET_TIMEOUT_DEFAULT = "60000";

  /**
   * {@code properties} with Lake's defaults where they are not set: a REST catalog that stops answering
   * fails the run after a bounded wait (Iceberg's client would otherwise wait on a read forever), and a
   * REST catalog with a token or credential names its OAuth2 token endpoint.
   */
  static Map<String, String> withDefaults(Map<String, String> properties) {
    boolean rest = CatalogUtil.ICEBERG_CATALOG_TYPE_REST.equals(properties.get(CatalogUtil.ICEBERG_CATALOG_TYPE))
        || "org.apache.iceberg.rest.RESTCatalog".equals(properties.get(CatalogProperties.CATALOG_IMPL));
    if (!rest) {
      return properties;
    }
    Map<String, String> result = new LinkedHashMap<>(properties);
    result.putIfAbsent("rest.client.connection-timeout-ms", REST_CONNECTION_TIMEOUT_DEFAULT);
    result.putIfAbsent("rest.client.socket-timeout-ms", REST_SOCKET_TIMEOUT_DEFAULT);
    String uri = properties.get(CatalogProperties.URI);
    if (uri != null && (properties.containsKey("token") || properties.containsKey("credential"))) {
      // The token endpoint Iceberg falls back to, said explicitly: Iceberg warns on every run that the
      // fallback is going away, and a user who sets oauth2-server-uri keeps theirs.
      result.putIfAbsent("oauth2-server-uri", (uri.endsWith("/") ? uri : uri + "/") + "v1/oauth/tokens");
    }
    return result;
  }

  /**
   * Loggers of the HTTP client under Iceberg's REST catalog that print what goes over the wire, at
   * DEBUG: headers ({@code Authorization: Bearer ...}, {@code header.*} properties) and bodies (the
   * OAuth2 {@code client_secret}).
   */
  static final List<String> WIRE_LOGGERS = List.of("org.apache.hc.client5.http.wire",
      "org.apache.hc.client5.http.headers");

  /**
   * Keeps the wire loggers at INFO for SLF4J's simple logger, which Maven's own logging is: with
   * {@code mvn -X} they would print catalog credentials. A level the user set wins. Other logging
   * back-ends are configured by their own files.
   */
  static void quietWireLoggers() {
    for (String logger : WIRE_LOGGERS) {
      String key = "org.slf4j.simpleLogger.log." + logger;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "info");
      }
    }
  }

  private static IcebergTableFormat open(String name, String description, Map<String, String> properties) {
    quietWireLoggers();
    try {
      // Hadoop's configuration only for catalogs that may use Hadoop's file I/O (loading it is costly).
      Object hadoop = LocalFileIO.class.getName().equals(properties.get(CatalogProperties.FILE_IO_IMPL)) ? null
          : new Configuration();
      Catalog catalog = CatalogUtil.buildIcebergCatalog(name, properties, hadoop);
      return new IcebergTableFormat(description, catalog, properties);
    } catch (RuntimeException e) {
      throw new LakeException("Cannot open " + description + ": " + IcebergTableFormat.reason(e)
          + " (check the catalog's type, uri and warehouse)", e);
    }
  }
}
