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
 *   <li>{@code add column id long not null comment 'event id'} (safe)
 *   <li>{@code add column event_time timestamptz not null} (safe)
 *   <li>{@code add column kind string not null} (safe)
 *   <li>{@code add column device struct<os: string not null, model: string>} (safe)
 *   <li>{@code add column tags list<string not null> not null} (safe)
 *   <li>{@code add column attrs map<string, long> not null} (safe)
 *   <li>{@code add column amount decimal(9, 2)} (safe)
 *   <li>{@code add column day date not null} (safe)
 *   <li>{@code add column session uuid not null} (safe)
 *   <li>{@code add partition field bucket[4](id)} (safe)
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
    required = true
)
@AddColumn(
    name = "kind",
    type = "string",
    required = true
)
@AddColumn(
    name = "device",
    type = "struct<os: string not null, model: string>"
)
@AddColumn(
    name = "tags",
    type = "list<string not null>",
    required = true
)
@AddColumn(
    name = "attrs",
    type = "map<string, long>",
    required = true
)
@AddColumn(
    name = "amount",
    type = "decimal(9, 2)"
)
@AddColumn(
    name = "day",
    type = "date",
    required = true
)
@AddColumn(
    name = "session",
    type = "uuid",
    required = true
)
@AddPartitionField(
    source = "id",
    transform = "bucket[4]"
)
public final class V0000_CreateEvents implements LakeMigration {
}
