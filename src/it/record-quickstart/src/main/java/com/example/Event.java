package com.example;

import dev.lake.annotations.Id;
import dev.lake.annotations.LakeTable;
import dev.lake.annotations.Naming;
import dev.lake.annotations.Partition;
import dev.lake.annotations.Transform;
import java.time.Instant;
import java.util.List;

@LakeTable(name = "analytics.events", naming = Naming.SNAKE_CASE)
public record Event(@Id long eventId, @Partition(transform = Transform.DAY) Instant eventTime, String name,
    List<String> tags) {}
