package dev.lake.core.change;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows what a format keeps per column (an id, a physical name) through a step: a renamed column
 * keeps it under its new path, a dropped column loses it, and nothing else moves a column.
 */
public final class ColumnPaths {
  private ColumnPaths() {}

  /** {@code byPath} after the step's renames and drops, keyed by the paths they give. */
  public static <V> Map<String, V> carry(Map<String, V> byPath, List<Change> changes) {
    Map<String, V> result = new HashMap<>(byPath);
    Carry<V> carry = new Carry<>(result);
    changes.forEach(change -> change.accept(carry));
    return result;
  }

  private static boolean under(String path, String column) {
    return path.equals(column) || path.startsWith(column + ".");
  }

  private static final class Carry<V> implements Change.Visitor<Void> {
    private final Map<String, V> paths;

    Carry(Map<String, V> paths) {
      this.paths = paths;
    }

    @Override
    public Void dropColumn(Change.DropColumn change) {
      paths.keySet().removeIf(path -> under(path, change.path()));
      return null;
    }

    @Override
    public Void renameColumn(Change.RenameColumn change) {
      Map<String, V> renamed = new HashMap<>();
      paths.entrySet().removeIf(entry -> {
        if (under(entry.getKey(), change.path())) {
          renamed.put(change.newPath() + entry.getKey().substring(change.path().length()), entry.getValue());
          return true;
        }
        return false;
      });
      paths.putAll(renamed);
      return null;
    }

    @Override
    public Void addColumn(Change.AddColumn change) {
      return null;
    }

    @Override
    public Void updateColumnType(Change.UpdateColumnType change) {
      return null;
    }

    @Override
    public Void makeOptional(Change.MakeOptional change) {
      return null;
    }

    @Override
    public Void requireColumn(Change.RequireColumn change) {
      return null;
    }

    @Override
    public Void updateColumnDoc(Change.UpdateColumnDoc change) {
      return null;
    }

    @Override
    public Void moveColumn(Change.MoveColumn change) {
      return null;
    }

    @Override
    public Void addPartitionField(Change.AddPartitionField change) {
      return null;
    }

    @Override
    public Void dropPartitionField(Change.DropPartitionField change) {
      return null;
    }

    @Override
    public Void setSortOrder(Change.SetSortOrder change) {
      return null;
    }

    @Override
    public Void setIdentifierColumns(Change.SetIdentifierColumns change) {
      return null;
    }

    @Override
    public Void setProperty(Change.SetProperty change) {
      return null;
    }

    @Override
    public Void removeProperty(Change.RemoveProperty change) {
      return null;
    }
  }
}
