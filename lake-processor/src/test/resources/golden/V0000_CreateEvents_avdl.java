package com.example.migrations.analytics.events;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.AddPartitionField;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;

/**
 * Create events.
 *
 * <p>Changes, in the order they apply:
 * <ul>
 *   <li>add column id long not null comment 'event id' (safe)
 *   <li>add column event_time timestamptz not null after id (safe)
 *   <li>add column kind string not null (safe)
 *   <li>add column device struct&lt;os: string not null, model: string&gt; after kind (safe)
 *   <li>add column tags list&lt;string not null&gt; not null (safe)
 *   <li>add column attrs map&lt;string, long&gt; not null after tags (safe)
 *   <li>add column amount decimal(9, 2) after attrs (safe)
 *   <li>add column day date not null after amount (safe)
 *   <li>add column session uuid not null after day (safe)
 *   <li>add partition field bucket[4](id) (safe)
 * </ul>
 */
@Migration(
    table = "analytics.events",
    step = 0,
    author = "jdoe",
    description = "create events"
)
@AddColumn(
    name = "id",
    type = "long",
    required = true,
    doc = "event id"
)
@AddColumn(
    name = "event_time",
    type = "timestamptz",
    required = true,
    after = "id"
)
@AddColumn(
    name = "kind",
    type = "string",
    required = true
)
@AddColumn(
    name = "device",
    type = "struct<os: string not null, model: string>",
    after = "kind"
)
@AddColumn(
    name = "tags",
    type = "list<string not null>",
    required = true
)
@AddColumn(
    name = "attrs",
    type = "map<string, long>",
    required = true,
    after = "tags"
)
@AddColumn(
    name = "amount",
    type = "decimal(9, 2)",
    after = "attrs"
)
@AddColumn(
    name = "day",
    type = "date",
    required = true,
    after = "amount"
)
@AddColumn(
    name = "session",
    type = "uuid",
    required = true,
    after = "day"
)
@AddPartitionField(
    source = "id",
    transform = "bucket[4]"
)
public final class V0000_CreateEvents implements LakeMigration {
}
