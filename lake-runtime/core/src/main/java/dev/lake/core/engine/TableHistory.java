package dev.lake.core.engine;

import dev.lake.core.model.TableName;
import java.util.List;
import java.util.Optional;

/**
 * One table's steps, applied and pending, as {@code lake:history} shows them: the code's steps joined
 * with what the table records of each.
 *
 * @param table the table
 * @param physical its name in the catalog
 * @param exists whether the table exists
 * @param appliedStep the last applied step, -1 for none
 * @param rows one per step, step 0 first: every step of the code, and any the table records beyond it
 */
public record TableHistory(TableName table, TableName physical, boolean exists, int appliedStep, List<Row> rows) {

  public TableHistory {
    rows = List.copyOf(rows);
  }

  /** A step's state in a catalog. */
  public enum State {
    /** Applied, with the code's checksum. */
    APPLIED,
    /** Applied, but its code was edited since (checksums differ): see {@code lake:repair}. */
    EDITED,
    /** Not applied yet. */
    PENDING,
    /** Applied once, then taken back by {@code lake:undo}; pending again. */
    UNDONE,
    /** Recorded by the table, but the code has no such step. */
    MISSING
  }

  /**
   * One step.
   *
   * @param step the step
   * @param state its state
   * @param className the migration class, or null when the code has no such step
   * @param description what the code says it does, or what the table recorded
   * @param checksum the code's checksum, or the recorded one when the code has no such step
   * @param recorded the table's record of the step, if its history still has one
   */
  public record Row(int step, State state, String className, String description, String checksum,
      Optional<StepRecord> recorded) {}
}
