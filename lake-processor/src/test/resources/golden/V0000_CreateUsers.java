package com.example.migrations.db.users;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.AddPartitionField;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;

/**
 * Create users.
 *
 * <p>Changes, in the order they apply:
 * <ul>
 *   <li>{@code add column id long not null comment 'user id'} (safe)
 *   <li>{@code add column active boolean not null} (safe)
 *   <li>{@code add column age int} (safe)
 *   <li>{@code add column score float not null} (safe)
 *   <li>{@code add column rank double not null} (safe)
 *   <li>{@code add column name string not null} (safe)
 *   <li>{@code add column avatar binary} (safe)
 *   <li>{@code add column hash fixed[16] not null} (safe)
 *   <li>{@code add column status string not null} (safe)
 *   <li>{@code add column balance decimal(12, 2) not null} (safe)
 *   <li>{@code add column born date not null} (safe)
 *   <li>{@code add column wakes time not null} (safe)
 *   <li>{@code add column sleeps time not null} (safe)
 *   <li>{@code add column created timestamptz not null} (safe)
 *   <li>{@code add column updated timestamptz not null} (safe)
 *   <li>{@code add column seen_utc timestamptz not null} (safe)
 *   <li>{@code add column seen_local timestamp not null} (safe)
 *   <li>{@code add column local_ms timestamp not null} (safe)
 *   <li>{@code add column local_us timestamp not null} (safe)
 *   <li>{@code add column key uuid not null} (safe)
 *   <li>{@code add column tags list<string not null> not null} (safe)
 *   <li>{@code add column maybe_tags list<string>} (safe)
 *   <li>{@code add column counts map<string, long not null> not null} (safe)
 *   <li>{@code add column address struct<city: string not null, zip: string>} (safe)
 *   <li>{@code add column homes list<struct<city: string not null, zip: string> not null> not null} (safe)
 *   <li>{@code add partition field bucket[4](id)} (safe)
 * </ul>
 */
@Migration(
    table = "db.users",
    step = 0,
    author = "jdoe",
    description = "create users"
)
@AddColumn(
    name = "id",
    type = "long",
    required = true,
    doc = "user id"
)
@AddColumn(
    name = "active",
    type = "boolean",
    required = true
)
@AddColumn(
    name = "age",
    type = "int"
)
@AddColumn(
    name = "score",
    type = "float",
    required = true
)
@AddColumn(
    name = "rank",
    type = "double",
    required = true
)
@AddColumn(
    name = "name",
    type = "string",
    required = true
)
@AddColumn(
    name = "avatar",
    type = "binary"
)
@AddColumn(
    name = "hash",
    type = "fixed[16]",
    required = true
)
@AddColumn(
    name = "status",
    type = "string",
    required = true
)
@AddColumn(
    name = "balance",
    type = "decimal(12, 2)",
    required = true
)
@AddColumn(
    name = "born",
    type = "date",
    required = true
)
@AddColumn(
    name = "wakes",
    type = "time",
    required = true
)
@AddColumn(
    name = "sleeps",
    type = "time",
    required = true
)
@AddColumn(
    name = "created",
    type = "timestamptz",
    required = true
)
@AddColumn(
    name = "updated",
    type = "timestamptz",
    required = true
)
@AddColumn(
    name = "seen_utc",
    type = "timestamptz",
    required = true
)
@AddColumn(
    name = "seen_local",
    type = "timestamp",
    required = true
)
@AddColumn(
    name = "local_ms",
    type = "timestamp",
    required = true
)
@AddColumn(
    name = "local_us",
    type = "timestamp",
    required = true
)
@AddColumn(
    name = "key",
    type = "uuid",
    required = true
)
@AddColumn(
    name = "tags",
    type = "list<string not null>",
    required = true
)
@AddColumn(
    name = "maybe_tags",
    type = "list<string>"
)
@AddColumn(
    name = "counts",
    type = "map<string, long not null>",
    required = true
)
@AddColumn(
    name = "address",
    type = "struct<city: string not null, zip: string>"
)
@AddColumn(
    name = "homes",
    type = "list<struct<city: string not null, zip: string> not null>",
    required = true
)
@AddPartitionField(
    source = "id",
    transform = "bucket[4]"
)
public final class V0000_CreateUsers implements LakeMigration {
}
