package dev.lake.core.engine;

import dev.lake.core.model.TableName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a migration run did.
 *
 * @param applied the steps this run applied, in the order they landed per table
 * @param planned in a dry run, the steps that would be applied
 * @param failures the tables that failed: a message for people, with the cause when the failure was
 *     unexpected
 */
public record MigrateResult(List<Applied> applied, List<Planned> planned, Map<TableName, LakeException> failures) {

  /**
   * A step this run applied, or adopted: recorded without changing the table, which already had its
   * result.
   *
   * @param data what the step's data work wrote, for people, or null for a step without data work
   */
  public record Applied(TableName table, int step, String description, Duration took, boolean adopted,
      String data) {
    public Applied(TableName table, int step, String description, Duration took, boolean adopted) {
      this(table, step, description, took, adopted, null);
    }
  }

  /**
   * A step a dry run would apply, with its changes in DDL-like words, or adopt (record without
   * changing the table).
   */
  public record Planned(TableName table, int step, String description, List<String> changes, boolean adopted) {}

  public MigrateResult {
    applied = List.copyOf(applied);
    planned = List.copyOf(planned);
    failures = Map.copyOf(failures);
  }

  public boolean success() {
    return failures.isEmpty();
  }

  /** The failures' messages, by table. */
  public Map<TableName, String> messages() {
    Map<TableName, String> messages = new TreeMap<>();
    failures.forEach((table, failure) -> messages.put(table, failure.getMessage()));
    return messages;
  }
}
