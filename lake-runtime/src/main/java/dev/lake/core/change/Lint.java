package dev.lake.core.change;

import java.util.Collection;

/** How risky a change is to apply to a table that holds data. */
public final class Lint {
  private Lint() {}

  /** Risk levels, from least to most. */
  public enum Risk {
    /** Metadata only; nothing can fail or be lost. */
    SAFE,
    /**
     * Can fail on existing data or change how the table behaves: requiring a column (fails where it
     * holds nulls), changing identifier columns (changes upsert keys), dropping a partition field.
     */
    NEEDS_CARE,
    /** Loses data: dropping a column. Applied only when the step is marked destructive. */
    DESTRUCTIVE
  }

  /** The risk of one change. */
  public static Risk classify(Change change) {
    if (change instanceof Change.DropColumn) {
      return Risk.DESTRUCTIVE;
    }
    if (change instanceof Change.RequireColumn || change instanceof Change.SetIdentifierColumns
        || change instanceof Change.DropPartitionField) {
      return Risk.NEEDS_CARE;
    }
    return Risk.SAFE;
  }

  /** The highest risk among the changes; {@link Risk#SAFE} for none. */
  public static Risk classify(Collection<? extends Change> changes) {
    Risk highest = Risk.SAFE;
    for (Change change : changes) {
      Risk risk = classify(change);
      if (risk.compareTo(highest) > 0) {
        highest = risk;
      }
    }
    return highest;
  }
}
