package com.example.migrations;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.Migration;
import dev.lake.spark.SparkMigration;
import dev.lake.spark.SparkMigrationContext;

@Migration(table = "shop.orders", step = 3, author = "it", description = "amount band")
@AddColumn(name = "band", type = "string")
public final class V0003_Band implements SparkMigration {
  @Override
  public void apply(SparkMigrationContext context) {
    long big = context.spark().table(context.table()).where("amount_cents >= 1000").count();
    context.spark().sql("UPDATE " + context.table()
        + " SET band = CASE WHEN amount_cents >= 1000 THEN 'high' ELSE 'low' END WHERE amount_cents IS NOT NULL");
    System.err.println("V0003_Band: " + big + " high");
  }
}
