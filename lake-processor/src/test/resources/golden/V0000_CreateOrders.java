package com.example.migrations.sales.orders;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.AddPartitionField;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;

/**
 * Create orders.
 *
 * <p>Changes, in the order they apply:
 * <ul>
 *   <li>{@code add column id long not null} (safe)
 *   <li>{@code add column lines list<struct<sku: string not null, qty: int not null> not null> not null} (safe)
 *   <li>{@code add column note string} (safe)
 *   <li>{@code add partition field bucket[4](id)} (safe)
 * </ul>
 */
@Migration(
    table = "sales.orders",
    step = 0,
    author = "jdoe",
    description = "create orders"
)
@AddColumn(
    name = "id",
    type = "long",
    required = true
)
@AddColumn(
    name = "lines",
    type = "list<struct<sku: string not null, qty: int not null> not null>",
    required = true
)
@AddColumn(
    name = "note",
    type = "string"
)
@AddPartitionField(
    source = "id",
    transform = "bucket[4]"
)
public final class V0000_CreateOrders implements LakeMigration {
}
