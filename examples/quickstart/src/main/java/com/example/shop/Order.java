package com.example.shop;

import dev.lake.annotations.Column;
import dev.lake.annotations.Decimal;
import dev.lake.annotations.Id;
import dev.lake.annotations.LakeTable;
import dev.lake.annotations.Naming;
import dev.lake.annotations.Partition;
import dev.lake.annotations.Property;
import dev.lake.annotations.Required;
import dev.lake.annotations.SortBy;
import dev.lake.annotations.Transform;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order, as the shop's lakehouse keeps it. */
@LakeTable(name = "shop.orders", naming = Naming.SNAKE_CASE)
@Property(key = "write.format.default", value = "parquet")
public record Order(
    @Id long orderId,
    @Partition(transform = Transform.DAY) @SortBy(direction = SortBy.Direction.DESC) Instant placedAt,
    @Required @Partition(transform = Transform.BUCKET, buckets = 16) String customerId,
    @Decimal(precision = 12, scale = 2) @Column(doc = "order total, in the shop's currency") BigDecimal total,
    List<Line> lines) {

  /** One line of an order. */
  public record Line(@Required String sku, int quantity) {}
}
