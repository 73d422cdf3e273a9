package com.example.migrations;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;
import dev.lake.annotations.SetIdentifierColumns;

@Migration(table = "shop.orders", step = 0, author = "it", description = "create orders")
@AddColumn(name = "id", type = "long", required = true)
@AddColumn(name = "amount", type = "double")
@SetIdentifierColumns("id")
public final class V0000_CreateOrders implements LakeMigration {}
