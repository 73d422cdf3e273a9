package dev.lake.core.engine;

import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.MigrationContext;
import dev.lake.core.change.Change;
import dev.lake.core.diff.Diff;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableModel;
import dev.lake.core.model.TableName;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One commit for a format to make: a step's changes take the table from {@code before} to
 * {@code after}, and the commit records {@code next} as the table's state. A commit of state alone
 * (adopting a table at a step) has no changes and {@code before} equal to {@code after}.
 *
 * @param table the table
 * @param step the step whose state the commit records
 * @param where the table, step and catalog, for messages: {@code step 3 of db.t in catalog 'prod' (rest)}
 * @param changes the step's changes in canonical order; empty for a commit of state alone
 * @param before the model the table must have before the commit (empty for a new table)
 * @param after the model the table must have after it
 * @param expected the state the table must record for the commit to land
 * @param next the state to record
 * @param code the migration's own {@code apply} code, if it has any, with its class name
 * @param base the version the engine checked; empty when the table does not exist and the commit
 *     creates it
 * @param kind what the commit does to the table
 * @param branch the staging branch whose data a {@link Kind#PUBLISH} commit publishes, or that a commit
 *     recording a step's data as pending makes at main's current snapshot (when it has one); empty otherwise
 * @param <T> the format's hold on a loaded version
 */
public record StepCommit<T>(TableName table, int step, String where, List<Change> changes, TableModel before,
    TableModel after, AppliedState expected, AppliedState next, Optional<Code> code, Optional<T> base, Kind kind,
    Optional<String> branch) {

  /** What a commit does to the table. */
  public enum Kind {
    /** Applies the step's changes. */
    APPLY,
    /**
     * Applies a step that {@code lake:undo} took back, unchanged since: a format that keeps earlier
     * schemas sets the one the step had current again, so its columns get their field ids (and data)
     * back; otherwise as {@link #APPLY}.
     */
    REAPPLY,
    /** Records state alone; the table's model does not change ({@code before} equals {@code after}). */
    RECORD,
    /**
     * Puts the table back to {@code after}, a model it had before, keeping field ids: {@code lake:undo}.
     * A format that cannot refuses with a {@link LakeException} saying why.
     */
    RESTORE,
    /**
     * Publishes the data work of the step whose data is pending: main takes the head of
     * {@link #branch()} when main's current snapshot is still where the branch started (a fast-forward),
     * the staging branches of the step are removed, and {@code next} is recorded, all in one commit.
     * The model does not change. A format without {@link TableFormat#dataStaging()} refuses it.
     *
     * @throws DataMovedException when main moved on since the branch started: nothing was published
     */
    PUBLISH
  }

  /** A commit that publishes no data. */
  public StepCommit(TableName table, int step, String where, List<Change> changes, TableModel before,
      TableModel after, AppliedState expected, AppliedState next, Optional<Code> code, Optional<T> base, Kind kind) {
    this(table, step, where, changes, before, after, expected, next, code, base, kind, Optional.empty());
  }

  /** A migration's own {@code apply} code. */
  public record Code(String className, LakeMigration migration) {}

  public StepCommit {
    Objects.requireNonNull(table, "table");
    changes = List.copyOf(changes);
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(branch, "branch");
    if (kind == Kind.PUBLISH ? branch.isEmpty()
        : branch.isPresent() && (next.pendingStep().isEmpty() || expected.pendingStep().isPresent())) {
      throw new IllegalArgumentException("A commit names a branch when it publishes one or stages a step's data");
    }
    if (base.isEmpty() && !expected.isNone()) {
      throw new IllegalArgumentException("A commit that creates " + table + " must expect no state");
    }
  }

  /** Whether this commit creates the table. */
  public boolean creates() {
    return base.isEmpty();
  }

  /**
   * Checks the version the commit starts from, as it is in the catalog: it must still record the
   * expected state (else another run got there first) and have the model the step starts from (else it
   * was changed outside Lake).
   *
   * @param properties the version's properties, Lake's state among them
   * @param model the version's model
   * @throws ConcurrentCommitException when it records another state
   * @throws LakeException when it was changed outside Lake
   */
  public void checkBase(Map<String, String> properties, TableModel model, FormatRules rules) {
    checkBase(AppliedState.fromProperties(table.toString(), properties), model, rules);
  }

  /**
   * {@link #checkBase(Map, TableModel, FormatRules)} with the state already read off the version's
   * properties.
   */
  public void checkBase(AppliedState state, TableModel model, FormatRules rules) {
    if (!state.equals(expected)) {
      throw new ConcurrentCommitException("The migration state of " + table + " changed", null);
    }
    List<Change> drift = Diff.managed(before, model, rules);
    if (!drift.isEmpty()) {
      throw new LakeException("Cannot apply " + where + ": the table was changed outside Lake ("
          + String.join("; ", drift.stream().map(Change::toString).toList()) + ")");
    }
  }

  /**
   * Refuses to commit anything but the model the step must produce.
   *
   * @param result the model the format is about to commit
   * @param format the format's name, for the message
   */
  public void checkResult(TableModel result, FormatRules rules, String format) {
    List<Change> differences = Diff.managed(after, result, rules);
    if (!differences.isEmpty()) {
      throw new IllegalStateException("Refusing to commit " + where + ": the " + format + " table would differ from "
          + "the step's model by: " + String.join("; ", differences.stream().map(Change::toString).toList()));
    }
  }

  /**
   * Runs the migration's own code, if it has any, with a context whose {@code unwrap} hands out the
   * first of {@code offered} of the type asked for.
   *
   * @throws LakeException when the code fails; the message says nothing was committed, which the
   *     format must make true by committing nothing after it
   */
  public void runCode(Object... offered) {
    if (code.isEmpty()) {
      return;
    }
    MigrationContext context = new MigrationContext() {
      @Override
      public String table() {
        return table.toString();
      }

      @Override
      public int step() {
        return step;
      }

      @Override
      public <C> C unwrap(Class<C> type) {
        for (Object candidate : offered) {
          if (type.isInstance(candidate)) {
            return type.cast(candidate);
          }
        }
        throw new IllegalArgumentException("This table format offers " + (offered.length == 0 ? "nothing"
            : Arrays.stream(offered).map(o -> o.getClass().getName()).collect(Collectors.joining(", "))) + ", not "
            + type.getName());
      }
    };
    try {
      code.get().migration().apply(context);
    } catch (Exception e) {
      throw new LakeException("Cannot apply " + where + ": " + code.get().className() + ".apply failed: " + e
          + " (nothing was committed)", e);
    }
  }
}
