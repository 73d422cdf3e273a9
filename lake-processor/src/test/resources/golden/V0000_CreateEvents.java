package com.example.migrations.analytics.events;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.AddPartitionField;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;
import dev.lake.annotations.SetIdentifierColumns;
import dev.lake.annotations.SetProperty;
import dev.lake.annotations.SetSortOrder;

/**
 * Create events.
 *
 * <p>Changes, in the order they apply:
 * <ul>
 *   <li>{@code add column event_id long not null} (safe)
 *   <li>{@code add column ts timestamptz} (safe)
 *   <li>{@code add column name string comment 'what happened'} (safe)
 *   <li>{@code add column count int not null} (safe)
 *   <li>{@code add column device struct<os: string not null, model: string>} (safe)
 *   <li>{@code add column tags list<string>} (safe)
 *   <li>{@code add column attrs map<string, float>} (safe)
 *   <li>{@code add partition field identity(device.os)} (safe)
 *   <li>{@code add partition field day(ts)} (safe)
 *   <li>{@code set sort order ts desc nulls last} (safe)
 *   <li>{@code set identifier columns event_id} (needs care)
 *   <li>{@code set property 'write.format.default' = 'parquet'} (safe)
 * </ul>
 */
@Migration(
    table = "analytics.events",
    step = 0,
    author = "jdoe",
    reason = "ANA-142",
    description = "create events"
)
@AddColumn(
    name = "event_id",
    type = "long",
    required = true
)
@AddColumn(
    name = "ts",
    type = "timestamptz"
)
@AddColumn(
    name = "name",
    type = "string",
    doc = "what happened"
)
@AddColumn(
    name = "count",
    type = "int",
    required = true
)
@AddColumn(
    name = "device",
    type = "struct<os: string not null, model: string>"
)
@AddColumn(
    name = "tags",
    type = "list<string>"
)
@AddColumn(
    name = "attrs",
    type = "map<string, float>"
)
@AddPartitionField(
    source = "device.os",
    transform = "identity"
)
@AddPartitionField(
    source = "ts",
    transform = "day"
)
@SetSortOrder("ts desc nulls last")
@SetIdentifierColumns("event_id")
@SetProperty(
    key = "write.format.default",
    value = "parquet"
)
public final class V0000_CreateEvents implements LakeMigration {
}
