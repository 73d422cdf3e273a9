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
import dev.lake.core.engine.Environment;
import dev.lake.core.engine.LakeException;
import dev.lake.core.engine.MigrateOptions;
import dev.lake.core.engine.MigrateResult;
import dev.lake.core.engine.ResolvedMigration;
import dev.lake.core.engine.ResolvedTable;
import dev.lake.core.engine.StepRecord;
import dev.lake.core.engine.TableFilter;
import dev.lake.core.engine.TableFormat;
import dev.lake.core.engine.TableHistory;
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

  /**
   * Whether the format keeps earlier schemas that {@code lake:undo} can set current again; a format
   * that does not refuses undo.
   */
  protected boolean keepsEarlierSchemas() {
    return true;
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
              + " restore it as it was and put new changes in a new step, or, if the edit changes nothing the table "
              + "has, run 'mvn lake:repair -Dlake.reason=...' to accept it)");

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

  @Test
  void adoptsAStepTheTableAlreadyHas() {
    try (TableFormat<?> format = open(dir)) {
      engine(format, events(List.of(OperationsMigrations.V0000_Create.class))).migrate(MigrateOptions.defaults());
      addColumnOutsideLake(dir, EVENTS, "by_hand");
      Integer handId = fieldIds(dir, EVENTS).get("by_hand");
      int before = versions(dir, EVENTS);
      Engine engine = engine(format, events(List.of(OperationsMigrations.V0000_Create.class,
          OperationsMigrations.V0001_DeclareByHand.class)));

      MigrateResult result = engine.migrate(MigrateOptions.defaults());

      assertThat(result.messages()).isEmpty();
      assertThat(result.applied()).singleElement().satisfies(step -> {
        assertThat(step.step()).isEqualTo(1);
        assertThat(step.adopted()).isTrue();
      });
      assertThat(fieldIds(dir, EVENTS)).containsEntry("by_hand", handId);
      assertThat(versions(dir, EVENTS)).as("adopting records state in one commit").isEqualTo(before + 1);
      AppliedState state = format.load(EVENTS).orElseThrow().state();
      assertThat(state.step()).isEqualTo(1);
      assertThat(state.record(1).orElseThrow().event()).isEqualTo(StepRecord.ADOPTED);
      assertThat(engine.validate(TableFilter.parse(null))).isEmpty();
    }
  }

  @Test
  void driftMatchingNoStepIsNotAdopted() {
    try (TableFormat<?> format = open(dir)) {
      engine(format, events(List.of(OperationsMigrations.V0000_Create.class))).migrate(MigrateOptions.defaults());
      addColumnOutsideLake(dir, EVENTS, "by_hand");
      int before = versions(dir, EVENTS);
      MigrateResult result = engine(format, events(OperationsMigrations.REVERSIBLE)).migrate(MigrateOptions.defaults());
      assertThat(result.messages().get(EVENTS)).contains("live drift").contains("add column by_hand string")
          .contains("mvn lake:generate").contains("adopts");
      assertThat(versions(dir, EVENTS)).isEqualTo(before);
    }
  }

  @Test
  void repairAcceptsAnEditThatDescribesTheTableAndRefusesOneThatDoesNot() {
    try (TableFormat<?> format = open(dir)) {
      engine(format, events(List.of(OperationsMigrations.V0000_Create.class,
          OperationsMigrations.V0001_AddRename.class))).migrate(MigrateOptions.defaults());
      int before = versions(dir, EVENTS);

      Engine changed = engine(format, events(List.of(OperationsMigrations.V0000_Create.class,
          OperationsMigrations.V0001_AddRenameChanged.class)));
      assertThatThrownBy(() -> changed.repair(TableFilter.parse(null), "tidy"))
          .hasMessageContaining("Cannot repair analytics.events in " + format.catalog())
          .hasMessageContaining("steps 0 to 1 as the code has them now have column extra int; the table does not");
      assertThat(versions(dir, EVENTS)).isEqualTo(before);
      assertThatThrownBy(() -> changed.repair(TableFilter.parse(null), " ")).hasMessageContaining("-Dlake.reason");

      Map<TableName, ResolvedTable> restated = events(List.of(OperationsMigrations.V0000_Create.class,
          OperationsMigrations.V0001_AddRenameRestated.class));
      Engine engine = engine(format, restated);
      assertThat(engine.validate(TableFilter.parse(null))).singleElement().asString().contains("Checksum mismatch");
      assertThat(engine.repair(TableFilter.parse(null), "placed device")).containsEntry(EVENTS, List.of(1));

      assertThat(engine.validate(TableFilter.parse(null))).isEmpty();
      AppliedState state = format.load(EVENTS).orElseThrow().state();
      assertThat(state.checksums().get(1)).isEqualTo(restated.get(EVENTS).migrations().get(1).step().checksum());
      assertThat(state.record(1).orElseThrow().repair()).startsWith("placed device (repaired by tester at ");
      assertThat(state.record(0).orElseThrow().repair()).isNull();
      assertThat(versions(dir, EVENTS)).isEqualTo(before + 1);
      assertThat(engine.repair(TableFilter.parse(null), "again")).isEmpty();
    }
  }

  @Test
  void undoTakesStepsBackAndMigrateGivesColumnsTheirIdsAgain() {
    Map<TableName, ResolvedTable> tables = events(OperationsMigrations.REVERSIBLE);
    try (TableFormat<?> format = open(dir)) {
      Engine engine = engine(format, tables);
      engine.migrate(MigrateOptions.defaults());
      Map<String, Integer> ids = fieldIds(dir, EVENTS);
      int before = versions(dir, EVENTS);

      if (!keepsEarlierSchemas()) {
        assertThat(format.whyNoUndo()).isPresent();
        assertThatThrownBy(() -> engine.undo(TableFilter.parse(null), 0, true))
            .hasMessage("Cannot undo analytics.events in " + format.catalog() + ": " + format.whyNoUndo().get());
        assertThatThrownBy(() -> engine.undo(TableFilter.parse(null), 0, false)).hasMessageContaining("Cannot undo");
        assertThat(versions(dir, EVENTS)).isEqualTo(before);
        return;
      }
      assertThat(format.whyNoUndo()).isEmpty();
      assertThat(engine.undo(TableFilter.parse(null), 0, true)).containsExactly(new Engine.Undone(EVENTS, 2, 0));
      assertThat(versions(dir, EVENTS)).as("a dry run commits nothing").isEqualTo(before);
      assertThat(engine.undo(TableFilter.parse(null), 0, false)).containsExactly(new Engine.Undone(EVENTS, 2, 0));

      assertThat(versions(dir, EVENTS)).as("undo is one commit").isEqualTo(before + 1);
      assertTableIs(format, EVENTS, tables.get(EVENTS).history().replay(0));
      assertThat(format.load(EVENTS).orElseThrow().model().properties()).doesNotContainKey("retention");
      assertThat(ids.values()).containsAll(fieldIds(dir, EVENTS).values());
      assertThat(fieldIds(dir, EVENTS)).containsEntry("name", ids.get("event_name"));
      TableStatus status = engine.status(TableFilter.parse(null)).get(0);
      assertThat(status.appliedStep()).isZero();
      assertThat(status.undone()).containsExactly(1, 2);
      assertThat(status.problems()).isEmpty();
      assertThat(engine.history(TableFilter.parse(null)).get(0).rows()).extracting(TableHistory.Row::state)
          .containsExactly(TableHistory.State.APPLIED, TableHistory.State.UNDONE, TableHistory.State.UNDONE);

      assertThat(engine.migrate(MigrateOptions.defaults()).applied()).hasSize(2);
      assertTableIs(format, EVENTS, tables.get(EVENTS).history().replay(2));
      assertThat(fieldIds(dir, EVENTS)).as("columns come back with their ids").isEqualTo(ids);
      assertThat(format.load(EVENTS).orElseThrow().state().undone()).isEmpty();
      assertThat(engine.undo(TableFilter.parse(null), 2, false)).as("nothing beyond step 2").isEmpty();
    }
  }

  @Test
  void undoRefusesAStepThatDropsAColumnAndMigrateBelowPointsToUndo() {
    try (TableFormat<?> format = open(dir)) {
      Engine engine = engine(format, events(OperationsMigrations.WITH_DROP));
      engine.migrate(MigrateOptions.defaults());
      int before = versions(dir, EVENTS);
      assertThatThrownBy(() -> engine.undo(TableFilter.parse(null), 1, false)).hasMessage(keepsEarlierSchemas()
          ? "Cannot undo step 3 of analytics.events in " + format.catalog() + " ("
              + OperationsMigrations.V0003_DropDevice.class.getName() + "): it drops column device, whose data is "
              + "gone. Write a new step that reverses it instead"
          : "Cannot undo analytics.events in " + format.catalog() + ": " + format.whyNoUndo().orElseThrow());
      assertThat(versions(dir, EVENTS)).isEqualTo(before);
      assertThat(engine.migrate(MigrateOptions.defaults().withTarget(1)).messages().get(EVENTS))
          .contains("run 'mvn lake:undo -Dlake.target=1 -Dlake.tables=analytics.events'");
    }
  }

  @Test
  void undoRacingMigrateLeavesATableThatIsOneOfTheTwo() throws Exception {
    if (!keepsEarlierSchemas()) {
      return;
    }
    Map<TableName, ResolvedTable> tables = events(OperationsMigrations.REVERSIBLE);
    try (TableFormat<?> first = open(dir); TableFormat<?> second = open(dir)) {
      Engine undoing = engine(first, tables);
      Engine migrating = engine(second, tables);
      migrating.migrate(MigrateOptions.defaults());
      Map<String, Integer> ids = fieldIds(dir, EVENTS);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        for (int round = 0; round < 4; round++) {
          CountDownLatch start = new CountDownLatch(1);
          Future<?> undo = pool.submit(() -> {
            start.await();
            return undoing.undo(TableFilter.parse(null), 0, false);
          });
          Future<MigrateResult> migrate = pool.submit(() -> {
            start.await();
            return migrating.migrate(MigrateOptions.defaults());
          });
          start.countDown();
          undo.get(60, TimeUnit.SECONDS);
          assertThat(migrate.get(60, TimeUnit.SECONDS).messages()).isEmpty();
          AppliedState state = first.load(EVENTS).orElseThrow().state();
          assertThat(state.step()).isIn(0, 2);
          assertTableIs(first, EVENTS, tables.get(EVENTS).history().replay(state.step()));
          assertThat(undoing.validate(TableFilter.parse(null))).isEmpty();
          assertThat(migrating.migrate(MigrateOptions.defaults()).messages()).isEmpty();
          assertThat(fieldIds(dir, EVENTS)).as("nothing lost: the ids of round %d", round).isEqualTo(ids);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void historyKeepsEachStepsRecordWithinABound() {
    TableName table = TableName.parse("ops.long_history");
    String longText = "x".repeat(500);
    List<ResolvedMigration> migrations = new ArrayList<>();
    for (int s = 0; s < 200; s++) {
      List<Change> changes = s == 0 ? List.of(Change.AddColumn.of("", "id", "long", true, "", "", false))
          : List.of(new Change.SetProperty("marker", String.valueOf(s)));
      migrations.add(new ResolvedMigration(Step.of(table, s, changes), "ops.V" + s, "step " + s + " " + longText,
          "author" + s, "reason " + s, false, false));
    }
    History history = History.of(table, migrations.stream().map(ResolvedMigration::step).toList(), rules());
    Map<TableName, ResolvedTable> tables = Map.of(table, new ResolvedTable(table, migrations, history,
        Optional.empty()));
    try (TableFormat<?> format = open(dir)) {
      Engine engine = engine(format, tables);
      assertThat(engine.migrate(MigrateOptions.defaults()).applied()).hasSize(200);
      AppliedState state = format.load(table).orElseThrow().state();
      assertThat(state.checksums()).hasSize(200);
      assertThat(state.history()).hasSize(AppliedState.MAX_RECORDS);
      assertThat(state.toProperties().get(AppliedState.HISTORY).length()).isLessThan(64 * 1024);
      StepRecord last = state.record(199).orElseThrow();
      assertThat(last.by()).isEqualTo("tester");
      assertThat(last.author()).isEqualTo("author199");
      assertThat(last.reason()).isEqualTo("reason 199");
      assertThat(last.description()).hasSize(StepRecord.MAX_TEXT).startsWith("step 199 xxx");
      assertThat(last.checksum()).isEqualTo(migrations.get(199).step().checksum());
      List<TableHistory.Row> rows = engine.history(TableFilter.parse(null)).get(0).rows();
      assertThat(rows).hasSize(200).allMatch(row -> row.state() == TableHistory.State.APPLIED);
      assertThat(rows.get(0).recorded()).isEmpty();
      assertThat(rows.get(199).recorded()).contains(last);
    }
  }

  @Test
  void anEnvironmentMapsNamespacesAndFillsPlaceholders() {
    Map<TableName, ResolvedTable> tables = events(List.of(OperationsMigrations.V0000_Create.class,
        OperationsMigrations.V0001_OwnerPlaceholder.class));
    TableName dev = TableName.parse("analytics_dev.events");
    try (TableFormat<?> format = open(dir)) {
      Engine engine = engine(format, tables).withEnvironment(new Environment(Map.of("analytics", "analytics_dev"),
          TableFilter.parse("analytics.*"), Map.of("team", "data")));
      assertThat(engine.migrate(MigrateOptions.defaults()).messages()).isEmpty();

      assertThat(format.load(EVENTS)).isEmpty();
      assertThat(format.load(dev).orElseThrow().model().properties()).containsEntry("owner", "data-team");
      assertThat(engine.validate(TableFilter.parse(null))).isEmpty();
      TableStatus status = engine.status(TableFilter.parse(null)).get(0);
      assertThat(status.name()).isEqualTo("analytics.events (analytics_dev.events)");

      Engine unfilled = engine(format, tables).withEnvironment(new Environment(Map.of("analytics", "analytics_dev"),
          TableFilter.parse(null), Map.of()));
      assertThatThrownBy(() -> unfilled.migrate(MigrateOptions.defaults())).hasMessage("Property owner of "
          + "analytics.events (analytics_dev.events) uses ${team} (step 1, "
          + OperationsMigrations.V0001_OwnerPlaceholder.class.getName() + "), which " + format.catalog() + " gives "
          + "no value for: add <values><team>...</team></values> to that catalog's configuration");
      Engine elsewhere = engine(format, tables).withEnvironment(new Environment(Map.of(), TableFilter.parse("sales.*"),
          Map.of()));
      assertThatThrownBy(() -> elsewhere.status(TableFilter.parse(null))).hasMessageContaining("No table matches");
    }
  }
}
