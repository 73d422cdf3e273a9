package com.example;

import dev.lake.annotations.Column;
import dev.lake.annotations.LakeTable;
import dev.lake.annotations.Partition;
import dev.lake.annotations.Property;
import dev.lake.annotations.SortBy;
import dev.lake.annotations.Transform;
import java.time.Instant;

@LakeTable(name = "analytics.events")
@Property(key = "write.format.default", value = "orc")
public record Event(
    long id,
    @Column(name = "event_time", formerly = "ts") @Partition(transform = Transform.DAY) @SortBy Instant eventTime,
    Long count) {}
