package dev.lake.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.DropColumn;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;
import dev.lake.annotations.MigrationContext;
import dev.lake.annotations.RenameColumn;
import dev.lake.annotations.SetProperty;
import dev.lake.core.change.Change;
import dev.lake.core.change.Step;
import dev.lake.core.diff.Diff;
import dev.lake.core.engine.AppliedState;
import dev.lake.core.engine.Engine;
import dev.lake.core.engine.LakeException;
import dev.lake.core.engine.MigrateOptions;
import dev.lake.core.engine.MigrateResult;
import dev.lake.core.engine.ResolvedMigration;
import dev.lake.core.engine.ResolvedTable;
import dev.lake.core.engine.TableFilter;
import dev.lake.core.engine.TableFormat;
import dev.lake.core.engine.TableStatus;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.TableName;
import dev.lake.core.replay.History;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every table format must do for the engine, run by each format against each catalog it
 * supports (in the spirit of Iceberg's {@code CatalogTests}): every operation end to end (as a history
 * and all in one step), field ids
 * across renames, one commit per step, a failed step leaving the table as it was, a lost race, eight
 * racing engines applying each step once, live drift, baseline, and status loading each table once.
 *
 * <p>A subclass opens its format on a directory (the same directory, the same tables) and reads what
 * only the format can tell: field ids, the number of versions, and changes made outside Lake.
 */
public abstract class TableFormatContract {
  protected static final TableName EVENTS = TableName.parse("analytics.events");
  private static final int RACE_TABLES = 20;
  private static final int RACE_STEPS = 10;
  private static final int RACE_ENGINES = 8;

  @TempDir
  protected Path dir;

  /** Opens the format's catalog kept in {@code dir}; two calls on one directory see the same tables. */
  protected abstract TableFormat<?> open(Path dir);

  /** The field id of each column path of the table, as the format keeps them. */
  protected abstract Map<String, Integer> fieldIds(Path dir, TableName table);

  /** How many versions (commits) the table has had since it was created, its creation included. */
  protected abstract int versions(Path dir, TableName table);

  /** Adds an optional string column to the table as someone outside Lake would. */
  protected abstract void addColumnOutsideLake(Path dir, TableName table, String column);

  /** Creates the table as someone outside Lake would. */
  protected abstract void createOutsideLake(Path dir, TableModel model);

  /**
   * A history of analytics.events whose step 1 renames {@code ts} to {@code event_time} and
   * {@code device.os} to {@code os_name}, using every operation the format has.
   */
  protected List<Class<?>> everyOperation() {
    return EventsMigrations.ALL;
  }

  /** A table, and one change of each operation the format has, valid together as its step 1. */
  protected EveryOperation.Sample oneOfEachOperation() {
    return EveryOperation.ALL;
  }

  /** The name of the catalog {@link #open} gives, for messages: such as {@code catalog 'test' (rest)}. */
  private String catalogName() {
    try (TableFormat<?> format = open(dir)) {
      return format.catalog();
    }
  }

  private FormatRules rules() {
    try (TableFormat<?> format = open(dir)) {
      return format.rules();
    }
  }

  private Map<TableName, ResolvedTable> events(List<Class<?>> migrations) {
    return TestIndex.resolve(dir.resolve("classes-" + System.nanoTime()), EVENTS.toString(), rules().format(),
        migrations);
  }

  protected static Engine engine(TableFormat<?> format, Map<TableName, ResolvedTable> tables) {
    return new Engine(format, tables, TableFormatContract.class.getClassLoader(), Clock.systemUTC(), "tester");
  }

  private static void assertTableIs(TableFormat<?> format, TableName table, TableModel expected) {
    TableModel live = format.load(table).orElseThrow().model();
    assertThat(live.columns()).isEqualTo(expected.columns());
    assertThat(live.partitioning()).isEqualTo(expected.partitioning());
    assertThat(live.sortOrder()).isEqualTo(expected.sortOrder());
    assertThat(live.identifierColumns()).isEqualTo(expected.identifierColumns());
    assertThat(live.properties()).containsAllEntriesOf(expected.properties());
    assertThat(Engine.differences(expected, live, format.rules())).isEmpty();
  }

  @Test
  void everyOperationEndToEnd() {
    Map<TableName, ResolvedTable> tables = events(everyOperation());
    ResolvedTable events = tables.get(EVENTS);
    try (TableFormat<?> format = open(dir)) {
      Engine engine = engine(format, tables);
      assertThat(engine.migrate(MigrateOptions.defaults().withTarget(0)).messages()).isEmpty();
      assertTableIs(format, EVENTS, events.history().replay(0));
      assertThat(versions(dir, EVENTS)).as("step 0 is one commit").isEqualTo(1);
      Map<String, Integer> created = fieldIds(dir, EVENTS);

      MigrateResult second = engine.migrate(MigrateOptions.defaults().withTarget(1));
      assertThat(second.messages()).isEmpty();
      assertThat(second.applied()).extracting(MigrateResult.Applied::step).containsExactly(1);
      assertTableIs(format, EVENTS, events.history().replay(1));
      assertThat(versions(dir, EVENTS)).as("one commit per step").isEqualTo(2);
      Map<String, Integer> evolved = fieldIds(dir, EVENTS);
      assertThat(evolved.get("event_time")).as("field id kept across a rename").isEqualTo(created.get("ts"))
          .isNotNull();
      assertThat(evolved.get("device.os_name")).isEqualTo(created.get("device.os")).isNotNull();
      assertThat(evolved.get("id")).isEqualTo(created.get("id"));

      MigrateResult rest = engine.migrate(MigrateOptions.defaults());
      assertThat(rest.messages()).isEmpty();
      assertThat(rest.applied()).extracting(MigrateResult.Applied::step)
          .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(2, events.lastStep()).boxed().toList());
      assertTableIs(format, EVENTS, events.history().replay());
      assertThat(versions(dir, EVENTS)).as("one commit per step").isEqualTo(events.lastStep() + 1);

      AppliedState state = format.load(EVENTS).orElseThrow().state();
      assertThat(state.step()).isEqualTo(events.lastStep());
      assertThat(state.checksums()).containsExactlyElementsOf(
          events.migrations().stream().map(m -> m.step().checksum()).toList());
      assertThat(state.appliedBy()).isEqualTo("tester");

      assertThat(engine.migrate(MigrateOptions.defaults()).applied()).as("nothing left to do").isEmpty();
      assertThat(versions(dir, EVENTS)).isEqualTo(events.lastStep() + 1);
      List<TableStatus> status = engine.status(TableFilter.parse("analytics.*"));
      assertThat(status).singleElement().satisfies(s -> {
        assertThat(s.appliedStep()).isEqualTo(events.lastStep());
        assertThat(s.pending()).isEmpty();
        assertThat(s.problems()).isEmpty();
      });
      assertThat(engine.validate(TableFilter.parse(null))).isEmpty();
    }
  }

  @Test
  void everyOperationInOneStep() {
    TableModel before = oneOfEachOperation().before();
    List<Change> create = Diff.between(TableModel.empty(before.name()), before, rules());
    List<ResolvedMigration> migrations = List.of(
        new ResolvedMigration(Step.of(before.name(), 0, create), "V0", "create", "", "", false, false),
        new ResolvedMigration(Step.of(before.name(), 1, oneOfEachOperation().changes()), "V1", "every operation", "", "",
            true, false));
    History history = History.of(before.name(), migrations.stream().map(ResolvedMigration::step).toList(), rules());
    ResolvedTable table = new ResolvedTable(before.name(), migrations, history, Optional.empty());
    try (TableFormat<?> format = open(dir)) {
      MigrateResult result = engine(format, Map.of(before.name(), table)).migrate(MigrateOptions.defaults());
      assertThat(result.messages()).isEmpty();
      assertThat(result.applied()).hasSize(2);
      assertTableIs(format, before.name(), history.replay());
      assertThat(versions(dir, before.name())).isEqualTo(2);
    }
  }

  @Test
  void aStepIsCommittedOnTheVersionTheEngineLoaded() {
    Map<TableName, ResolvedTable> tables = events(everyOperation());
    try (TableFormat<?> format = open(dir)) {
      CountingFormat<?> counting = CountingFormat.of(format);
      MigrateResult result = engine(counting, tables).migrate(MigrateOptions.defaults());
      assertThat(result.messages()).isEmpty();
      int steps = tables.get(EVENTS).lastStep() + 1;
      assertThat(counting.commits()).isEqualTo(steps);
      assertThat(counting.loads()).as("one load before each step, one that finds nothing left to do")
          .isEqualTo(steps + 1);
    }
  }

  @Test
  void dryRunCommitsNothing() {
    try (TableFormat<?> format = open(dir)) {
      MigrateResult plan = engine(format, events(everyOperation())).migrate(
          MigrateOptions.defaults().withDryRun(true).withTarget(1));
      assertThat(plan.applied()).isEmpty();
      assertThat(plan.planned()).extracting(MigrateResult.Planned::step).containsExactly(0, 1);
      assertThat(plan.planned().get(1).changes()).contains("rename column ts to event_time");
      assertThat(format.load(EVENTS)).isEmpty();
    }
  }

  @Test
  void changesMadeOutsideLakeAreLiveDrift() {
    Map<TableName, ResolvedTable> tables = events(everyOperation());
    try (TableFormat<?> format = open(dir)) {
      Engine engine = engine(format, tables);
      engine.migrate(MigrateOptions.defaults().withTarget(0));
      addColumnOutsideLake(dir, EVENTS, "by_hand");
      int before = versions(dir, EVENTS);

      assertThat(engine.status(TableFilter.parse(null)).get(0).liveDrift()).containsExactly("add column by_hand string");
      assertThat(engine.validate(TableFilter.parse(null))).singleElement().asString()
          .contains("analytics.events was changed outside Lake (live drift): add column by_hand string");
      MigrateResult result = engine.migrate(MigrateOptions.defaults());
      assertThat(result.messages().get(EVENTS)).startsWith("Cannot migrate analytics.events in " + format.catalog())
          .contains("add column by_hand string").contains("mvn lake:generate");
      assertThat(format.load(EVENTS).orElseThrow().state().step()).isZero();
      assertThat(versions(dir, EVENTS)).isEqualTo(before);
    }
  }

  @Test
  void editedAndMissingStepsAreReported() {
    try (TableFormat<?> format = open(dir)) {
      engine(format, events(everyOperation())).migrate(MigrateOptions.defaults().withTarget(1));

      List<Class<?>> editedHistory = List.of(everyOperation().get(0), EditedEvolve.class);
      Map<TableName, ResolvedTable> edited = events(editedHistory);
      String applied = format.load(EVENTS).orElseThrow().state().checksums().get(1);
      String code = edited.get(EVENTS).migrations().get(1).step().checksum();
      assertThat(engine(format, edited).validate(TableFilter.parse(null))).singleElement().asString()
          .isEqualTo("Checksum mismatch for step 1 of analytics.events in " + format.catalog() + ": applied "
              + applied + ", code " + code + " (" + EditedEvolve.class.getName() + " was edited after it was applied;"
              + " restore it as it was, and put new changes in a new step)");

      Map<TableName, ResolvedTable> shorter = events(List.of(everyOperation().get(0)));
      assertThat(engine(format, shorter).validate(TableFilter.parse(null))).singleElement().asString()
          .contains("records step 1 but the code has steps 0 to 0");
      assertThat(engine(format, shorter).migrate(MigrateOptions.defaults()).success()).isFalse();
    }
  }

  /** Step 1 after an edit: it renames only. */
  @Migration(table = "analytics.events", step = 1)
  @RenameColumn(from = "ts", to = "event_time")
  public static final class EditedEvolve implements LakeMigration {}

  @Test
  void unmarkedDestructiveStepsAreRefused() {
    try (TableFormat<?> format = open(dir)) {
      Engine engine = engine(format, events(List.of(everyOperation().get(0), UnmarkedDrop.class)));
      MigrateResult result = engine.migrate(MigrateOptions.defaults());
      assertThat(result.messages().get(EVENTS)).isEqualTo("Refusing step 1 of analytics.events in "
          + format.catalog() + ": it loses data (drop column tags) but " + UnmarkedDrop.class.getName() + " is not "
          + "marked @Migration(destructive = true). Mark it once you are sure, or run with -Dlake.allowDestructive");
      assertThat(format.load(EVENTS).orElseThrow().model().find("tags")).isPresent();
      assertThat(engine.migrate(MigrateOptions.defaults().withAllowDestructive(true)).success()).isTrue();
      assertThat(format.load(EVENTS).orElseThrow().model().find("tags")).isEmpty();
    }
  }

  @Migration(table = "analytics.events", step = 1)
  @DropColumn("tags")
  public static final class UnmarkedDrop implements LakeMigration {}

  @Test
  void aFailedStepLeavesTheTableAsItWas() {
    try (TableFormat<?> format = open(dir)) {
      Engine engine = engine(format, events(List.of(everyOperation().get(0), FailingStep.class)));
      engine.migrate(MigrateOptions.defaults().withTarget(0));
      TableModel before = format.load(EVENTS).orElseThrow().model();
      Map<String, Integer> ids = fieldIds(dir, EVENTS);

      MigrateResult result = engine.migrate(MigrateOptions.defaults());
      assertThat(result.messages().get(EVENTS)).contains(FailingStep.class.getName() + ".apply failed")
          .contains("backfill source unavailable").endsWith("(nothing was committed)");
      assertThat(versions(dir, EVENTS)).as("nothing was committed").isEqualTo(1);
      assertThat(format.load(EVENTS).orElseThrow().model()).isEqualTo(before);
      assertThat(format.load(EVENTS).orElseThrow().state().step()).isZero();
      assertThat(fieldIds(dir, EVENTS)).isEqualTo(ids);
    }
  }

  @Migration(table = "analytics.events", step = 1)
  @AddColumn(name = "flag", type = "boolean")
  @SetProperty(key = "flagged", value = "yes")
  public static final class FailingStep implements LakeMigration {
    @Override
    public void apply(MigrationContext context) {
      throw new IllegalStateException("backfill source unavailable");
    }
  }

  @Test
  void baselineAdoptsAMatchingTableOnly() {
    Map<TableName, ResolvedTable> tables = events(everyOperation());
    ResolvedTable events = tables.get(EVENTS);
    createOutsideLake(dir, events.history().replay(0));
    try (TableFormat<?> format = open(dir)) {
      Engine engine = engine(format, tables);
      assertThat(engine.migrate(MigrateOptions.defaults()).messages().get(EVENTS))
          .contains("exists but records no Lake migration state").contains("mvn lake:baseline");

      assertThatThrownBy(() -> engine.baseline(TableFilter.parse(null), 1))
          .isInstanceOf(LakeException.class)
          .hasMessageStartingWith("Cannot baseline analytics.events in " + format.catalog()
              + " at step 1: the table differs from steps 0 to 1: ")
          .hasMessageContaining("steps 0 to 1 have column event_time timestamptz; the table does not")
          .hasMessageContaining("the table has column ts timestamptz; steps 0 to 1 do not");
      assertThat(format.load(EVENTS).orElseThrow().state().isNone()).isTrue();

      assertThat(engine.baseline(TableFilter.parse(null), 0)).containsExactly(EVENTS);
      assertThat(format.load(EVENTS).orElseThrow().state().step()).isZero();
      assertThat(versions(dir, EVENTS)).as("the state alone, in one commit").isEqualTo(2);
      assertThat(engine.migrate(MigrateOptions.defaults()).applied()).extracting(MigrateResult.Applied::step)
          .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, events.lastStep()).boxed().toList());
      assertTableIs(format, EVENTS, events.history().replay());
    }
  }

  @Test
  void tableFilterSelects() {
    try (TableFormat<?> format = open(dir)) {
      Engine engine = engine(format, events(everyOperation()));
      assertThatThrownBy(() -> engine.migrate(MigrateOptions.defaults().withTables("sales.*")))
          .hasMessage("No table matches 'sales.*' (tables: analytics.events)");
      assertThat(engine.migrate(MigrateOptions.defaults().withTables("*.events,sales.*")).applied())
          .hasSize(everyOperation().size());
    }
  }

  /** The other run of {@link #aLostRaceChangesNothing}: started from step 1's code, once. */
  static volatile Runnable interloper;

  @Test
  void aLostRaceChangesNothing() {
    TableName table = TableName.parse("race.lost");
    Map<TableName, ResolvedTable> tables = TestIndex.resolve(dir.resolve("classes"), table.toString(),
        rules().format(), List.of(LostRace0.class, LostRace1.class, LostRace2.class));
    try (TableFormat<?> format = open(dir); TableFormat<?> other = open(dir)) {
      Engine first = new Engine(format, tables, getClass().getClassLoader(), Clock.systemUTC(), "first");
      Engine second = new Engine(other, tables, getClass().getClassLoader(), Clock.systemUTC(), "second");
      assertThat(first.migrate(MigrateOptions.defaults().withTarget(0)).success()).isTrue();
      MigrateResult[] secondResult = new MigrateResult[1];
      interloper = () -> {
        interloper = null;
        secondResult[0] = second.migrate(MigrateOptions.defaults());
      };

      MigrateResult firstResult = first.migrate(MigrateOptions.defaults());

      assertThat(secondResult[0].applied()).extracting(MigrateResult.Applied::step).containsExactly(1, 2);
      assertThat(firstResult.messages()).as("the stale commit is a lost race, not a failure").isEmpty();
      assertThat(firstResult.applied()).as("the first run's commit did not land").isEmpty();
      assertThat(versions(dir, table)).as("one commit per step").isEqualTo(3);
      AppliedState state = format.load(table).orElseThrow().state();
      assertThat(state.step()).isEqualTo(2);
      assertThat(state.appliedBy()).isEqualTo("second");
      assertThat(Engine.differences(tables.get(table).history().replay(), format.load(table).orElseThrow().model(),
          format.rules())).isEmpty();
    } finally {
      interloper = null;
    }
  }

  @Migration(table = "race.lost", step = 0)
  @AddColumn(name = "id", type = "long", required = true)
  public static final class LostRace0 implements LakeMigration {}

  /** Properties only (no requirement a catalog could derive from the schema); its code lets the other run go first. */
  @Migration(table = "race.lost", step = 1)
  @SetProperty(key = "owner", value = "data-eng")
  public static final class LostRace1 implements LakeMigration {
    @Override
    public void apply(MigrationContext context) {
      Runnable other = interloper;
      if (other != null) {
        other.run();
      }
    }
  }

  @Migration(table = "race.lost", step = 2)
  @AddColumn(name = "region", type = "string")
  public static final class LostRace2 implements LakeMigration {}

  @Test
  void eightRacingEnginesApplyEachStepOnce() throws Exception {
    Map<TableName, ResolvedTable> workload = Workload.of(RACE_TABLES, RACE_STEPS, rules());
    ExecutorService pool = Executors.newFixedThreadPool(RACE_ENGINES);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<MigrateResult>> runs = new ArrayList<>();
    List<TableFormat<?>> formats = new ArrayList<>();
    try {
      for (int i = 0; i < RACE_ENGINES; i++) {
        TableFormat<?> format = open(dir);
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
        assertThat(result.messages()).as("every run ends successfully").isEmpty();
        applied += result.applied().size();
      }
      assertThat(applied).as("each step applied by exactly one run").isEqualTo(RACE_TABLES * RACE_STEPS);
    } finally {
      pool.shutdownNow();
      formats.forEach(TableFormat::close);
    }
    try (TableFormat<?> format = open(dir)) {
      assertThat(engine(format, workload).validate(TableFilter.parse(null))).isEmpty();
      for (ResolvedTable table : workload.values()) {
        assertThat(format.load(table.name()).orElseThrow().state().step()).isEqualTo(table.lastStep());
        assertThat(versions(dir, table.name())).as("%s: one commit per step", table.name())
            .isEqualTo(table.lastStep() + 1);
      }
    }
  }

  @Test
  void statusLoadsEachTableOnce() {
    Map<TableName, ResolvedTable> workload = Workload.of(5, 2, rules());
    try (TableFormat<?> format = open(dir)) {
      assertThat(engine(format, workload).migrate(MigrateOptions.defaults().withTarget(0)).success()).isTrue();
      CountingFormat<?> counting = CountingFormat.of(format);
      List<TableStatus> status = engine(counting, workload).status(TableFilter.parse(null));
      assertThat(status).hasSize(5).allSatisfy(s -> assertThat(s.pending()).containsExactly(1));
      assertThat(counting.loads()).isEqualTo(5);
      assertThat(counting.commits()).isZero();
    }
  }
}
