package dev.lake.annotations;

/** What a {@link LakeMigration#apply(MigrationContext)} hook can use while its step is applied. */
public interface MigrationContext {

  /** The table's qualified name. */
  String table();

  /** The step being applied. */
  int step();

  /**
   * A handle of the table format, such as Iceberg's {@code org.apache.iceberg.Transaction}: work done
   * through it commits together with the step.
   *
   * @param type the handle's type
   * @throws IllegalArgumentException when the table format offers no handle of that type
   */
  <T> T unwrap(Class<T> type);
}
