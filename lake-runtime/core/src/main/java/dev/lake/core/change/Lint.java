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
    return change.accept(RISK);
  }

  private static final Change.Visitor<Risk> RISK = new Change.Visitor<>() {
    @Override
    public Risk addColumn(Change.AddColumn change) {
      return Risk.SAFE;
    }

    @Override
    public Risk dropColumn(Change.DropColumn change) {
      return Risk.DESTRUCTIVE;
    }

    @Override
    public Risk renameColumn(Change.RenameColumn change) {
      return Risk.SAFE;
    }

    @Override
    public Risk updateColumnType(Change.UpdateColumnType change) {
      return Risk.SAFE;
    }

    @Override
    public Risk makeOptional(Change.MakeOptional change) {
      return Risk.SAFE;
    }

    @Override
    public Risk requireColumn(Change.RequireColumn change) {
      return Risk.NEEDS_CARE;
    }

    @Override
    public Risk updateColumnDoc(Change.UpdateColumnDoc change) {
      return Risk.SAFE;
    }

    @Override
    public Risk moveColumn(Change.MoveColumn change) {
      return Risk.SAFE;
    }

    @Override
    public Risk addPartitionField(Change.AddPartitionField change) {
      return Risk.SAFE;
    }

    @Override
    public Risk dropPartitionField(Change.DropPartitionField change) {
      return Risk.NEEDS_CARE;
    }

    @Override
    public Risk setSortOrder(Change.SetSortOrder change) {
      return Risk.SAFE;
    }

    @Override
    public Risk setIdentifierColumns(Change.SetIdentifierColumns change) {
      return Risk.NEEDS_CARE;
    }

    @Override
    public Risk setProperty(Change.SetProperty change) {
      return Risk.SAFE;
    }

    @Override
    public Risk removeProperty(Change.RemoveProperty change) {
      return Risk.SAFE;
    }
  };

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
