package dev.lake.iceberg;

import dev.lake.core.model.FormatRules;
import dev.lake.testing.RestCatalogServer;
import dev.lake.testing.GlueApiStub;
import dev.lake.testing.Workload;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.lake.core.engine.Engine;
import dev.lake.core.engine.MigrateOptions;
import dev.lake.core.engine.MigrateResult;
import dev.lake.core.engine.ResolvedTable;
import dev.lake.core.model.TableName;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A catalog that goes away or stops answering fails the run in bounded time, and nothing is half done. */
class OutageTest {
  private static final int TABLES = 12;
  private static final int STEPS = 10;

  @TempDir
  Path dir;

  @Test
  void theRestServerStopsInTheMiddleOfARun() {
    Map<TableName, ResolvedTable> workload = Workload.of(TABLES, STEPS);
    RestCatalogServer server = RestCatalogServer.forDirectory(dir.resolve("rest"));
    long[] stoppedAt = new long[1];
    MigrateResult result;
    try (IcebergTableFormat format = Catalogs.open(Catalogs.REST, dir)) {
      Engine engine = new Engine(format, workload, getClass().getClassLoader(), Clock.systemUTC(), "lake");
      AtomicInteger applied = new AtomicInteger();
      result = engine.migrate(MigrateOptions.defaults().withThreads(2), step -> {
        if (applied.incrementAndGet() == TABLES * STEPS / 3) {
          server.stop();
          stoppedAt[0] = System.nanoTime();
        }
      });
    }
    Duration afterStop = Duration.ofNanos(System.nanoTime() - stoppedAt[0]);

    assertThat(stoppedAt[0]).as("the server was stopped during the run").isPositive();
    assertThat(afterStop).as("the run ends soon after the catalog is gone").isLessThan(Duration.ofSeconds(60));
    assertThat(result.success()).isFalse();
    assertThat(result.applied().size()).isLessThan(TABLES * STEPS);
    assertThat(result.messages()).allSatisfy((table, message) ->
        assertThat(message).contains(table.toString()).contains("catalog 'test' (rest)"));

    server.start();
    try (IcebergTableFormat format = Catalogs.open(Catalogs.REST, dir)) {
      for (ResolvedTable table : workload.values()) {
        format.load(table.name()).ifPresent(live -> assertThat(Engine.differences(
            table.history().replay(live.state().step()), live.model(), FormatRules.ICEBERG))
            .as("%s is exactly at its recorded step %s", table.name(), live.state().step()).isEmpty());
      }
      Engine engine = new Engine(format, workload, getClass().getClassLoader(), Clock.systemUTC(), "lake");
      MigrateResult rerun = engine.migrate(MigrateOptions.defaults().withThreads(2));
      assertThat(rerun.failures()).isEmpty();
      // A commit in flight when the server died may have landed unseen ("cannot tell whether"): at most one
      // per failed table; the metadata log below shows each step committed exactly once.
      assertThat(result.applied().size() + rerun.applied().size()).as("steps applied over both runs")
          .isBetween(TABLES * STEPS - result.failures().size(), TABLES * STEPS);
      RaceTest.assertExactlyOnce(format, workload);
    }
  }

  /** A catalog that accepts connections but never answers a table request. */
  @Test
  void aCatalogThatStopsAnsweringTimesOut() throws IOException {
    HttpServer stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    stub.setExecutor(Executors.newCachedThreadPool());
    stub.createContext("/", exchange -> {
      if (exchange.getRequestURI().getPath().endsWith("/v1/config")) {
        byte[] body = "{\"defaults\":{},\"overrides\":{}}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      } else {
        try {
          Thread.sleep(30_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        exchange.sendResponseHeaders(503, -1);
      }
      exchange.close();
    });
    stub.start();
    try {
      Map<String, String> properties = new HashMap<>();
      properties.put("type", "rest");
      properties.put("uri", "http://127.0.0.1:" + stub.getAddress().getPort() + "/");
      properties.put("rest.client.socket-timeout-ms", "1000");
      assertThat(failureWithin(Duration.ofSeconds(20), "slow", properties))
          .startsWith("Cannot load race.t0 from catalog 'slow' (rest): ").containsIgnoringCase("timed out");
    } finally {
      stub.stop(0);
    }
  }

  /** Glue's client (the AWS SDK) times out the same way, with iceberg-aws's HTTP client properties. */
  @Test
  void aSlowGlueCatalogTimesOut() {
    try (GlueApiStub stub = new GlueApiStub()) {
      stub.delay(30_000);
      Map<String, String> properties = new HashMap<>(stub.clientProperties(dir.resolve("glue-warehouse")));
      properties.put("http-client.apache.socket-timeout-ms", "1000");
      assertThat(failureWithin(Duration.ofSeconds(30), "slow-glue", properties))
          .startsWith("Cannot load race.t0 from catalog 'slow-glue' (glue): ").containsIgnoringCase("timed out");
      assertThat(stub.requests()).contains("GetTable");
    }
  }

  /** Migrates a one-table workload on a catalog; returns the table's failure, which must come in time. */
  private String failureWithin(Duration limit, String name, Map<String, String> properties) {
    long start = System.nanoTime();
    MigrateResult result;
    try (IcebergTableFormat format = IcebergCatalogs.open(name, properties)) {
      result = new Engine(format, Workload.of(1, 2), getClass().getClassLoader(), Clock.systemUTC(), "lake")
          .migrate(MigrateOptions.defaults());
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(limit);
    return result.messages().get(Workload.table(0));
  }

  @Test
  void restCatalogsGetBoundedTimeoutsUnlessSet() {
    assertThat(IcebergCatalogs.withDefaults(Map.of("type", "rest", "uri", "http://127.0.0.1:1/")))
        .containsEntry("rest.client.connection-timeout-ms", IcebergCatalogs.REST_CONNECTION_TIMEOUT_DEFAULT)
        .containsEntry("rest.client.socket-timeout-ms", IcebergCatalogs.REST_SOCKET_TIMEOUT_DEFAULT);
    assertThat(IcebergCatalogs.withDefaults(Map.of("type", "rest", "rest.client.socket-timeout-ms", "5")))
        .containsEntry("rest.client.socket-timeout-ms", "5");
    assertThat(IcebergCatalogs.withDefaults(Map.of("type", "hadoop"))).doesNotContainKey("rest.client.socket-timeout-ms");
    assertThat(IcebergCatalogs.withDefaults(Map.of("type", "rest", "uri", "https://catalog.example.com/api/catalog",
        "token", "t"))).as("the token endpoint Iceberg falls back to, said so that it does not warn")
        .containsEntry("oauth2-server-uri", "https://catalog.example.com/api/catalog/v1/oauth/tokens");
    assertThat(IcebergCatalogs.withDefaults(Map.of("type", "rest", "uri", "https://c/", "credential", "a:b",
        "oauth2-server-uri", "https://idp/token"))).containsEntry("oauth2-server-uri", "https://idp/token");
    assertThat(IcebergCatalogs.withDefaults(Map.of("type", "rest", "uri", "https://c/")))
        .doesNotContainKey("oauth2-server-uri");
  }
}
