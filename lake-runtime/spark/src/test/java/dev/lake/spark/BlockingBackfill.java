package dev.lake.spark;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A backfill that is not idempotent ({@code n = n + 1}). With {@code lake.test.block} set to a file, it
 * creates the file once its write to the staging branch has landed and then waits to be killed.
 */
public final class BlockingBackfill implements SparkMigration {
  @Override
  public void apply(SparkMigrationContext context) throws Exception {
    context.spark().sql("UPDATE " + context.table() + " SET n = n + 1");
    String block = System.getProperty("lake.test.block");
    if (block != null) {
      Files.writeString(Path.of(block), "written");
      Thread.sleep(600_000);
    }
  }
}
