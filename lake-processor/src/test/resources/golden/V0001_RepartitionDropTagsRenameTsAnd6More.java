package com.example.migrations.analytics.events;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.AddPartitionField;
import dev.lake.annotations.DropColumn;
import dev.lake.annotations.DropPartitionField;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.MakeOptional;
import dev.lake.annotations.Migration;
import dev.lake.annotations.RenameColumn;
import dev.lake.annotations.SetProperty;
import dev.lake.annotations.SetSortOrder;
import dev.lake.annotations.UpdateColumnType;

/**
 * Repartition, drop tags, rename ts and 6 more.
 *
 * <p>Changes, in the order they apply:
 * <ul>
 *   <li>{@code drop partition field day(ts)} (needs care)
 *   <li>{@code drop partition field identity(device.os)} (needs care)
 *   <li>{@code drop column tags} (destructive)
 *   <li>{@code rename column ts to event_time} (safe)
 *   <li>{@code alter column device.os drop not null} (safe)
 *   <li>{@code alter column attrs.value type double} (safe)
 *   <li>{@code alter column count type long} (safe)
 *   <li>{@code add column device.locale string} (safe)
 *   <li>{@code add partition field bucket[16](event_id)} (safe)
 *   <li>{@code add partition field hour(event_time)} (safe)
 *   <li>{@code set sort order event_time asc nulls first} (safe)
 *   <li>{@code set property 'owner' = 'analytics'} (safe)
 *   <li>{@code set property 'write.format.default' = 'orc'} (safe)
 * </ul>
 */
@Migration(
    table = "analytics.events",
    step = 1,
    author = "jdoe",
    reason = "ANA-142",
    description = "repartition, drop tags, rename ts and 6 more",
    destructive = true
)
@DropPartitionField("day(ts)")
@DropPartitionField("identity(device.os)")
@DropColumn("tags")
@RenameColumn(
    from = "ts",
    to = "event_time"
)
@MakeOptional("device.os")
@UpdateColumnType(
    path = "attrs.value",
    type = "double"
)
@UpdateColumnType(
    path = "count",
    type = "long"
)
@AddColumn(
    parent = "device",
    name = "locale",
    type = "string"
)
@AddPartitionField(
    source = "event_id",
    transform = "bucket[16]"
)
@AddPartitionField(
    source = "event_time",
    transform = "hour"
)
@SetSortOrder("event_time asc nulls first")
@SetProperty(
    key = "owner",
    value = "analytics"
)
@SetProperty(
    key = "write.format.default",
    value = "orc"
)
public final class V0001_RepartitionDropTagsRenameTsAnd6More implements LakeMigration {
}
