package dev.lake.core.engine;

import dev.lake.core.model.TableName;
import java.util.Map;

/**
 * What a format offers the data work of steps: a staging branch per attempt that readers of the
 * table's main branch do not see, published by a {@link StepCommit.Kind#PUBLISH} commit together
 * with the step's state (write-audit-publish). Formats without branches offer none.
 *
 * <p>The first attempt's branch is made by the commit that applies the step's schema changes and
 * records its data as pending ({@link StepCommit#branch()}), so that a data step costs one commit more
 * than its statements: the publication.
 *
 * @param <T> the format's hold on a loaded version of a table
 */
public interface DataStaging<T> {

  /**
   * The properties of an Iceberg catalog that reaches the same tables (those Lake opened the catalog
   * with): what an engine that runs the data work (Spark's {@code SparkCatalog}) is configured with.
   * May hold credentials: never print them.
   */
  Map<String, String> catalogProperties();

  /** The catalog's own name, which some catalogs (JDBC) key their tables by: Spark's catalog takes it. */
  String catalogName();

  /**
   * Creates {@code branch} at the table's current snapshot, so that the data work reads main's data
   * and writes beside it; at an empty snapshot of its own when the table has none yet.
   */
  void stage(TableName table, String branch);

  /** Removes {@code branch} if it is there: an attempt's data that will not be published. */
  void discard(TableName table, String branch);

  /**
   * What the data work wrote to {@code branch}, for people: rows and files added and removed.
   *
   * @param version the table as loaded after the work (see {@link LiveTable#version()})
   */
  String summary(T version, String branch);
}
