package dev.lake.iceberg;

import dev.lake.core.model.FormatRules;
import dev.lake.testing.Workload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.core.engine.Engine;
import dev.lake.core.engine.LiveTable;
import dev.lake.core.engine.ResolvedTable;
import dev.lake.core.engine.TableFilter;
import dev.lake.core.model.TableName;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migrating JVM is killed with SIGKILL at random moments: every table always equals the replay of
 * the steps it records, and a rerun completes.
 */
class CrashTest {
  private static final int TRIALS = 20;
  private static final int TABLES = 8;
  private static final int STEPS = 20;
  /** Trials that share one catalog before the next starts empty, so kills also hit early steps. */
  private static final int TRIALS_PER_CATALOG = 4;

  @TempDir
  Path dir;

  @Test
  void killedRunsLeaveEveryTableAtARecordedStep() throws Exception {
    Path embedded = dir.resolve("embedded");
    Map<TableName, ResolvedTable> workload = Workload.of(TABLES, STEPS);
    Random random = new Random(42);
    int killedMidway = 0;
    int killedWhileMigrating = 0;
    int progress = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      Process process = RaceTest.javaProcess(embedded, TABLES, STEPS, 2).start();
      // Kill (SIGKILL) once the run has applied a random number of steps: mid-migration on any machine.
      int killAfter = 1 + random.nextInt(TABLES * STEPS / TRIALS_PER_CATALOG);
      boolean finished = true;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        int seen = 0;
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.startsWith("applied ") && ++seen == killAfter) {
            process.destroyForcibly();
            finished = false;
            killedMidway++;
            break;
          }
        }
      }
      assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
      int recorded = 0;
      try (IcebergTableFormat format = IcebergCatalogs.embedded("check", embedded)) {
        for (ResolvedTable table : workload.values()) {
          Optional<LiveTable<org.apache.iceberg.Table>> live = format.load(table.name());
          if (live.isPresent()) {
            int step = live.get().state().step();
            recorded += step + 1;
            assertThat(step).as("trial %s: %s records a step", trial, table.name()).isBetween(0, table.lastStep());
            assertThat(Engine.differences(table.history().replay(step), live.get().model(), FormatRules.ICEBERG))
                .as("trial %s: %s equals replay(0..%s)", trial, table.name(), step).isEmpty();
          }
        }
      }
      if (!finished && recorded > progress && recorded < TABLES * STEPS) {
        killedWhileMigrating++;
      }
      progress = recorded;
      if ((trial + 1) % TRIALS_PER_CATALOG == 0) {
        progress = 0;
        embedded = dir.resolve("embedded-" + (trial + 1));
      }
    }
    assertThat(killedMidway).as("most trials must kill a run in progress").isGreaterThan(TRIALS / 2);
    assertThat(killedWhileMigrating).as("kills must land while steps are being applied").isGreaterThanOrEqualTo(8);

    Process rerun = RaceTest.javaProcess(embedded, TABLES, STEPS, 2).start();
    assertThat(rerun.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(rerun.exitValue()).as(RaceTest.output(rerun)).isZero();
    try (IcebergTableFormat format = IcebergCatalogs.embedded("check", embedded)) {
      Engine engine = new Engine(format, workload, getClass().getClassLoader(), Clock.systemUTC(), "check");
      assertThat(engine.validate(TableFilter.parse(null))).isEmpty();
      for (ResolvedTable table : workload.values()) {
        assertThat(format.load(table.name()).orElseThrow().state().step()).isEqualTo(table.lastStep());
      }
    }
  }
}
