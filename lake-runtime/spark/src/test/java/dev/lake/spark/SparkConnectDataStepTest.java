package dev.lake.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.core.change.Change;
import dev.lake.core.engine.DataStepRunner;
import dev.lake.core.engine.DataStepRunnerProvider;
import dev.lake.core.engine.Engine;
import dev.lake.core.engine.JvmClassPath;
import dev.lake.core.engine.MigrateOptions;
import dev.lake.core.engine.MigrateResult;
import dev.lake.iceberg.IcebergCatalogs;
import dev.lake.iceberg.IcebergTableFormat;
import dev.lake.testing.RestCatalogServer;
import java.io.File;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same backfill on a cluster: a Spark Connect server, a process of its own on 127.0.0.1 with
 * Iceberg's Spark runtime and the REST catalog server's catalog; Lake's own commits go to the REST
 * catalog directly.
 */
class SparkConnectDataStepTest {
  private static final String SERVER_CATALOG = "warehouse";

  @TempDir
  static Path dir;

  static IcebergTableFormat format;
  static Process server;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> rest = RestCatalogServer.forDirectory(dir.resolve("rest")).clientProperties();
    format = IcebergCatalogs.open("lake_rest", rest);
    port = RestCatalogServer.freePort();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
    command.addAll(List.of("-Dspark.master=local[1]", "-Dspark.ui.enabled=false",
        "-Dspark.connect.grpc.binding.address=127.0.0.1", "-Dspark.connect.grpc.binding.port=" + port,
        "-Dspark.sql.extensions=org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions"));
    SparkDataRunner.catalogConf(SERVER_CATALOG, rest).forEach((key, value) -> command.add("-D" + key + "=" + value));
    // The server's class path: Spark, its Connect server and Iceberg's runtime, not the client.
    command.addAll(List.of("-cp", String.join(File.pathSeparator, JvmClassPath.of(
        SparkConnectDataStepTest.class.getClassLoader()).stream().filter(e -> !e.contains(ForkedSparkRunner.CONNECT_CLIENT))
        .toList()), "org.apache.spark.sql.connect.service.SparkConnectServer"));
    server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile())
        .start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (true) {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        break;
      } catch (java.io.IOException e) {
        if (!server.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("The Spark Connect server did not start:\n"
              + Files.readString(dir.resolve("server.log")));
        }
        Thread.sleep(250);
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (format != null) {
      format.close();
    }
    if (server != null) {
      server.destroy();
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  @Test
  void aBackfillRunsOnTheClusterAndIsPublishedWithItsStep() throws Exception {
    var history = DataSteps.table("shop.remote")
        .step(Change.AddColumn.of("", "id", "long", true, "", "", false),
            Change.AddColumn.of("", "v", "int", false, "", "", false))
        .step(List.of(), List.of("INSERT INTO {table} VALUES (1, 10), (2, 20)"))
        .step(List.of(Change.AddColumn.of("", "vx2", "int", false, "", "", false)),
            List.of("UPDATE {table} SET vx2 = v * 2"));
    MigrateResult result;
    try (DataStepRunner runner = DataStepRunnerProvider.open(Map.of("lake.spark.remote", "sc://127.0.0.1:" + port,
        "lake.spark.catalog", SERVER_CATALOG, "lake.spark.log", dir.resolve("client.log").toString()),
        getClass().getClassLoader(), "test")) {
      result = new Engine(format, history.build(), getClass().getClassLoader(), Clock.systemUTC(), "tester")
          .withDataRunner(runner).migrate(MigrateOptions.defaults());
    }

    assertThat(result.messages()).as("client log:\n%s", Files.readString(dir.resolve("client.log"))).isEmpty();
    assertThat(result.applied()).extracting(MigrateResult.Applied::step).containsExactly(0, 1, 2);
    Table table = format.icebergCatalog().loadTable(TableIdentifier.of("shop", "remote"));
    List<String> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      records.forEach(r -> rows.add(r.getField("id") + ":" + r.getField("vx2")));
    }
    rows.sort(Comparator.naturalOrder());
    assertThat(rows).containsExactly("1:20", "2:40");
    assertThat(table.refs().keySet()).containsExactly("main");
    assertThat(table.properties()).containsEntry("lake.migration.step", "2");
  }

  @Test
  void remoteNeedsTheServersCatalogAndNoLocalMaster() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DataStepRunnerProvider.open(Map.of("lake.spark.remote",
        "sc://127.0.0.1:1"), getClass().getClassLoader(), "test"))
        .hasMessage("lake.spark.remote needs lake.spark.catalog: the name of the server's Iceberg catalog that holds "
            + "the tables (spark.sql.catalog.NAME on the server)");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DataStepRunnerProvider.open(Map.of("lake.spark.remote",
        "http://x", "lake.spark.catalog", "c"), getClass().getClassLoader(), "test"))
        .hasMessage("Invalid lake.spark.remote=http://x: a Spark Connect URL, sc://host:port");
  }
}
