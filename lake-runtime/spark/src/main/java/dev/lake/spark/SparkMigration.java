package dev.lake.spark;

import dev.lake.annotations.LakeMigration;

/**
 * A migration whose data work is Spark code: {@link #apply(SparkMigrationContext)} runs after the
 * step's schema changes and its {@code @Sql} statements, on the step's staging branch, and what it
 * writes is published together with the step's state, or not at all.
 *
 * <pre>{@code
 * @Migration(table = "shop.orders", step = 3, description = "split name")
 * @AddColumn(name = "first_name", type = "string")
 * public final class V0003_SplitName implements SparkMigration {
 *   public void apply(SparkMigrationContext context) {
 *     context.spark().sql("UPDATE " + context.table() + " SET first_name = split(name, ' ')[0]");
 *   }
 * }
 * }</pre>
 *
 * <p>Unlike {@code @Sql} text, this code is not covered by the step's checksum: editing it after the
 * step was applied goes unnoticed. Put the data work in {@code @Sql} where SQL can say it.
 */
public interface SparkMigration extends LakeMigration {

  /**
   * Runs the step's data work. Throwing fails the step: nothing is published.
   *
   * @param context the Spark session, and the table's identifier in it
   * @throws Exception to fail the step
   */
  void apply(SparkMigrationContext context) throws Exception;
}
