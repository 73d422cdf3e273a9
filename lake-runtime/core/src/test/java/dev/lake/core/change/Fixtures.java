package dev.lake.core.change;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.AddPartitionField;
import dev.lake.annotations.DropColumn;
import dev.lake.annotations.DropPartitionField;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.MakeOptional;
import dev.lake.annotations.Migration;
import dev.lake.annotations.MoveColumn;
import dev.lake.annotations.RemoveProperty;
import dev.lake.annotations.RenameColumn;
import dev.lake.annotations.RequireColumn;
import dev.lake.annotations.SetIdentifierColumns;
import dev.lake.annotations.SetProperty;
import dev.lake.annotations.SetSortOrder;
import dev.lake.annotations.UpdateColumnDoc;
import dev.lake.annotations.UpdateColumnType;

/** Migration classes as users write them, read by reflection in the tests. */
final class Fixtures {
  private Fixtures() {}

  /** The example of DESIGN §4. */
  @Migration(table = "analytics.events", step = 2, author = "jdoe",
      reason = "ANA-142 per-device funnels", description = "add device, rename ts, day partition")
  @RenameColumn(from = "ts", to = "event_time")
  @AddColumn(name = "device", type = "struct<os: string not null, model: string>", doc = "client device")
  @AddColumn(parent = "device", name = "locale", type = "string")
  @AddPartitionField(source = "event_time", transform = "day")
  @SetProperty(key = "write.parquet.compression-codec", value = "zstd")
  static final class V0002_AddDevice implements LakeMigration {}

  /** The same step, written in another order and format, with other metadata. */
  @Migration(table = "analytics.events", step = 2, author = "someone else", description = "reordered")
  @SetProperty(key = "write.parquet.compression-codec", value = "zstd")
  @AddPartitionField(source = " event_time ", transform = "DAY")
  @AddColumn(parent = "device", name = "locale", type = "STRING")
  @AddColumn(name = "device", type = "struct< os : string NOT NULL , model:string >", doc = "client device")
  @RenameColumn(from = "ts", to = "event_time")
  static final class V0002_Reordered implements LakeMigration {}

  /** One of every operation. */
  @Migration(table = "db.t", step = 1)
  @AddColumn(parent = "s", name = "n", type = "int", required = true, doc = "d", after = "s.a")
  @DropColumn("gone")
  @RenameColumn(from = "a", to = "b")
  @UpdateColumnType(path = "count", type = "long")
  @MakeOptional("x")
  @RequireColumn("y")
  @UpdateColumnDoc(path = "z", doc = "")
  @MoveColumn(path = "s.a", before = "c")
  @AddPartitionField(source = "id", transform = "bucket[16]", name = "shard")
  @DropPartitionField("day(ts)")
  @SetSortOrder({"ts desc", "id"})
  @SetIdentifierColumns({"id", "b"})
  @RemoveProperty("old")
  @SetProperty(key = "k", value = "v")
  static final class EveryOperation implements LakeMigration {}

  @Migration(table = "db.t", step = 1)
  @AddColumn(name = "c", type = "strin")
  static final class BadType implements LakeMigration {}

  @Migration(table = "db.t", step = 1)
  @MoveColumn(path = "c", first = true, after = "d")
  static final class TwoPositions implements LakeMigration {}

  @Migration(table = "db.t", step = 1)
  @SetProperty(key = "lake.migration.step", value = "9")
  static final class ReservedProperty implements LakeMigration {}
}
