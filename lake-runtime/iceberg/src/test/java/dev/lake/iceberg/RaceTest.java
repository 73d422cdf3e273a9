package dev.lake.iceberg;

import dev.lake.core.model.FormatRules;
import dev.lake.testing.Workload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.core.engine.Engine;
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
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.TableMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several JVMs migrate the same tables of the embedded catalog at once: every step lands exactly once and
 * every run succeeds. The format contract races eight engines in one JVM on every catalog.
 */
class RaceTest {
  private static final int TABLES = 20;
  private static final int STEPS = 10;
  private static final int ENGINES = 8;

  @TempDir
  Path dir;

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
      assertThat(Engine.differences(table.history().replay(), format.load(table.name()).orElseThrow().model(), FormatRules.ICEBERG))
          .isEmpty();
    }
  }

  static String output(Process process) throws IOException {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
