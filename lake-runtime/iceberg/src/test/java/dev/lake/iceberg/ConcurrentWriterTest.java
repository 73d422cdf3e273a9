package dev.lake.iceberg;

import dev.lake.core.model.FormatRules;
import dev.lake.testing.Workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.core.change.Change;
import dev.lake.core.change.Step;
import dev.lake.core.engine.Engine;
import dev.lake.core.engine.LakeException;
import dev.lake.core.engine.MigrateOptions;
import dev.lake.core.engine.MigrateResult;
import dev.lake.core.engine.ResolvedMigration;
import dev.lake.core.engine.ResolvedTable;
import dev.lake.core.model.TableName;
import dev.lake.core.replay.History;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConcurrentWriterTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {Catalogs.EMBEDDED, Catalogs.HADOOP, Catalogs.REST, Catalogs.GLUE})
  void dataAppendsByAnotherWriterDoNotFailTheMigration(String catalog) throws Exception {
    Map<TableName, ResolvedTable> workload = Workload.of(1, 30);
    TableName name = Workload.table(0);
    try (IcebergTableFormat format = Catalogs.open(catalog, dir)) {
      Engine engine = new Engine(format, workload, getClass().getClassLoader(), Clock.systemUTC(), "lake");
      assertThat(engine.migrate(MigrateOptions.defaults().withTarget(0)).success()).isTrue();

      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService writer = Executors.newSingleThreadExecutor();
      Future<Integer> appends = writer.submit(() -> {
        try (IcebergTableFormat other = Catalogs.open(catalog, dir)) {
          int committed = 0;
          while (!stop.get()) {
            Table table = other.icebergCatalog().loadTable(IcebergTableFormat.identifier(name));
            try {
              table.newAppend().appendFile(DataFiles.builder(table.spec())
                  .withPath(table.location() + "/data/f" + committed + ".parquet").withFileSizeInBytes(10)
                  .withRecordCount(1).withPartitionPath("id_bucket_4=" + committed % 4).build()).commit();
              committed++;
            } catch (CommitFailedException e) {
              // the migration won this one; the writer tries again
            }
          }
          return committed;
        }
      });
      MigrateResult result = engine.migrate(MigrateOptions.defaults());
      stop.set(true);
      int committed = appends.get(1, TimeUnit.MINUTES);
      writer.shutdown();

      assertThat(result.failures()).isEmpty();
      assertThat(result.applied()).hasSize(29);
      assertThat(committed).as("the writer really wrote meanwhile").isPositive();
      Table table = format.icebergCatalog().loadTable(IcebergTableFormat.identifier(name));
      assertThat(table.currentSnapshot().summary().get("total-records")).isEqualTo(String.valueOf(committed));
      assertThat(Engine.differences(workload.get(name).history().replay(), format.load(name).orElseThrow().model(), FormatRules.ICEBERG))
          .isEmpty();
    }
  }

  @Test
  void promotingAPartitionSourceIsAllowedByIceberg() {
    TableName name = TableName.parse("db.promote");
    List<ResolvedMigration> migrations = List.of(
        migration(Step.of(name, 0, List.of(Change.AddColumn.of("", "n", "int", false, "", "", false),
            Change.AddColumn.of("", "d", "decimal(9, 2)", false, "", "", false),
            Change.AddPartitionField.of("n", "bucket[4]", ""), Change.AddPartitionField.of("d", "truncate[10]", "")))),
        migration(Step.of(name, 1, List.of(Change.UpdateColumnType.of("n", "long"),
            Change.UpdateColumnType.of("d", "decimal(18, 2)")))));
    ResolvedTable table = new ResolvedTable(name, migrations,
        History.of(name, migrations.stream().map(ResolvedMigration::step).toList(), FormatRules.ICEBERG), Optional.empty());
    try (IcebergTableFormat format = Catalogs.open(Catalogs.EMBEDDED, dir)) {
      Engine engine = new Engine(format, Map.of(name, table), getClass().getClassLoader(), Clock.systemUTC(), "lake");
      assertThat(engine.migrate(MigrateOptions.defaults()).failures()).isEmpty();
      Table live = format.icebergCatalog().loadTable(IcebergTableFormat.identifier(name));
      assertThat(live.schema().findType("n")).isEqualTo(Types.LongType.get());
      assertThat(live.spec().fields()).hasSize(2);
    }
  }

  private static ResolvedMigration migration(Step step) {
    return new ResolvedMigration(step, "test.V" + step.number(), "", "", "", false, false);
  }

  @Test
  void anUnreachableCatalogIsAClearErrorWithoutSecrets() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String uri = "http://127.0.0.1:" + port + "/";
    assertThatThrownBy(() -> IcebergCatalogs.open("prod", Map.of("type", "rest", "uri", uri,
        "credential", "client:TOPSECRET-42", "rest.client.max-retries", "0")))
        .isInstanceOf(LakeException.class)
        .hasMessageStartingWith("Cannot open catalog 'prod' (rest): ")
        .hasMessageEndingWith("(check the catalog's type, uri and warehouse)")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOPSECRET"));
  }
}
