package dev.lake.testing;

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
import java.util.List;

/** A history of analytics.events that uses every operation, as a user would write it (for Iceberg's rules). */
public final class EventsMigrations {
  private EventsMigrations() {}

  public static final List<Class<?>> ALL = List.of(V0000_Create.class, V0001_Evolve.class, V0002_Drop.class,
      V0003_Backfill.class);

  @Migration(table = "analytics.events", step = 0, author = "jdoe", description = "create events")
  @AddColumn(name = "id", type = "long", required = true, doc = "event id")
  @AddColumn(name = "ts", type = "timestamptz")
  @AddColumn(name = "count", type = "int")
  @AddColumn(name = "name", type = "string", doc = "event name")
  @AddColumn(name = "device", type = "struct<os: string not null, model: string>", doc = "client device")
  @AddColumn(name = "tags", type = "list<string>")
  @AddColumn(name = "attrs", type = "map<string, float>")
  @AddColumn(name = "points", type = "list<struct<x: double not null>>")
  @AddColumn(name = "price", type = "decimal(9, 2)")
  @AddPartitionField(source = "ts", transform = "day")
  @AddPartitionField(source = "id", transform = "bucket[8]")
  @SetSortOrder({"ts desc", "id"})
  @SetIdentifierColumns("id")
  @SetProperty(key = "write.format.default", value = "parquet")
  @SetProperty(key = "owner", value = "analytics")
  public static final class V0000_Create implements LakeMigration {}

  @Migration(table = "analytics.events", step = 1, author = "jdoe", description = "evolve everything")
  @RenameColumn(from = "ts", to = "event_time")
  @RenameColumn(from = "device.os", to = "os_name")
  @UpdateColumnType(path = "count", type = "long")
  @UpdateColumnType(path = "attrs.value", type = "double")
  @UpdateColumnType(path = "price", type = "decimal(18, 2)")
  @MakeOptional("device.os_name")
  @RequireColumn("name")
  @UpdateColumnDoc(path = "name", doc = "what happened")
  @UpdateColumnDoc(path = "device", doc = "")
  @AddColumn(parent = "device", name = "locale", type = "string", after = "os_name")
  @AddColumn(parent = "points", name = "y", type = "double")
  @AddColumn(name = "source", type = "struct<app: string>", first = true)
  @AddColumn(parent = "source", name = "version", type = "int")
  @MoveColumn(path = "name", after = "id")
  @DropPartitionField("bucket[8](id)")
  @AddPartitionField(source = "name", transform = "truncate[4]")
  @SetSortOrder("event_time desc nulls first")
  @SetIdentifierColumns({"id", "name"})
  @SetProperty(key = "write.format.default", value = "orc")
  @RemoveProperty("owner")
  public static final class V0001_Evolve implements LakeMigration {}

  @Migration(table = "analytics.events", step = 2, author = "jdoe", description = "drop tags",
      destructive = true)
  @DropColumn("tags")
  @DropColumn("device.model")
  public static final class V0002_Drop implements LakeMigration {}

  @Migration(table = "analytics.events", step = 3, description = "mark backfilled")
  @AddColumn(name = "backfilled", type = "boolean")
  public static final class V0003_Backfill implements LakeMigration {}
}
