package dev.lake.core.engine;

import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableName;
import java.util.Optional;

/**
 * The tables of one format in one catalog, as the engine sees them. Implementations live in their
 * format's module and are opened by its {@link TableFormatProvider}; the engine knows only this
 * interface.
 *
 * @param <T> the format's hold on one loaded version of a table, handed back on commit so that a step
 *     commits on exactly the version the engine checked
 */
public interface TableFormat<T> extends AutoCloseable {

  /** The catalog, for messages: such as {@code catalog 'prod' (rest)}. Never holds a secret. */
  String catalog();

  /** The rules of this format; equal to {@link FormatRules#of} of its name. */
  FormatRules rules();

  /**
   * The table as it is now, or empty when it does not exist.
   *
   * @throws LakeException when the catalog cannot be reached or the table's state is unreadable
   */
  Optional<LiveTable<T>> load(TableName table);

  /**
   * Commits a step, or a change of state alone, as one atomic commit: the step's changes and the
   * state {@link StepCommit#next()} together. Creates the table when {@link StepCommit#base()} is empty.
   * The commit is a compare-and-swap on the base: it lands only if the table is still at that version.
   *
   * @throws ConcurrentCommitException when another writer committed first (nothing was applied)
   * @throws LakeException when the step cannot apply to this table (nothing was applied)
   */
  void commit(StepCommit<T> commit);

  /**
   * Why this format cannot take tables back to an earlier step ({@code lake:undo}), or empty when it
   * can: a commit of {@link StepCommit.Kind#RESTORE} then sets an earlier model current again.
   */
  default Optional<String> whyNoUndo() {
    return Optional.empty();
  }

  /**
   * What this format offers the data work of steps, or empty when it cannot run data steps (then
   * {@link #whyNoData()} says why). A format that offers it handles {@link StepCommit.Kind#PUBLISH}.
   */
  default Optional<DataStaging<T>> dataStaging() {
    return Optional.empty();
  }

  /** Why this format cannot run the data work of steps; empty when it can. */
  default Optional<String> whyNoData() {
    return dataStaging().isPresent() ? Optional.empty()
        : Optional.of(rules().format() + " tables cannot run data steps in Lake yet (their data would not be "
            + "published atomically with the step)");
  }

  @Override
  default void close() {}
}
