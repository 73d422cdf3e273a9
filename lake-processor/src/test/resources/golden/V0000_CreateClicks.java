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
 *   <li>{@code add column id long not null} (safe)
 *   <li>{@code add column day date} (safe)
 *   <li>{@code add column local timestamp} (safe)
 *   <li>{@code add column offset timestamptz} (safe)
 *   <li>{@code add column at timestamptz} (safe)
 *   <li>{@code add column user string} (safe)
 *   <li>{@code add column price decimal(10, 2)} (safe)
 *   <li>{@code add column country string} (safe)
 *   <li>{@code add column url string} (safe)
 *   <li>{@code add partition field hour(at)} (safe)
 *   <li>{@code add partition field identity(country)} (safe)
 *   <li>{@code add partition field year(day)} (safe)
 *   <li>{@code add partition field month(local)} (safe)
 *   <li>{@code add partition field day(offset)} (safe)
 *   <li>{@code add partition field truncate[10](price)} (safe)
 *   <li>{@code add partition field void(url)} (safe)
 *   <li>{@code add partition field bucket[8](user)} (safe)
 *   <li>{@code set identifier columns id} (needs care)
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
    type = "date"
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
    type = "timestamptz"
)
@AddColumn(
    name = "user",
    type = "string"
)
@AddColumn(
    name = "price",
    type = "decimal(10, 2)"
)
@AddColumn(
    name = "country",
    type = "string"
)
@AddColumn(
    name = "url",
    type = "string"
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
