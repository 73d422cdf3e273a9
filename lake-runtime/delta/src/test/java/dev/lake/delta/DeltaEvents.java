package dev.lake.delta;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.AddPartitionField;
import dev.lake.annotations.DropColumn;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.MakeOptional;
import dev.lake.annotations.Migration;
import dev.lake.annotations.MoveColumn;
import dev.lake.annotations.RemoveProperty;
import dev.lake.annotations.RenameColumn;
import dev.lake.annotations.SetProperty;
import dev.lake.annotations.UpdateColumnDoc;
import dev.lake.annotations.UpdateColumnType;
import java.util.List;

/** A history of analytics.events that uses every operation Delta has, as a user would write it. */
final class DeltaEvents {
  private DeltaEvents() {}

  static final List<Class<?>> ALL = List.of(V0000_Create.class, V0001_Evolve.class, V0002_Drop.class,
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
  @AddColumn(name = "day", type = "date", required = true)
  @AddPartitionField(source = "day", transform = "identity")
  @SetProperty(key = "delta.appendOnly", value = "false")
  @SetProperty(key = "owner", value = "analytics")
  static final class V0000_Create implements LakeMigration {}

  @Migration(table = "analytics.events", step = 1, author = "jdoe", description = "evolve everything")
  @RenameColumn(from = "ts", to = "event_time")
  @RenameColumn(from = "device.os", to = "os_name")
  @UpdateColumnType(path = "count", type = "long")
  @UpdateColumnType(path = "attrs.value", type = "double")
  @UpdateColumnType(path = "price", type = "decimal(18, 4)")
  @MakeOptional("device.os_name")
  @UpdateColumnDoc(path = "name", doc = "what happened")
  @UpdateColumnDoc(path = "device", doc = "")
  @AddColumn(parent = "device", name = "locale", type = "string", after = "os_name")
  @AddColumn(parent = "points", name = "y", type = "double")
  @AddColumn(name = "source", type = "struct<app: string>", first = true)
  @AddColumn(parent = "source", name = "version", type = "int")
  @MoveColumn(path = "name", after = "id")
  @SetProperty(key = "delta.appendOnly", value = "true")
  @RemoveProperty("owner")
  static final class V0001_Evolve implements LakeMigration {}

  @Migration(table = "analytics.events", step = 2, author = "jdoe", description = "drop tags", destructive = true)
  @DropColumn("tags")
  @DropColumn("device.model")
  static final class V0002_Drop implements LakeMigration {}

  @Migration(table = "analytics.events", step = 3, description = "mark backfilled")
  @AddColumn(name = "backfilled", type = "boolean")
  static final class V0003_Backfill implements LakeMigration {}
}
