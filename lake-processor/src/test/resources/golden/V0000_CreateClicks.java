package com.example.migrations.web.clicks;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.AddPartitionField;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;
import dev.lake.annotations.SetIdentifierColumns;

/**
 * Create clicks.
 *
 * <p>Changes, in the order they apply:
 * <ul>
 *   <li>add column id long not null (safe)
 *   <li>add column day date after id (safe)
 *   <li>add column local timestamp (safe)
 *   <li>add column offset timestamptz (safe)
 *   <li>add column at timestamptz after offset (safe)
 *   <li>add column user string (safe)
 *   <li>add column price decimal(10, 2) after user (safe)
 *   <li>add column country string after price (safe)
 *   <li>add column url string after country (safe)
 *   <li>add partition field hour(at) (safe)
 *   <li>add partition field identity(country) (safe)
 *   <li>add partition field year(day) (safe)
 *   <li>add partition field month(local) (safe)
 *   <li>add partition field day(offset) (safe)
 *   <li>add partition field truncate[10](price) (safe)
 *   <li>add partition field void(url) (safe)
 *   <li>add partition field bucket[8](user) (safe)
 *   <li>set identifier columns id (needs care)
 * </ul>
 */
@Migration(
    table = "web.clicks",
    step = 0,
    author = "jdoe",
    description = "create clicks"
)
@AddColumn(
    name = "id",
    type = "long",
    required = true
)
@AddColumn(
    name = "day",
    type = "date",
    after = "id"
)
@AddColumn(
    name = "local",
    type = "timestamp"
)
@AddColumn(
    name = "offset",
    type = "timestamptz"
)
@AddColumn(
    name = "at",
    type = "timestamptz",
    after = "offset"
)
@AddColumn(
    name = "user",
    type = "string"
)
@AddColumn(
    name = "price",
    type = "decimal(10, 2)",
    after = "user"
)
@AddColumn(
    name = "country",
    type = "string",
    after = "price"
)
@AddColumn(
    name = "url",
    type = "string",
    after = "country"
)
@AddPartitionField(
    source = "at",
    transform = "hour"
)
@AddPartitionField(
    source = "country",
    transform = "identity"
)
@AddPartitionField(
    source = "day",
    transform = "year"
)
@AddPartitionField(
    source = "local",
    transform = "month"
)
@AddPartitionField(
    source = "offset",
    transform = "day"
)
@AddPartitionField(
    source = "price",
    transform = "truncate[10]"
)
@AddPartitionField(
    source = "url",
    transform = "void"
)
@AddPartitionField(
    source = "user",
    transform = "bucket[8]"
)
@SetIdentifierColumns("id")
public final class V0000_CreateClicks implements LakeMigration {
}
