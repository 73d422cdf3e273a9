package dev.lake.core.engine;

import dev.lake.core.change.Change;
import dev.lake.core.change.Lint;
import dev.lake.core.diff.Diff;
import dev.lake.core.diff.Sides;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.TableName;
import dev.lake.core.replay.Replay;
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

  private final TableFormat<?> format;
  private final Map<TableName, ResolvedTable> tables;
  private final ClassLoader loader;
  private final Clock clock;
  private final String user;

  public Engine(TableFormat<?> format, Map<TableName, ResolvedTable> tables, ClassLoader loader, Clock clock,
      String user) {
    this.format = format;
    this.tables = new TreeMap<>(tables);
    this.loader = loader;
    this.clock = clock;
    this.user = user;
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
            failures.put(table.name(), new LakeException("Cannot migrate " + table.name() + " in " + format.catalog()
                + ": " + e, e));
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
    if (options.target() > table.lastStep()) {
      throw new LakeException("Cannot migrate " + table.name() + " in " + format.catalog() + " to step "
          + options.target() + ": the code has steps 0 to " + table.lastStep() + " (check -Dlake.target)");
    }
    int last = options.target() < 0 ? table.lastStep() : options.target();
    int conflicts = 0;
    while (true) {
      Optional<LiveTable<T>> live = format.load(table.name());
      AppliedState state = live.map(LiveTable::state).orElse(AppliedState.NONE);
      // What the recorded steps give: status checks the live table against it; the next step starts from it.
      TableModel replayed = state.step() <= table.lastStep() ? table.history().replay(state.step()) : null;
      TableStatus status = status(table, live, replayed);
      if (!status.problems().isEmpty()) {
        throw new LakeException("Cannot migrate " + table.name() + " in " + format.catalog() + ": "
            + String.join("; ", status.problems()));
      }
      int next = state.step() + 1;
      if (options.target() >= 0 && state.step() > options.target()) {
        throw new LakeException("Cannot migrate " + table.name() + " in " + format.catalog() + " to step "
            + options.target() + ": it is at step " + state.step() + ", and migrate never takes a table back; to undo "
            + "a step, write a new step that reverses it");
      }
      if (next > last) {
        return;
      }
      if (options.dryRun()) {
        for (int step = next; step <= last; step++) {
          ResolvedMigration migration = table.migrations().get(step);
          checkDestructive(migration, options);
          planned.add(new MigrateResult.Planned(table.name(), step, migration.description(),
              migration.step().changes().stream().map(Change::toString).toList()));
        }
        return;
      }
      ResolvedMigration migration = table.migrations().get(next);
      checkDestructive(migration, options);
      TableModel before = replayed;
      TableModel after = Replay.apply(before, migration.step(), table.history().rules());
      Optional<StepCommit.Code> code = migration.hasCode()
          ? Optional.of(new StepCommit.Code(migration.className(), migration.instantiate(loader))) : Optional.empty();
      Instant start = clock.instant();
      AppliedState nextState = state.next(migration.step().checksum(), start.toString(), user);
      try {
        format.commit(new StepCommit<>(table.name(), next, "step " + next + " of " + table.name() + " in "
            + format.catalog(), migration.step().changes(), before, after, state, nextState, code,
            live.map(LiveTable::version)));
        conflicts = 0;
        MigrateResult.Applied step = new MigrateResult.Applied(table.name(), next, migration.description(),
            Duration.between(start, clock.instant()));
        applied.accept(step);
        onApplied.accept(step);
      } catch (ConcurrentCommitException e) {
        if (++conflicts > MAX_CONFLICTS) {
          throw new LakeException("Cannot migrate " + table.name() + " step " + next + " in " + format.catalog()
              + ": other writers committed first " + MAX_CONFLICTS + " times in a row; run again when the table is "
              + "less busy", e);
        }
        backOff(conflicts);
      }
    }
  }

  private void checkDestructive(ResolvedMigration migration, MigrateOptions options) {
    if (migration.step().isDestructive() && !migration.markedDestructive() && !options.allowDestructive()) {
      List<String> drops = migration.step().changes().stream()
          .filter(c -> Lint.classify(c) == Lint.Risk.DESTRUCTIVE).map(Change::toString).toList();
      throw new LakeException("Refusing step " + migration.step().number() + " of " + migration.step().table()
          + " in " + format.catalog() + ": it loses data (" + String.join(", ", drops) + ") but "
          + migration.className() + " is not marked @Migration(destructive = true). Mark it once you are sure, or "
          + "run with -Dlake.allowDestructive");
    }
  }

  private static void backOff(int conflicts) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5 * Math.min(conflicts, 20) + 2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LakeException("Migration interrupted", e);
    }
  }

  /** The status of each selected table. */
  public List<TableStatus> status(TableFilter filter) {
    List<TableStatus> result = new ArrayList<>();
    for (ResolvedTable table : select(filter)) {
      result.add(status(table, format.load(table.name()), null));
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
    String where = table.name() + " in " + format.catalog();
    if (step > table.lastStep()) {
      problems.add("Cannot baseline " + where + " at step " + step + ": the code has steps 0 to " + table.lastStep());
      return;
    }
    Optional<LiveTable<T>> found = format.load(table.name());
    if (found.isEmpty()) {
      problems.add("Cannot baseline " + where + ": the table does not exist (run 'mvn lake:migrate' to create it)");
      return;
    }
    LiveTable<T> live = found.get();
    if (!live.state().isNone()) {
      problems.add("Cannot baseline " + where + ": it is already managed by Lake at step " + live.state().step());
      return;
    }
    TableModel expected = table.history().replay(step);
    List<String> differences = Sides.describe(expected, "steps 0 to " + step, live.model(), "the table",
        table.history().rules());
    if (!differences.isEmpty()) {
      problems.add("Cannot baseline " + where + " at step " + step + ": the table differs from steps 0 to " + step
          + ": " + String.join("; ", differences) + ". Baseline it at the step it matches (-Dlake.step), or make it "
          + "match first");
      return;
    }
    AppliedState state = AppliedState.NONE;
    for (int i = 0; i <= step; i++) {
      state = state.next(table.migrations().get(i).step().checksum(), clock.instant().toString(), user);
    }
    StepCommit<T> commit = new StepCommit<>(table.name(), step, "baseline of " + where + " at step " + step,
        List.of(), live.model(), live.model(), AppliedState.NONE, state, Optional.empty(), Optional.of(live.version()));
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
    String where = table.name() + " in " + format.catalog();
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i <= Math.min(state.step(), table.lastStep()); i++) {
      ResolvedMigration migration = table.migrations().get(i);
      String code = migration.step().checksum();
      String recorded = state.checksums().get(i);
      if (!code.equals(recorded)) {
        mismatches.add("Checksum mismatch for step " + i + " of " + where + ": applied " + recorded + ", code "
            + code + " (" + migration.className() + " was edited after it was applied; restore it as it was, and "
            + "put new changes in a new step)");
      }
    }
    List<String> unknown = new ArrayList<>();
    if (state.step() > table.lastStep()) {
      unknown.add(where + " records step " + state.step() + " but the code has steps 0 to " + table.lastStep()
          + " (a migration class is missing: restore it from version control)");
    }
    List<String> drift = List.of();
    String unmanaged = null;
    if (live.isPresent() && state.isNone()) {
      unmanaged = where + " exists but records no Lake migration state (created outside Lake): run "
          + "'mvn lake:baseline -Dlake.tables=" + table.name() + " -Dlake.step=N' to adopt it at the step it matches";
    } else if (live.isPresent() && unknown.isEmpty() && mismatches.isEmpty()) {
      // Live drift compares with the replay of the steps as applied: meaningless once one was edited.
      drift = differences(replayed != null ? replayed : table.history().replay(state.step()), live.get().model(),
          table.history().rules());
    }
    List<Integer> pending = new ArrayList<>();
    for (int i = state.step() + 1; i <= table.lastStep(); i++) {
      pending.add(i);
    }
    return new TableStatus(table.name(), live.isPresent(), state.step(), table.lastStep(), pending, state.appliedAt(),
        state.appliedBy(), mismatches, unknown, drift, unmanaged);
  }

  /**
   * What differs between the model Lake expects and the live table, as the changes that would take
   * one to the other. Properties the table has but Lake never set (a format's own defaults) are not
   * differences.
   */
  public static List<String> differences(TableModel expected, TableModel live, FormatRules rules) {
    return Diff.managed(expected, live, rules).stream().map(Change::toString).toList();
  }

  private List<ResolvedTable> select(TableFilter filter) {
    List<ResolvedTable> selected = tables.values().stream().filter(t -> filter.test(t.name())).toList();
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
              tables.keySet().stream().map(TableName::toString).toList()) + ")");
    }
    return selected;
  }
}
