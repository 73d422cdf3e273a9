package dev.lake.core.engine;

import dev.lake.core.change.Change;
import dev.lake.core.change.Lint;
import dev.lake.core.change.Reversal;
import dev.lake.core.change.SqlStatement;
import dev.lake.core.diff.Diff;
import dev.lake.core.diff.Sides;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.TableName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Joins the resolved migrations (code) with the state each table records (catalog), and applies,
 * reports or adopts. Format-neutral: everything table-format specific is behind {@link TableFormat}.
 */
public final class Engine {
  /** How many lost races in a row one table tolerates before the run gives up on it. */
  static final int MAX_CONFLICTS = 50;
  /** How many times a step's data work runs again because main moved on before it could be published. */
  static final int MAX_DATA_ATTEMPTS = 3;

  private final TableFormat<?> format;
  private final Map<TableName, ResolvedTable> tables;
  private final ClassLoader loader;
  private final Clock clock;
  private final String user;
  private final Environment environment;
  private final DataStepRunner dataRunner;

  public Engine(TableFormat<?> format, Map<TableName, ResolvedTable> tables, ClassLoader loader, Clock clock,
      String user) {
    this(format, tables, loader, clock, user, Environment.NONE, null);
  }

  private Engine(TableFormat<?> format, Map<TableName, ResolvedTable> tables, ClassLoader loader, Clock clock,
      String user, Environment environment, DataStepRunner dataRunner) {
    this.format = format;
    this.tables = new TreeMap<>(tables);
    this.loader = loader;
    this.clock = clock;
    this.user = user;
    this.environment = environment;
    this.dataRunner = dataRunner;
  }

  /** This engine on a catalog that maps names, holds some tables and gives placeholder values. */
  public Engine withEnvironment(Environment value) {
    return new Engine(format, tables, loader, clock, user, value, dataRunner);
  }

  /**
   * This engine running the data work of steps on {@code runner}; without one, a step with data work
   * fails before it changes anything, naming the module to add. The caller closes the runner.
   */
  public Engine withDataRunner(DataStepRunner runner) {
    return new Engine(format, tables, loader, clock, user, environment, runner);
  }

  /** Applies pending steps; a table that fails leaves the others going. */
  public MigrateResult migrate(MigrateOptions options) {
    return migrate(options, applied -> { });
  }

  /**
   * Applies pending steps, telling {@code onApplied} of each step as soon as it has landed (from the
   * thread that applied it); a table that fails leaves the others going.
   */
  public MigrateResult migrate(MigrateOptions options, Consumer<MigrateResult.Applied> onApplied) {
    List<ResolvedTable> selected = select(options.tables());
    List<MigrateResult.Applied> applied = Collections.synchronizedList(new ArrayList<>());
    List<MigrateResult.Planned> planned = Collections.synchronizedList(new ArrayList<>());
    Map<TableName, LakeException> failures = Collections.synchronizedMap(new TreeMap<>());
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.threads(), Math.max(1, selected.size())));
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (ResolvedTable table : selected) {
        futures.add(pool.submit(() -> {
          try {
            migrate(format, table, options, applied::add, planned, onApplied);
          } catch (LakeException e) {
            failures.put(table.name(), e);
          } catch (RuntimeException e) {
            failures.put(table.name(), new LakeException("Cannot migrate " + where(table) + ": " + e, e));
          }
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LakeException("Migration interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    List<MigrateResult.Applied> appliedInOrder = new ArrayList<>(applied);
    appliedInOrder.sort((a, b) -> a.table().equals(b.table()) ? Integer.compare(a.step(), b.step())
        : a.table().compareTo(b.table()));
    List<MigrateResult.Planned> plannedInOrder = new ArrayList<>(planned);
    plannedInOrder.sort((a, b) -> a.table().equals(b.table()) ? Integer.compare(a.step(), b.step())
        : a.table().compareTo(b.table()));
    return new MigrateResult(appliedInOrder, plannedInOrder, failures);
  }

  private <T> void migrate(TableFormat<T> format, ResolvedTable table, MigrateOptions options,
      Consumer<MigrateResult.Applied> applied, List<MigrateResult.Planned> planned,
      Consumer<MigrateResult.Applied> onApplied) {
    String where = where(table);
    if (options.target() > table.lastStep()) {
      throw new LakeException("Cannot migrate " + where + " to step " + options.target() + ": the code has steps 0 to "
          + table.lastStep() + " (check -Dlake.target)");
    }
    int last = options.target() < 0 ? table.lastStep() : options.target();
    int conflicts = 0;
    String staged = null; // the staging branch this run made with a step's schema changes
    while (true) {
      Optional<LiveTable<T>> live = format.load(physical(table));
      AppliedState state = live.map(LiveTable::state).orElse(AppliedState.NONE);
      // What the recorded steps give: status checks the live table against it; the next step starts from it.
      int modelStep = state.pendingStep().orElse(state.step());
      TableModel replayed = modelStep <= table.lastStep() ? replay(table, modelStep) : null;
      TableStatus status = status(table, live, replayed);
      List<String> problems = status.migrateProblems();
      int next = state.step() + 1;
      int adopt = problems.size() == 1 && !status.liveDrift().isEmpty() && state.pendingStep().isEmpty()
          ? adoptable(table, live.orElseThrow().model(), next, last) : -1;
      if (adopt < 0 && !problems.isEmpty()) {
        throw new LakeException("Cannot migrate " + where + ": " + String.join("; ", problems));
      }
      if (options.target() >= 0 && state.step() > options.target()) {
        throw new LakeException("Cannot migrate " + where + " to step " + options.target() + ": it is at step "
            + state.step() + ", and migrate never takes a table back: run 'mvn lake:undo -Dlake.target="
            + options.target() + " -Dlake.tables=" + table.name() + "' to take steps back");
      }
      if (next > last) {
        return;
      }
      if (options.dryRun()) {
        for (int step = next; step <= last; step++) {
          ResolvedMigration migration = table.migrations().get(step);
          checkDestructive(migration, options);
          List<String> changes = new ArrayList<>();
          if (state.pendingStep().isEmpty() || step > next) {
            environment.resolve(migration.step().changes()).stream().map(Change::toString).forEach(changes::add);
          }
          changes.addAll(dataWork(migration));
          planned.add(new MigrateResult.Planned(table.name(), step, migration.description(), changes, step <= adopt));
        }
        return;
      }
      Instant start = clock.instant();
      ResolvedMigration nextMigration = table.migrations().get(next);
      boolean data = nextMigration.hasData() && !options.schemaOnly();
      if (data) {
        checkCanRunData(table, nextMigration);
      }
      if (state.pendingStep().isPresent()) {
        // The step's schema changes are applied: run its data work and publish it with the step's state.
        try {
          MigrateResult.Applied done = publishData(format, table, live.get(), nextMigration, replayed, start, staged);
          conflicts = 0;
          applied.accept(done);
          onApplied.accept(done);
        } catch (ConcurrentCommitException e) {
          if (++conflicts > MAX_CONFLICTS) {
            throw new LakeException("Cannot publish the data of step " + next + " of " + where + ": other runs "
                + "committed first " + MAX_CONFLICTS + " times in a row; run again when the table is less busy", e);
          }
          BackOff.pause(conflicts);
        }
        continue;
      }
      StepCommit<T> commit;
      List<MigrateResult.Applied> landed = new ArrayList<>();
      if (adopt >= 0) {
        // The table already has the result of steps next..adopt (changed by hand, then declared): record them.
        AppliedState nextState = state;
        for (int step = next; step <= adopt; step++) {
          nextState = nextState.next(record(table.migrations().get(step), StepRecord.ADOPTED, start));
        }
        commit = new StepCommit<>(physical(table), adopt, "adoption of steps " + next + " to " + adopt + " of " + where,
            List.of(), live.get().model(), live.get().model(), state, nextState, Optional.empty(),
            Optional.of(live.get().version()), StepCommit.Kind.RECORD);
        for (int step = next; step <= adopt; step++) {
          landed.add(new MigrateResult.Applied(table.name(), step, table.migrations().get(step).description(),
              Duration.ZERO, true));
        }
      } else {
        ResolvedMigration migration = table.migrations().get(next);
        checkDestructive(migration, options);
        Optional<StepCommit.Code> code = migration.hasCode()
            ? Optional.of(new StepCommit.Code(migration.className(), migration.instantiate(loader))) : Optional.empty();
        boolean undone = migration.checksum().equals(state.undone().get(next));
        // A step with data work records its data as pending; publishing it records the step.
        AppliedState nextState = data ? state.withDataPending(migration.checksum())
            : state.next(record(migration, StepRecord.APPLIED, start));
        if (data) {
          staged = stagingBranch(next);
        }
        commit = new StepCommit<>(physical(table), next, "step " + next + " of " + where,
            environment.resolve(migration.step().changes()), replayed, replay(table, next), state,
            nextState, code, live.map(LiveTable::version), undone ? StepCommit.Kind.REAPPLY : StepCommit.Kind.APPLY,
            data ? Optional.of(staged) : Optional.empty());
        if (!data) {
          landed.add(new MigrateResult.Applied(table.name(), next, migration.description(), Duration.ZERO, false));
        }
      }
      try {
        format.commit(commit);
        conflicts = 0;
        Duration took = Duration.between(start, clock.instant());
        for (MigrateResult.Applied step : landed) {
          MigrateResult.Applied done = new MigrateResult.Applied(step.table(), step.step(), step.description(), took,
              step.adopted(), null);
          applied.accept(done);
          onApplied.accept(done);
        }
      } catch (ConcurrentCommitException e) {
        if (++conflicts > MAX_CONFLICTS) {
          throw new LakeException("Cannot migrate " + table.name() + " step " + next + " in " + format.catalog()
              + ": other writers committed first " + MAX_CONFLICTS + " times in a row; run again when the table is "
              + "less busy", e);
        }
        BackOff.pause(conflicts);
      }
    }
  }

  /**
   * The last of the pending steps {@code next..last} whose result the live table already has, when the
   * table differs from the applied steps but equals the result of the first such step; -1 otherwise.
   */
  private int adoptable(ResolvedTable table, TableModel live, int next, int last) {
    for (int step = next; step <= last && !table.migrations().get(step).hasData(); step++) {
      if (Diff.managed(replay(table, step), live, table.history().rules()).isEmpty()) {
        return step;
      }
    }
    return -1;
  }

  /** A new staging branch for the data work of {@code step}, unique to one attempt. */
  private static String stagingBranch(int step) {
    return "lake_step_" + step + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
  }

  /** A migration's data work in words, for dry runs: its statements, then its Spark code. */
  private static List<String> dataWork(ResolvedMigration migration) {
    List<String> work = new ArrayList<>();
    for (SqlStatement statement : migration.step().sql()) {
      work.add("SQL: " + statement);
    }
    if (migration.sparkCode()) {
      work.add("Spark code: " + migration.className() + ".apply(SparkMigrationContext)");
    }
    return work;
  }

  /** Refuses a data step, before anything is committed, when the format or the runner is missing. */
  private void checkCanRunData(ResolvedTable table, ResolvedMigration migration) {
    String what = "Cannot apply step " + migration.step().number() + " of " + where(table) + ": "
        + migration.className() + " has data work";
    Optional<String> why = format.whyNoData();
    if (why.isPresent()) {
      throw new LakeException(what + ", and " + why.get() + ". Run the data work outside Lake, or declare the table "
          + "@LakeTable(format = \"iceberg\")");
    }
    if (dataRunner == null) {
      throw new LakeException(what + ", and no data step runner is available: add dev.lake:lake-spark to the "
          + "lake-maven-plugin's <dependencies>");
    }
    try {
      dataRunner.start();
    } catch (LakeException e) {
      throw new LakeException(what + ": " + e.getMessage() + " (nothing was changed)", e);
    }
  }

  /**
   * Runs the data work of the step whose data is pending on a fresh staging branch and publishes it
   * with the step's state in one commit: again on a new branch, up to {@link #MAX_DATA_ATTEMPTS} times,
   * when main moved on meanwhile. A failing data work is taken back with the step's schema changes.
   *
   * @throws ConcurrentCommitException when another run changed the table's state first
   */
  private <T> MigrateResult.Applied publishData(TableFormat<T> format, ResolvedTable table, LiveTable<T> live,
      ResolvedMigration migration, TableModel model, Instant start, String staged) {
    DataStaging<T> staging = format.dataStaging().orElseThrow();
    int step = migration.step().number();
    String where = "step " + step + " of " + where(table);
    AppliedState state = live.state();
    if (!migration.checksum().equals(state.pendingChecksum())) {
      throw new LakeException("Cannot finish " + where + ": its data is pending, but " + migration.className()
          + " changed since its schema changes were applied (checksum " + state.pendingChecksum() + ", code "
          + migration.checksum() + "). Restore it as it was, run 'mvn lake:migrate', and put new changes "
          + "in a new step");
    }
    TableName physical = physical(table);
    for (int attempt = 1; ; attempt++) {
      // This run's branch, made with the schema changes, serves the first attempt; a run that resumes a
      // step, or tries again, makes its own.
      boolean made = attempt == 1 && staged != null && live.staging().contains(staged);
      String branch = made ? staged : stagingBranch(step);
      boolean published = false;
      try {
        if (!made) {
          staging.stage(physical, branch);
        }
        try {
          dataRunner.run(new DataWork(physical, step, where, migration.className(), migration.step().sql(),
              migration.sparkCode(), branch, staging.catalogName(), staging.catalogProperties()));
        } catch (LakeException e) {
          staging.discard(physical, branch);
          if (!format.load(physical).map(LiveTable::state).orElse(AppliedState.NONE).equals(state)) {
            // Another run published the step (removing this run's branch under its feet) or took it back.
            throw new ConcurrentCommitException("The migration state of " + table.name() + " changed", e);
          }
          throw new LakeException(e.getMessage() + ". Nothing was published: " + takeBack(format, table, step), e);
        }
        for (int conflicts = 1; ; conflicts++) {
          LiveTable<T> now = format.load(physical).orElseThrow(
              () -> new LakeException("Cannot publish the data of " + where + ": the table was dropped meanwhile"));
          if (!now.state().equals(state)) {
            throw new ConcurrentCommitException("The migration state of " + table.name() + " changed", null);
          }
          String summary = staging.summary(now.version(), branch);
          try {
            format.commit(new StepCommit<>(physical, step, where, List.of(), model, model, state,
                state.withoutDataPending().next(record(migration, StepRecord.APPLIED, start)), Optional.empty(),
                Optional.of(now.version()), StepCommit.Kind.PUBLISH, Optional.of(branch)));
            published = true;
            return new MigrateResult.Applied(table.name(), step, migration.description(),
                Duration.between(start, clock.instant()), false, summary);
          } catch (ConcurrentCommitException e) {
            // Another writer committed to the table (to its own branch, say): the work stands if the state
            // and main still allow it, so publish again rather than run the work again.
            if (conflicts >= MAX_CONFLICTS) {
              throw e;
            }
            BackOff.pause(conflicts);
          }
        }
      } catch (DataMovedException e) {
        if (attempt >= MAX_DATA_ATTEMPTS) {
          throw new LakeException("Cannot publish the data of " + where + ": other writers committed to the table "
              + "during each of " + MAX_DATA_ATTEMPTS + " attempts at its data work (" + e.getMessage() + "). Nothing "
              + "was published and the step's data is still pending: run 'mvn lake:migrate' again when writers "
              + "pause");
        }
      } finally {
        if (!published) {
          staging.discard(physical, branch);
        }
      }
    }
  }

  /**
   * Takes back the schema changes of a step whose data work failed, so the table is as it was before
   * the step; says what it did, for the message.
   */
  private <T> String takeBack(TableFormat<T> format, ResolvedTable table, int step) {
    if (step == 0) {
      return "the table was created by step 0 and is left empty, with the step's data pending; fix the migration "
          + "and run 'mvn lake:migrate' again";
    }
    for (int attempt = 1; attempt <= MAX_CONFLICTS; attempt++) {
      Optional<LiveTable<T>> live = format.load(physical(table));
      AppliedState state = live.map(LiveTable::state).orElse(AppliedState.NONE);
      if (live.isEmpty() || state.pendingStep().orElse(-1) != step) {
        return "another run changed the table meanwhile, so its schema was left as that run had it";
      }
      try {
        format.commit(new StepCommit<>(physical(table), step - 1, "step " + step + " of " + where(table),
            List.of(), replay(table, step), replay(table, step - 1), state, state.withoutDataPending(),
            Optional.empty(), Optional.of(live.get().version()), StepCommit.Kind.RESTORE));
        return "the step's schema changes were taken back, and the table is as it was before step " + step;
      } catch (ConcurrentCommitException e) {
        BackOff.pause(attempt);
      }
    }
    return "the step's schema changes could not be taken back (the table was too busy), so its data is pending; "
        + "fix the migration and run 'mvn lake:migrate' again";
  }

  private StepRecord record(ResolvedMigration migration, String event, Instant at) {
    return new StepRecord(migration.step().number(), migration.checksum(), event, at.toString(), user,
        migration.description(), migration.author(), migration.reason(), migration.step().isDestructive(), null);
  }

  private void checkDestructive(ResolvedMigration migration, MigrateOptions options) {
    if (migration.step().isDestructive() && !migration.markedDestructive() && !options.allowDestructive()) {
      List<String> drops = migration.step().changes().stream()
          .filter(c -> Lint.classify(c) == Lint.Risk.DESTRUCTIVE).map(Change::toString).toList();
      throw new LakeException("Refusing step " + migration.step().number() + " of "
          + environment.describe(migration.step().table()) + " in " + format.catalog() + ": it loses data ("
          + String.join(", ", drops) + ") but " + migration.className() + " is not marked @Migration(destructive = "
          + "true). Mark it once you are sure, or run with -Dlake.allowDestructive");
    }
  }

  /** The status of each selected table. */
  public List<TableStatus> status(TableFilter filter) {
    List<TableStatus> result = new ArrayList<>();
    for (ResolvedTable table : select(filter)) {
      result.add(status(table, format.load(physical(table)), null));
    }
    return result;
  }

  /** Every problem that status finds, one message each; empty when all is well. */
  public List<String> validate(TableFilter filter) {
    List<String> problems = new ArrayList<>();
    for (TableStatus status : status(filter)) {
      problems.addAll(status.problems());
    }
    return problems;
  }

  /** Each selected table's steps, applied and pending, with what the table records of each. */
  public List<TableHistory> history(TableFilter filter) {
    List<TableHistory> result = new ArrayList<>();
    for (ResolvedTable table : select(filter)) {
      Optional<? extends LiveTable<?>> live = format.load(physical(table));
      AppliedState state = live.isPresent() ? live.get().state() : AppliedState.NONE;
      List<TableHistory.Row> rows = new ArrayList<>();
      for (int step = 0; step <= Math.max(table.lastStep(), state.step()); step++) {
        Optional<StepRecord> recorded = state.record(step);
        if (step > table.lastStep()) {
          rows.add(new TableHistory.Row(step, TableHistory.State.MISSING, null,
              recorded.map(StepRecord::description).orElse(null), state.checksums().get(step), recorded));
          continue;
        }
        ResolvedMigration migration = table.migrations().get(step);
        String checksum = migration.checksum();
        TableHistory.State rowState = step <= state.step()
            ? (checksum.equals(state.checksums().get(step)) ? TableHistory.State.APPLIED : TableHistory.State.EDITED)
            : state.undone().containsKey(step) ? TableHistory.State.UNDONE : TableHistory.State.PENDING;
        rows.add(new TableHistory.Row(step, rowState, migration.className(), migration.description(), checksum,
            step <= state.step() || rowState == TableHistory.State.UNDONE ? recorded : Optional.empty()));
      }
      result.add(new TableHistory(table.name(), physical(table), live.isPresent(), state.step(), rows));
    }
    return result;
  }

  /**
   * Accepts the code of applied steps as edited on purpose: records the code's checksums, keeping
   * {@code reason} in the history, for each selected table whose checksums differ and whose live
   * model equals the replay of the edited steps. Checks every table first; repairs none when one
   * cannot be.
   *
   * @return the steps whose checksums were replaced, by table (tables with nothing to repair are left out)
   * @throws LakeException naming every table that cannot be repaired and what differs, side by side
   */
  public Map<TableName, List<Integer>> repair(TableFilter filter, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new LakeException("Repair needs a reason, kept in each repaired step's history: run again with "
          + "-Dlake.reason=\"...\"");
    }
    List<String> problems = new ArrayList<>();
    Map<TableName, List<Integer>> repaired = new TreeMap<>();
    List<Runnable> commits = new ArrayList<>();
    for (ResolvedTable table : select(filter)) {
      repair(format, table, reason, problems, repaired, commits);
    }
    if (!problems.isEmpty()) {
      throw new LakeException(String.join("\n", problems));
    }
    commits.forEach(Runnable::run);
    return repaired;
  }

  private <T> void repair(TableFormat<T> format, ResolvedTable table, String reason, List<String> problems,
      Map<TableName, List<Integer>> repaired, List<Runnable> commits) {
    String where = where(table);
    Optional<LiveTable<T>> found = format.load(physical(table));
    if (found.isEmpty() || found.get().state().isNone()) {
      return;
    }
    LiveTable<T> live = found.get();
    AppliedState state = live.state();
    if (state.step() > table.lastStep()) {
      problems.add("Cannot repair " + where + ": it records step " + state.step() + " but the code has steps 0 to "
          + table.lastStep() + " (restore the missing migration classes from version control)");
      return;
    }
    List<Integer> edited = new ArrayList<>();
    List<String> checksums = new ArrayList<>();
    for (int step = 0; step <= state.step(); step++) {
      String code = table.migrations().get(step).checksum();
      checksums.add(code);
      if (!code.equals(state.checksums().get(step))) {
        edited.add(step);
      }
    }
    if (edited.isEmpty()) {
      return;
    }
    List<String> differences = Sides.describe(replay(table, state.step()), "steps 0 to " + state.step()
        + " as the code has them now", live.model(), "the table", table.history().rules());
    if (!differences.isEmpty()) {
      problems.add("Cannot repair " + where + ": step(s) " + edited + " were edited and no longer describe the table: "
          + String.join("; ", differences) + ". Restore the edited migrations as they were applied, and put new "
          + "changes in a new step");
      return;
    }
    String why = reason.strip() + " (repaired by " + user + " at " + clock.instant() + ")";
    AppliedState next = state.repaired(checksums, why);
    StepCommit<T> commit = new StepCommit<>(physical(table), state.step(), "repair of " + where, List.of(),
        live.model(), live.model(), state, next, Optional.empty(), Optional.of(live.version()), StepCommit.Kind.RECORD);
    repaired.put(table.name(), edited);
    commits.add(() -> {
      try {
        format.commit(commit);
      } catch (ConcurrentCommitException e) {
        throw new LakeException("Cannot repair " + where + ": another run changed it meanwhile; run again", e);
      }
    });
  }

  /** What {@link #undo} did, or would do, to one table. */
  public record Undone(TableName table, int from, int to) {}

  /**
   * Takes each selected table back to its state after step {@code target}, when every later step can
   * be taken back without losing data (see {@link Reversal}): one commit per table that sets the earlier
   * model current again, keeping field ids, and records the state. Checks every table first; undoes none
   * when one cannot be.
   *
   * @param dryRun check and report only
   * @return what was undone (or would be, in a dry run), per table that was beyond the target
   * @throws LakeException naming each table and step that cannot be taken back, and why
   */
  public List<Undone> undo(TableFilter filter, int target, boolean dryRun) {
    if (target < 0) {
      throw new LakeException("Undo needs the step to go back to: run again with -Dlake.target=N (0 or more)");
    }
    List<ResolvedTable> selected = select(filter);
    List<String> problems = new ArrayList<>();
    List<Undone> undone = new ArrayList<>();
    for (ResolvedTable table : selected) {
      checkUndo(format, table, target, problems).ifPresent(undone::add);
    }
    if (!problems.isEmpty()) {
      throw new LakeException(String.join("\n", problems));
    }
    if (dryRun) {
      return undone;
    }
    List<Undone> done = new ArrayList<>();
    for (ResolvedTable table : selected) {
      undo(format, table, target).ifPresent(done::add);
    }
    return done;
  }

  /** What undoing one table, as it is now, would do, after checking it can be done. */
  private <T> Optional<Undone> checkUndo(TableFormat<T> format, ResolvedTable table, int target, List<String> problems) {
    return checkUndo(format, table, format.load(physical(table)), target, problems);
  }

  /**
   * What undoing one table, as {@code live} has it, would do, after checking it can be done; problems go
   * to {@code problems}.
   */
  private <T> Optional<Undone> checkUndo(TableFormat<T> format, ResolvedTable table, Optional<LiveTable<T>> live,
      int target, List<String> problems) {
    String where = where(table);
    if (target > table.lastStep()) {
      problems.add("Cannot undo " + where + " to step " + target + ": the code has steps 0 to " + table.lastStep());
      return Optional.empty();
    }
    if (live.isEmpty() || live.get().state().isNone()) {
      problems.add("Cannot undo " + where + ": " + (live.isEmpty() ? "the table does not exist"
          : "it records no Lake migration state"));
      return Optional.empty();
    }
    AppliedState state = live.get().state();
    TableStatus status = status(table, live, null);
    if (!status.problems().isEmpty()) {
      problems.add("Cannot undo " + where + ": " + String.join("; ", status.problems()));
      return Optional.empty();
    }
    if (state.step() <= target) {
      return Optional.empty();
    }
    Optional<String> unsupported = format.whyNoUndo();
    if (unsupported.isPresent()) {
      problems.add("Cannot undo " + where + ": " + unsupported.get());
      return Optional.empty();
    }
    for (int step = target + 1; step <= state.step(); step++) {
      ResolvedMigration migration = table.migrations().get(step);
      if (migration.hasCode() || migration.hasData()) {
        problems.add("Cannot undo step " + step + " of " + where + ": " + migration.className() + " runs "
            + (migration.hasData() ? "data work (@Sql or Spark code)" : "its own code (apply)") + ", which undo cannot "
            + "take back. Write a new step that reverses it");
        return Optional.empty();
      }
      for (Change change : migration.step().changes()) {
        Optional<String> why = Reversal.whyNot(change);
        if (why.isPresent()) {
          problems.add("Cannot undo step " + step + " of " + where + " (" + migration.className() + "): " + why.get()
              + ". Write a new step that reverses it instead");
          return Optional.empty();
        }
      }
    }
    return Optional.of(new Undone(table.name(), state.step(), target));
  }

  private <T> Optional<Undone> undo(TableFormat<T> format, ResolvedTable table, int target) {
    int conflicts = 0;
    while (true) {
      List<String> problems = new ArrayList<>();
      Optional<LiveTable<T>> found = format.load(physical(table));
      Optional<Undone> planned = checkUndo(format, table, found, target, problems);
      if (!problems.isEmpty()) {
        throw new LakeException(String.join("\n", problems));
      }
      if (planned.isEmpty()) {
        return Optional.empty();
      }
      LiveTable<T> live = found.orElseThrow();
      AppliedState state = live.state();
      StepCommit<T> commit = new StepCommit<>(physical(table), target, "undo of " + where(table) + " to step "
          + target, List.of(), replay(table, state.step()), replay(table, target), state,
          state.undoneTo(target, clock.instant().toString(), user), Optional.empty(), Optional.of(live.version()),
          StepCommit.Kind.RESTORE);
      try {
        format.commit(commit);
        return planned;
      } catch (ConcurrentCommitException e) {
        if (++conflicts > MAX_CONFLICTS) {
          throw new LakeException("Cannot undo " + where(table) + ": other writers committed first " + MAX_CONFLICTS
              + " times in a row; run again when the table is less busy", e);
        }
        BackOff.pause(conflicts);
      }
    }
  }

  /**
   * Adopts existing tables created outside Lake at {@code step}, after checking that each one's live
   * model equals the replay of steps 0 to {@code step}. Records the state only; changes nothing else.
   *
   * @return the tables adopted
   * @throws LakeException naming every table that cannot be adopted and why; none is adopted then
   */
  public List<TableName> baseline(TableFilter filter, int step) {
    List<ResolvedTable> selected = select(filter);
    List<String> problems = new ArrayList<>();
    List<Runnable> commits = new ArrayList<>();
    for (ResolvedTable table : selected) {
      baseline(format, table, step, problems, commits);
    }
    if (!problems.isEmpty()) {
      throw new LakeException(String.join("\n", problems));
    }
    commits.forEach(Runnable::run);
    return selected.stream().map(ResolvedTable::name).toList();
  }

  /** Checks one table for {@link #baseline}: a problem, or the commit that records its state. */
  private <T> void baseline(TableFormat<T> format, ResolvedTable table, int step, List<String> problems,
      List<Runnable> commits) {
    String where = where(table);
    if (step > table.lastStep()) {
      problems.add("Cannot baseline " + where + " at step " + step + ": the code has steps 0 to " + table.lastStep());
      return;
    }
    Optional<LiveTable<T>> found = format.load(physical(table));
    if (found.isEmpty()) {
      problems.add("Cannot baseline " + where + ": the table does not exist (run 'mvn lake:migrate' to create it)");
      return;
    }
    LiveTable<T> live = found.get();
    if (!live.state().isNone()) {
      problems.add("Cannot baseline " + where + ": it is already managed by Lake at step " + live.state().step());
      return;
    }
    TableModel expected = replay(table, step);
    List<String> differences = Sides.describe(expected, "steps 0 to " + step, live.model(), "the table",
        table.history().rules());
    if (!differences.isEmpty()) {
      problems.add("Cannot baseline " + where + " at step " + step + ": the table differs from steps 0 to " + step
          + ": " + String.join("; ", differences) + ". Baseline it at the step it matches (-Dlake.step), or make it "
          + "match first");
      return;
    }
    AppliedState state = AppliedState.NONE;
    Instant now = clock.instant();
    for (int i = 0; i <= step; i++) {
      state = state.next(record(table.migrations().get(i), StepRecord.BASELINE, now));
    }
    StepCommit<T> commit = new StepCommit<>(physical(table), step, "baseline of " + where + " at step " + step,
        List.of(), live.model(), live.model(), AppliedState.NONE, state, Optional.empty(), Optional.of(live.version()),
        StepCommit.Kind.RECORD);
    commits.add(() -> {
      try {
        format.commit(commit);
      } catch (ConcurrentCommitException e) {
        throw new LakeException("Cannot baseline " + where + ": another writer changed it meanwhile; run again", e);
      }
    });
  }

  /**
   * A table's status; {@code replayed} is the replay of its recorded steps when the caller has it
   * already, or null.
   */
  private TableStatus status(ResolvedTable table, Optional<? extends LiveTable<?>> live, TableModel replayed) {
    AppliedState state = live.isPresent() ? live.get().state() : AppliedState.NONE;
    String where = where(table);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i <= Math.min(state.step(), table.lastStep()); i++) {
      ResolvedMigration migration = table.migrations().get(i);
      String code = migration.checksum();
      String recorded = state.checksums().get(i);
      if (!code.equals(recorded)) {
        mismatches.add("Checksum mismatch for step " + i + " of " + where + ": applied " + recorded + ", code "
            + code + " (" + migration.className() + " was edited after it was applied; restore it as it was and put "
            + "new changes in a new step, or, if the edit changes nothing the table has, run 'mvn lake:repair "
            + "-Dlake.reason=...' to accept it)");
      }
    }
    int modelStep = state.pendingStep().orElse(state.step());
    List<String> unknown = new ArrayList<>();
    if (modelStep > table.lastStep()) {
      unknown.add(where + " records step " + modelStep + " but the code has steps 0 to " + table.lastStep()
          + " (a migration class is missing: restore it from version control)");
    } else if (state.pendingStep().isPresent()
        && !table.migrations().get(modelStep).checksum().equals(state.pendingChecksum())) {
      mismatches.add("Checksum mismatch for step " + modelStep + " of " + where + ", whose data is pending: applied "
          + state.pendingChecksum() + ", code " + table.migrations().get(modelStep).checksum() + " ("
          + table.migrations().get(modelStep).className() + " was edited after its schema changes were applied; "
          + "restore it as it was and put new changes in a new step)");
    }
    List<String> drift = List.of();
    String unmanaged = null;
    if (live.isPresent() && state.isNone()) {
      unmanaged = where + " exists but records no Lake migration state (created outside Lake): run "
          + "'mvn lake:baseline -Dlake.tables=" + table.name() + " -Dlake.step=N' to adopt it at the step it matches";
    } else if (live.isPresent() && unknown.isEmpty() && mismatches.isEmpty()) {
      // Live drift compares with the replay of the steps as applied: meaningless once one was edited.
      drift = differences(replayed != null ? replayed : replay(table, modelStep), live.get().model(),
          table.history().rules());
    }
    List<Integer> pending = new ArrayList<>();
    List<Integer> undone = new ArrayList<>();
    for (int i = state.step() + 1; i <= table.lastStep(); i++) {
      pending.add(i);
      if (state.undone().containsKey(i)) {
        undone.add(i);
      }
    }
    return new TableStatus(table.name(), physical(table), live.isPresent(), state.step(), table.lastStep(), pending,
        state.appliedAt(), state.appliedBy(), mismatches, unknown, drift, unmanaged, undone,
        state.pendingStep().orElse(-1), live.isPresent() ? live.get().staging() : List.of());
  }

  /**
   * What differs between the model Lake expects and the live table, as the changes that would take
   * one to the other. Properties the table has but Lake never set (a format's own defaults) are not
   * differences.
   */
  public static List<String> differences(TableModel expected, TableModel live, FormatRules rules) {
    return Diff.managed(expected, live, rules).stream().map(Change::toString).toList();
  }

  /** The model after steps 0 to {@code step}, with this catalog's placeholder values. */
  private TableModel replay(ResolvedTable table, int step) {
    return environment.resolve(table.history().replay(step));
  }

  private TableName physical(ResolvedTable table) {
    return environment.physical(table.name());
  }

  /** The table and catalog, for messages: {@code analytics.events (analytics_dev.events) in catalog 'dev' (jdbc)}. */
  private String where(ResolvedTable table) {
    return environment.describe(table.name()) + " in " + format.catalog();
  }

  private List<ResolvedTable> select(TableFilter filter) {
    List<ResolvedTable> selected = tables.values().stream()
        .filter(t -> environment.holds(t.name()) && filter.test(t.name())).toList();
    List<String> otherFormat = selected.stream().filter(t -> !t.format().equals(format.rules().format()))
        .map(t -> t.name() + " (" + t.format() + ")").toList();
    if (!otherFormat.isEmpty()) {
      throw new LakeException(format.catalog() + " holds " + format.rules().format() + " tables, not "
          + String.join(", ", otherFormat) + ": select a catalog of their format (-Dlake.catalog) or leave them "
          + "out (-Dlake.tables)");
    }
    if (selected.isEmpty()) {
      throw new LakeException(tables.isEmpty()
          ? "No Lake tables found: declare a table with @LakeTable and run 'mvn lake:generate' to write its first "
              + "migration"
          : "No table matches '" + filter + "' (tables: " + String.join(", ",
              tables.keySet().stream().filter(environment::holds).map(TableName::toString).toList()) + ")");
    }
    List<String> missing = new ArrayList<>();
    for (ResolvedTable table : selected) {
      missing.addAll(environment.missingValues(table, format.catalog()));
    }
    if (!missing.isEmpty()) {
      throw new LakeException(String.join("\n", missing));
    }
    return selected;
  }
}
