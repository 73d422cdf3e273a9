package dev.lake.core.change;

import dev.lake.core.model.TableName;

/**
 * A step that breaks a rule: its changes contradict each other, or applying them breaks a table rule.
 * The message names the table, the step and the rule: {@code analytics.events step 3: Cannot change
 * column type: count: long -> int (...)}.
 */
public class StepException extends IllegalArgumentException {
  private final TableName table;
  private final int step;
  private final String problem;

  public StepException(TableName table, int step, String problem) {
    super(table + " step " + step + ": " + problem);
    this.table = table;
    this.step = step;
    this.problem = problem;
  }

  public TableName table() {
    return table;
  }

  public int step() {
    return step;
  }

  /** The problem without the table and step. */
  public String problem() {
    return problem;
  }
}
