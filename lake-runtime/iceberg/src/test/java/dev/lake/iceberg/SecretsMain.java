package dev.lake.iceberg;

import dev.lake.testing.RestCatalogServer;
import dev.lake.testing.Workload;
import dev.lake.core.engine.Engine;
import dev.lake.core.engine.MigrateOptions;
import dev.lake.core.engine.MigrateResult;
import dev.lake.core.engine.TableFilter;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A run with catalog secrets, as its own JVM with every logger on: migrates the {@link Workload} through
 * a REST catalog, prints status and validation, then fails to open a catalog that is down, and prints
 * every result, message and stack trace. {@link SecretsTest} greps what it printed.
 */
public final class SecretsMain {
  private SecretsMain() {}

  /** The secrets, by property: each value is unique so that a grep finds any copy of it. */
  static Map<String, String> secrets() {
    Map<String, String> secrets = new HashMap<>();
    secrets.put("token", "Tok3n-Value-5a1f");
    secrets.put("s3.secret-access-key", "S3-Secret-Value-77c2");
    secrets.put("client.secret", "Client-Secret-Value-19be");
    secrets.put("header.X-Api-Token", "Header-Token-Value-e04d");
    secrets.put("rest.client.proxy.password", "Proxy-Password-Value-3f88");
    return secrets;
  }

  public static void main(String[] args) {
    Map<String, String> properties = new HashMap<>(secrets());
    properties.put("type", "rest");
    properties.put("uri", args[0]);
    properties.put("s3.access-key-id", "AKIA-not-secret");
    try (IcebergTableFormat format = IcebergCatalogs.open("prod", properties)) {
      Engine engine = new Engine(format, Workload.of(3, 4), SecretsMain.class.getClassLoader(), Clock.systemUTC(),
          "ci");
      MigrateResult result = engine.migrate(MigrateOptions.defaults(), applied -> System.out.println(applied));
      System.out.println(result);
      engine.status(TableFilter.parse(null)).forEach(System.out::println);
      System.out.println(engine.validate(TableFilter.parse(null)));
    }

    Map<String, String> oauth = new HashMap<>(properties);
    oauth.remove("token");
    oauth.put("credential", "lake-client:Credential-Value-c3d7");
    run(oauth);
    Map<String, String> down = new HashMap<>(oauth);
    down.put("uri", "http://127.0.0.1:" + RestCatalogServer.freePort() + "/");
    run(down);
  }

  private static void run(Map<String, String> properties) {
    try (IcebergTableFormat format = IcebergCatalogs.open("other", properties)) {
      Engine engine = new Engine(format, Workload.of(1, 2), SecretsMain.class.getClassLoader(), Clock.systemUTC(),
          "ci");
      System.out.println(engine.migrate(MigrateOptions.defaults()));
      engine.status(TableFilter.parse(null)).forEach(System.out::println);
    } catch (RuntimeException e) {
      e.printStackTrace(System.out);
    }
  }
}
