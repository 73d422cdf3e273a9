package com.example.migrations;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;
import dev.lake.annotations.Sql;

@Migration(table = "shop.orders", step = 2, author = "it", description = "amounts in cents")
@AddColumn(name = "amount_cents", type = "long")
@Sql("UPDATE {table} SET amount_cents = CAST(round(amount * 100) AS BIGINT) WHERE amount IS NOT NULL")
public final class V0002_AmountCents implements LakeMigration {}
