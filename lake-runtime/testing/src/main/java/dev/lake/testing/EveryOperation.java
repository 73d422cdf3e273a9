package dev.lake.testing;

import dev.lake.core.change.Change;
import dev.lake.core.model.TableModel;
import java.util.List;

/** One change of each operation, for tests that every consumer of changes handles every operation. */
public final class EveryOperation {
  private EveryOperation() {}

  /** A table and one step of changes for it, all valid together as step 1. */
  public record Sample(TableModel before, List<Change> changes) {
    public Sample {
      changes = List.copyOf(changes);
    }
  }

  /** The table the samples apply to, as step 1. */
  public static final TableModel BEFORE = TableModel.builder("db.t")
      .required("id", "long").optional("ts", "timestamptz").optional("n", "int").optional("name", "string")
      .optional("s", "struct<a: string not null, b: string>").optional("gone", "string")
      .partition("bucket[4](id)").sort("id").identifier("id").property("owner", "x").build();

  /** One of each operation, all valid together as one step on {@link #BEFORE}. */
  public static final List<Change> SAMPLES = List.of(
      Change.AddColumn.of("", "added", "string", false, "doc", null, false),
      new Change.DropColumn("gone"),
      new Change.RenameColumn("ts", "event_time"),
      Change.UpdateColumnType.of("n", "long"),
      new Change.MakeOptional("s.a"),
      new Change.RequireColumn("name"),
      new Change.UpdateColumnDoc("name", "the name"),
      Change.MoveColumn.of("name", true, "", ""),
      Change.AddPartitionField.of("event_time", "day", null),
      new Change.DropPartitionField("bucket[4](id)"),
      Change.SetSortOrder.of("event_time desc"),
      new Change.SetIdentifierColumns(List.of("id", "name")),
      new Change.SetProperty("k", "v"),
      new Change.RemoveProperty("owner"));

  /** Every operation, on a table that has what each needs: for Iceberg's rules. */
  public static final Sample ALL = new Sample(BEFORE, SAMPLES);
}
