package dev.lake.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.core.engine.Engine;
import dev.lake.core.engine.MigrateOptions;
import dev.lake.core.engine.MigrateResult;
import dev.lake.core.engine.ResolvedTable;
import dev.lake.core.engine.TableFilter;
import dev.lake.core.model.TableName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.TableMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Several runs migrate the same tables at once: every step lands exactly once and every run succeeds. */
class RaceTest {
  private static final int TABLES = 20;
  private static final int STEPS = 10;
  private static final int ENGINES = 8;

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {Catalogs.EMBEDDED, Catalogs.HADOOP, Catalogs.REST, Catalogs.GLUE})
  void eightEnginesInOneJvm(String catalog) throws Exception {
    Map<TableName, ResolvedTable> workload = Workload.of(TABLES, STEPS);
    ExecutorService pool = Executors.newFixedThreadPool(ENGINES);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<MigrateResult>> runs = new ArrayList<>();
    List<IcebergTableFormat> formats = new ArrayList<>();
    for (int i = 0; i < ENGINES; i++) {
      IcebergTableFormat format = Catalogs.open(catalog, dir);
      formats.add(format);
      Engine engine = new Engine(format, workload, getClass().getClassLoader(), Clock.systemUTC(), "engine-" + i);
      runs.add(pool.submit(() -> {
        start.await();
        return engine.migrate(MigrateOptions.defaults().withThreads(4));
      }));
    }
    start.countDown();
    int applied = 0;
    for (Future<MigrateResult> run : runs) {
      MigrateResult result = run.get(5, TimeUnit.MINUTES);
      assertThat(result.failures()).as("every run ends successfully").isEmpty();
      applied += result.applied().size();
    }
    pool.shutdown();
    assertThat(applied).as("each step applied by exactly one run").isEqualTo(TABLES * STEPS);
    try (IcebergTableFormat format = Catalogs.open(catalog, dir)) {
      assertExactlyOnce(format, workload);
    }
    formats.forEach(IcebergTableFormat::close);
  }

  @Test
  void separateJvmProcesses() throws Exception {
    int processes = 4;
    Path embedded = dir.resolve("embedded");
    List<Process> running = new ArrayList<>();
    for (int i = 0; i < processes; i++) {
      running.add(javaProcess(embedded, TABLES, STEPS, 2).start());
    }
    int applied = 0;
    for (Process process : running) {
      assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as(out).isZero();
      applied += Integer.parseInt(out.replaceAll("(?s).*applied=(\\d+).*", "$1"));
    }
    assertThat(applied).as("each step applied by exactly one process").isEqualTo(TABLES * STEPS);
    try (IcebergTableFormat format = IcebergCatalogs.embedded("check", embedded)) {
      assertExactlyOnce(format, Workload.of(TABLES, STEPS));
    }
  }

  static ProcessBuilder javaProcess(Path embedded, int tables, int steps, int threads) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), MigrateMain.class.getName(),
        embedded.toString(), String.valueOf(tables), String.valueOf(steps), String.valueOf(threads))
        .redirectErrorStream(true);
  }

  /** Every table at its last step, with exactly one metadata version per step, and as replayed. */
  static void assertExactlyOnce(IcebergTableFormat format, Map<TableName, ResolvedTable> workload) {
    Engine engine = new Engine(format, workload, RaceTest.class.getClassLoader(), Clock.systemUTC(), "check");
    assertThat(engine.validate(TableFilter.parse(null))).isEmpty();
    for (ResolvedTable table : workload.values()) {
      TableMetadata metadata = ((HasTableOperations) format.icebergCatalog()
          .loadTable(IcebergTableFormat.identifier(table.name()))).operations().current();
      assertThat(format.load(table.name()).orElseThrow().state().step()).isEqualTo(table.lastStep());
      assertThat(metadata.previousFiles()).as("%s: one commit per step", table.name()).hasSize(table.lastStep());
      assertThat(Engine.differences(table.history().replay(), format.load(table.name()).orElseThrow().model()))
          .isEmpty();
    }
  }

  static String output(Process process) throws IOException {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
