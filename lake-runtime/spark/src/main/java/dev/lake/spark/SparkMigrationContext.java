package dev.lake.spark;

import org.apache.spark.sql.SparkSession;

/** What a {@link SparkMigration} works with while its step's data work runs. */
public interface SparkMigrationContext {

  /** The session. */
  SparkSession spark();

  /**
   * The identifier of the step's staging branch of the table in {@link #spark()}, quoted, such as
   * {@code `lake`.`shop`.`orders`.`branch_lake_step_3_1f2e`}: reads see main's data plus what this work
   * wrote, writes land on the branch, which Lake publishes with the step.
   */
  String table();

  /** The step being applied. */
  int step();
}
