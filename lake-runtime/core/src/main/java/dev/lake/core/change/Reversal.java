package dev.lake.core.change;

import java.util.Optional;

/**
 * Whether a change can be taken back ({@code lake:undo}) by setting the table's earlier schema,
 * partitioning, sort order and properties current again, with no data lost or unreadable.
 */
public final class Reversal {
  private Reversal() {}

  /** Why the change cannot be taken back, or empty when it can. */
  public static Optional<String> whyNot(Change change) {
    return Optional.ofNullable(change.accept(WHY_NOT));
  }

  private static final Change.Visitor<String> WHY_NOT = new Change.Visitor<>() {
    @Override
    public String addColumn(Change.AddColumn change) {
      // The earlier schema hides the column; its values stay in the data files and come back with its field
      // id when the step is applied again.
      return null;
    }

    @Override
    public String dropColumn(Change.DropColumn change) {
      return "it drops column " + change.path() + ", whose data is gone";
    }

    @Override
    public String renameColumn(Change.RenameColumn change) {
      return null;
    }

    @Override
    public String updateColumnType(Change.UpdateColumnType change) {
      return "it widens " + change.path() + " to " + change.type() + ", and values written since may not fit the "
          + "narrower type";
    }

    @Override
    public String makeOptional(Change.MakeOptional change) {
      return "it makes " + change.path() + " optional, and rows written since may hold nulls that the required "
          + "column would refuse";
    }

    @Override
    public String requireColumn(Change.RequireColumn change) {
      return null;
    }

    @Override
    public String updateColumnDoc(Change.UpdateColumnDoc change) {
      return null;
    }

    @Override
    public String moveColumn(Change.MoveColumn change) {
      return null;
    }

    @Override
    public String addPartitionField(Change.AddPartitionField change) {
      return null;
    }

    @Override
    public String dropPartitionField(Change.DropPartitionField change) {
      return null;
    }

    @Override
    public String setSortOrder(Change.SetSortOrder change) {
      return null;
    }

    @Override
    public String setIdentifierColumns(Change.SetIdentifierColumns change) {
      return null;
    }

    @Override
    public String setProperty(Change.SetProperty change) {
      return null;
    }

    @Override
    public String removeProperty(Change.RemoveProperty change) {
      return null;
    }
  };
}
