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
 *   <li>add column event_id long not null (safe)
 *   <li>add column ts timestamptz (safe)
 *   <li>add column name string comment 'what happened' after ts (safe)
 *   <li>add column count int not null after name (safe)
 *   <li>add column device struct&lt;os: string not null, model: string&gt; after count (safe)
 *   <li>add column tags list&lt;string&gt; after device (safe)
 *   <li>add column attrs map&lt;string, float&gt; after tags (safe)
 *   <li>add partition field identity(device.os) (safe)
 *   <li>add partition field day(ts) (safe)
 *   <li>set sort order ts desc nulls last (safe)
 *   <li>set identifier columns event_id (needs care)
 *   <li>set property 'write.format.default' = 'parquet' (safe)
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
    doc = "what happened",
    after = "ts"
)
@AddColumn(
    name = "count",
    type = "int",
    required = true,
    after = "name"
)
@AddColumn(
    name = "device",
    type = "struct<os: string not null, model: string>",
    after = "count"
)
@AddColumn(
    name = "tags",
    type = "list<string>",
    after = "device"
)
@AddColumn(
    name = "attrs",
    type = "map<string, float>",
    after = "tags"
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
