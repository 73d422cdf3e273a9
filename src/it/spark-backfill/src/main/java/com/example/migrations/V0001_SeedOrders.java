package com.example.migrations;

import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;
import dev.lake.annotations.Sql;

@Migration(table = "shop.orders", step = 1, author = "it", description = "seed orders")
@Sql("INSERT INTO {table} VALUES (1, 1.5), (2, 20.25), (3, NULL)")
public final class V0001_SeedOrders implements LakeMigration {}
