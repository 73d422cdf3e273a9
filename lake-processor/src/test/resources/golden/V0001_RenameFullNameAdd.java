package com.example.m;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.AddPartitionField;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;
import dev.lake.annotations.MoveColumn;
import dev.lake.annotations.RenameColumn;
import dev.lake.annotations.UpdateColumnDoc;

/**
 * Rename full_name, document id, add active and 24 more.
 *
 * <p>Changes, in the order they apply:
 * <ul>
 *   <li>rename column full_name to name (safe)
 *   <li>alter column id comment 'user id' (safe)
 *   <li>add column active boolean not null after id (safe)
 *   <li>add column age int after active (safe)
 *   <li>add column avatar binary (safe)
 *   <li>add column hash fixed[16] not null (safe)
 *   <li>add column score float not null after age (safe)
 *   <li>add column rank double not null after score (safe)
 *   <li>add column status string not null (safe)
 *   <li>add column balance decimal(12, 2) not null after status (safe)
 *   <li>add column born date not null after balance (safe)
 *   <li>add column wakes time not null (safe)
 *   <li>add column sleeps time not null after wakes (safe)
 *   <li>add column created timestamptz not null after sleeps (safe)
 *   <li>add column updated timestamptz not null after created (safe)
 *   <li>add column seen_utc timestamptz not null after updated (safe)
 *   <li>add column seen_local timestamp not null after seen_utc (safe)
 *   <li>add column local_ms timestamp not null after seen_local (safe)
 *   <li>add column local_us timestamp not null after local_ms (safe)
 *   <li>add column key uuid not null after local_us (safe)
 *   <li>add column tags list&lt;string not null&gt; not null after key (safe)
 *   <li>add column maybe_tags list&lt;string&gt; after tags (safe)
 *   <li>add column counts map&lt;string, long not null&gt; not null after maybe_tags (safe)
 *   <li>add column address struct&lt;city: string not null, zip: string&gt; after counts (safe)
 *   <li>add column homes list&lt;struct&lt;city: string not null, zip: string&gt; not null&gt; not null after address (safe)
 *   <li>move column name after rank (safe)
 *   <li>add partition field bucket[4](id) (safe)
 * </ul>
 */
@Migration(
    table = "db.users",
    step = 1,
    author = "jdoe",
    description = "rename full_name, document id, add active and 24 more"
)
@RenameColumn(
    from = "full_name",
    to = "name"
)
@UpdateColumnDoc(
    path = "id",
    doc = "user id"
)
@AddColumn(
    name = "active",
    type = "boolean",
    required = true,
    after = "id"
)
@AddColumn(
    name = "age",
    type = "int",
    after = "active"
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
    name = "score",
    type = "float",
    required = true,
    after = "age"
)
@AddColumn(
    name = "rank",
    type = "double",
    required = true,
    after = "score"
)
@AddColumn(
    name = "status",
    type = "string",
    required = true
)
@AddColumn(
    name = "balance",
    type = "decimal(12, 2)",
    required = true,
    after = "status"
)
@AddColumn(
    name = "born",
    type = "date",
    required = true,
    after = "balance"
)
@AddColumn(
    name = "wakes",
    type = "time",
    required = true
)
@AddColumn(
    name = "sleeps",
    type = "time",
    required = true,
    after = "wakes"
)
@AddColumn(
    name = "created",
    type = "timestamptz",
    required = true,
    after = "sleeps"
)
@AddColumn(
    name = "updated",
    type = "timestamptz",
    required = true,
    after = "created"
)
@AddColumn(
    name = "seen_utc",
    type = "timestamptz",
    required = true,
    after = "updated"
)
@AddColumn(
    name = "seen_local",
    type = "timestamp",
    required = true,
    after = "seen_utc"
)
@AddColumn(
    name = "local_ms",
    type = "timestamp",
    required = true,
    after = "seen_local"
)
@AddColumn(
    name = "local_us",
    type = "timestamp",
    required = true,
    after = "local_ms"
)
@AddColumn(
    name = "key",
    type = "uuid",
    required = true,
    after = "local_us"
)
@AddColumn(
    name = "tags",
    type = "list<string not null>",
    required = true,
    after = "key"
)
@AddColumn(
    name = "maybe_tags",
    type = "list<string>",
    after = "tags"
)
@AddColumn(
    name = "counts",
    type = "map<string, long not null>",
    required = true,
    after = "maybe_tags"
)
@AddColumn(
    name = "address",
    type = "struct<city: string not null, zip: string>",
    after = "counts"
)
@AddColumn(
    name = "homes",
    type = "list<struct<city: string not null, zip: string> not null>",
    required = true,
    after = "address"
)
@MoveColumn(
    path = "name",
    after = "rank"
)
@AddPartitionField(
    source = "id",
    transform = "bucket[4]"
)
public final class V0001_RenameFullNameDocumentIdAddActiveAnd24More implements LakeMigration {
}
