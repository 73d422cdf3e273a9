package dev.lake.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.core.change.Change;
import dev.lake.core.engine.DataStepRunner;
import dev.lake.core.engine.DataStepRunnerProvider;
import dev.lake.core.engine.Engine;
import dev.lake.core.engine.JvmClassPath;
import dev.lake.core.engine.MigrateOptions;
import dev.lake.core.engine.MigrateResult;
import dev.lake.core.engine.TableFilter;
import dev.lake.core.engine.TableStatus;
import dev.lake.core.model.TableName;
import dev.lake.iceberg.IcebergCatalogs;
import dev.lake.iceberg.IcebergTableFormat;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.spark.launcher.JavaModuleOptions;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data work in other JVMs: a run killed during its data work, and the forked Spark worker. */
class ForkedRunTest {
  @TempDir
  static Path dir;

  static SparkSession spark;
  static IcebergTableFormat format;

  @BeforeAll
  static void start() {
    format = IcebergCatalogs.embedded("test", dir.resolve("lake"));
    spark = EmbeddedSpark.builder("local[2]", SparkDataRunner.catalogConf(IcebergCatalogs.EMBEDDED_CATALOG_NAME,
        format.dataStaging().orElseThrow().catalogProperties())).getOrCreate();
  }

  @AfterAll
  static void stop() {
    if (format != null) {
      format.close();
    }
    if (spark != null) {
      spark.stop();
    }
  }

  /** Step 1 backfills with {@link BlockingBackfill}, which is not idempotent. */
  static DataSteps history() {
    return DataSteps.table("ops.counts")
        .step(Change.AddColumn.of("", "id", "long", true, "", "", false),
            Change.AddColumn.of("", "n", "int", false, "", "", false))
        .sparkStep(BlockingBackfill.class, new Change.SetProperty("backfilled", "true"));
  }

  /** Step 1 adds a column and increments every row's {@code n}, which is not idempotent. */
  static DataSteps racingHistory() {
    return DataSteps.table("ops.race")
        .step(Change.AddColumn.of("", "id", "long", true, "", "", false),
            Change.AddColumn.of("", "n", "int", false, "", "", false))
        .step(List.of(Change.AddColumn.of("", "seen", "boolean", false, "", "", false)),
            List.of("UPDATE {table} SET n = n + 1, seen = true"));
  }

  @Test
  void fourRacingProcessesPublishTheDataOnce() throws Exception {
    var created = DataSteps.table("ops.race").step(Change.AddColumn.of("", "id", "long", true, "", "", false),
        Change.AddColumn.of("", "n", "int", false, "", "", false));
    assertThat(engine(created).migrate(MigrateOptions.defaults()).success()).isTrue();
    String race = SparkDataRunner.identifier(IcebergCatalogs.EMBEDDED_CATALOG_NAME, TableName.parse("ops.race"));
    spark.sql("INSERT INTO " + race + " VALUES (1, 0), (2, 0), (3, 0)");

    Path go = dir.resolve("go");
    List<Process> runs = new ArrayList<>();
    List<Path> ready = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ready.add(dir.resolve("ready-" + i));
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
          .toString(), "-Xmx640m"));
      command.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
      command.addAll(List.of("-cp", String.join(File.pathSeparator, JvmClassPath.of(
          getClass().getClassLoader())), RacingRun.class.getName(), dir.resolve("lake").toString(),
          ready.get(i).toString(), go.toString()));
      runs.add(new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(dir.resolve("race-" + i + ".log").toFile()).start());
    }
    List<String> results = new ArrayList<>();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
      while (!ready.stream().allMatch(Files::exists) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      Files.writeString(go, "go");
      for (int i = 0; i < runs.size(); i++) {
        assertThat(runs.get(i).waitFor(4, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(dir.resolve("race-" + i + ".log"));
        assertThat(runs.get(i).exitValue()).as(log).isZero();
        results.add(log.lines().filter(l -> l.startsWith("RESULT")).findFirst().orElseThrow());
      }
    } finally {
      runs.forEach(Process::destroyForcibly);
    }

    // One of them published step 1; the others found it applied; none failed.
    assertThat(results).allMatch(r -> r.endsWith("failures={}"));
    assertThat(results.stream().mapToInt(r -> Integer.parseInt(r.replaceAll(".*applied=(\\d+).*", "$1"))).sum())
        .as("%s", results).isEqualTo(1);
    assertThat(spark.sql("SELECT id, n, seen FROM " + race + " ORDER BY id").collectAsList())
        .extracting(Row::toString).containsExactly("[1,1,true]", "[2,1,true]", "[3,1,true]");
    assertThat(format.icebergCatalog().loadTable(TableIdentifier.of("ops", "race")).refs().keySet())
        .containsExactly("main");
  }

  private static String counts() {
    return SparkDataRunner.identifier(IcebergCatalogs.EMBEDDED_CATALOG_NAME, TableName.parse("ops.counts"));
  }

  @Test
  void aRunKilledDuringItsDataWorkIsResumedAndTheDataPublishedOnce() throws Exception {
    var created = DataSteps.table("ops.counts").step(Change.AddColumn.of("", "id", "long", true, "", "", false),
        Change.AddColumn.of("", "n", "int", false, "", "", false));
    assertThat(engine(created).migrate(MigrateOptions.defaults().withTarget(0)).success()).isTrue();
    spark.sql("INSERT INTO " + counts() + " VALUES (1, 0), (2, 0)");

    Path written = dir.resolve("written");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
    command.addAll(List.of("-Dlake.test.block=" + written, "-cp",
        String.join(File.pathSeparator, JvmClassPath.of(getClass().getClassLoader())),
        KilledRun.class.getName(), dir.resolve("lake").toString()));
    Process run = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("killed.log").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (!Files.exists(written) && run.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(written).as("the killed run's log:\n%s", Files.readString(dir.resolve("killed.log"))).exists();
    } finally {
      run.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no clean-up
    }

    TableStatus status = engine(history()).status(TableFilter.parse("*")).get(0);
    assertThat(status.dataPending()).isEqualTo(1);
    assertThat(status.staging()).singleElement().asString().startsWith("lake_step_1_");
    assertThat(status.problems()).anySatisfy(p -> assertThat(p).startsWith("The data of step 1 of ops.counts is "
        + "pending").contains("Run 'mvn lake:migrate'"));
    assertThat(spark.sql("SELECT n FROM " + counts()).collectAsList()).extracting(r -> r.getInt(0))
        .containsOnly(0);

    MigrateResult resumed = engine(history()).migrate(MigrateOptions.defaults());

    assertThat(resumed.messages()).isEmpty();
    assertThat(resumed.applied()).extracting(MigrateResult.Applied::step).containsExactly(1);
    assertThat(spark.sql("SELECT id, n FROM " + counts() + " ORDER BY id").collectAsList())
        .extracting(Row::toString).containsExactly("[1,1]", "[2,1]");
    assertThat(format.icebergCatalog().loadTable(TableIdentifier.of("ops", "counts")).refs().keySet())
        .containsExactly("main");
    assertThat(engine(history()).validate(TableFilter.parse("*"))).isEmpty();
  }

  @Test
  void theForkedWorkerRunsTheDataWorkAndReportsAFailingStatement() {
    var history = DataSteps.table("ops.forked")
        .step(Change.AddColumn.of("", "id", "long", true, "", "", false),
            Change.AddColumn.of("", "v", "int", false, "", "", false));
    try (DataStepRunner runner = DataStepRunnerProvider.open(Map.of("lake.spark.master", "local[1]",
        "lake.spark.log", dir.resolve("worker.log").toString()), getClass().getClassLoader(), "test")) {
      Engine engine = engine(history).withDataRunner(runner);
      assertThat(engine.migrate(MigrateOptions.defaults()).success()).isTrue();
      spark.sql("INSERT INTO " + SparkDataRunner.identifier("lake", TableName.parse("ops.forked"))
          + " VALUES (1, 10), (2, 20)");

      history.step(List.of(Change.AddColumn.of("", "bad", "int", false, "", "", false)),
          List.of("UPDATE {table} SET bad = no_such_column"));
      MigrateResult failed = engine(history).withDataRunner(runner).migrate(MigrateOptions.defaults());
      assertThat(failed.messages().get(TableName.parse("ops.forked"))).contains("@Sql statement 1 failed: "
          + "UPDATE {table} SET bad = no_such_column: ").contains("no_such_column")
          .contains("the step's schema changes were taken back");

      var fixed = DataSteps.table("ops.forked")
          .step(Change.AddColumn.of("", "id", "long", true, "", "", false),
              Change.AddColumn.of("", "v", "int", false, "", "", false))
          .step(List.of(Change.AddColumn.of("", "vx2", "int", false, "", "", false)),
              List.of("UPDATE {table} SET vx2 = v * 2"));
      MigrateResult result = engine(fixed).withDataRunner(runner).migrate(MigrateOptions.defaults());
      assertThat(result.messages()).isEmpty();
      assertThat(result.applied().get(0).data()).startsWith("2 rows written");
    }
    assertThat(spark.sql("SELECT id, vx2 FROM " + SparkDataRunner.identifier("lake", TableName.parse("ops.forked"))
        + " ORDER BY id").collectAsList()).extracting(Row::toString).containsExactly("[1,20]", "[2,40]");
  }

  private static Engine engine(DataSteps history) {
    return new Engine(format, history.build(), ForkedRunTest.class.getClassLoader(), Clock.systemUTC(), "tester")
        .withDataRunner(new SparkDataRunner(spark, ForkedRunTest.class.getClassLoader()));
  }
}
