package dev.lake.core.engine;

import dev.lake.core.model.TableName;
import java.util.Optional;

/**
 * A table format in a catalog (Iceberg; later Delta Lake), as the engine sees it. Implementations
 * live in their own packages; the engine knows only this interface.
 */
public interface TableFormat extends AutoCloseable {

  /** The catalog, for messages: such as {@code catalog 'prod' (rest)}. Never holds a secret. */
  String catalog();

  /**
   * The table as it is now, or empty when it does not exist.
   *
   * @throws LakeException when the catalog cannot be reached
   */
  Optional<LiveTable> load(TableName table);

  /**
   * Applies one step as one atomic commit, state included. Step 0 creates the table. The commit
   * starts from {@link StepCommit#base()} when the engine hands one back from {@link #load}.
   *
   * @throws ConcurrentCommitException when another writer committed first (nothing was applied)
   * @throws LakeException when the step cannot apply to this table (nothing was applied)
   */
  void commit(StepCommit commit);

  /**
   * Records {@code next} as the state of an existing table, changing nothing else, as one commit.
   *
   * @throws ConcurrentCommitException when the table no longer records {@code expected}
   */
  void recordState(TableName table, AppliedState expected, AppliedState next);

  @Override
  default void close() {}
}
