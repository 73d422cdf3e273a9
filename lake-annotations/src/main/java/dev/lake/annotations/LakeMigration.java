package dev.lake.annotations;

/**
 * Implemented by every {@link Migration} class. Most migrations are annotations only; override
 * {@link #apply(MigrationContext)} to run code inside the same step, such as a data backfill, which
 * then lands in the same atomic commit as the step's changes, or not at all.
 */
public interface LakeMigration {

  /**
   * Runs after the step's declared changes and before its commit. Throwing fails the step and leaves
   * the table as it was.
   *
   * @param context the table, the step and the table format's own handles
   * @throws Exception to fail the step
   */
  default void apply(MigrationContext context) throws Exception {}
}
