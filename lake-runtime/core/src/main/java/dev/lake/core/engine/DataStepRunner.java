package dev.lake.core.engine;

/**
 * Runs the data work of steps ({@code @Sql}, {@code SparkMigration}) on an engine such as Spark. The
 * Lake engine stages, publishes and takes back; a runner only runs the work, on the branch it is given.
 * Opened by a {@link DataStepRunnerProvider}.
 */
public interface DataStepRunner extends AutoCloseable {

  /**
   * Starts what the runner needs (a Spark session, a worker JVM), if it has not yet: called before a
   * data step changes anything, so that a runner that cannot start fails the step while the table is
   * as it was.
   *
   * @throws LakeException when it cannot start
   */
  default void start() {}

  /**
   * Runs one attempt of a step's data work, writing only to {@link DataWork#branch()}.
   *
   * @throws LakeException when a statement or the code fails: the message names the migration class,
   *     the statement and the engine's own message
   */
  void run(DataWork work);

  @Override
  default void close() {}
}
