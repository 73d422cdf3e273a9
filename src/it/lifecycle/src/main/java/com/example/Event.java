package com.example;

import dev.lake.annotations.Id;
import dev.lake.annotations.LakeTable;
import dev.lake.annotations.Naming;
import java.time.Instant;

@LakeTable(name = "analytics.events", naming = Naming.SNAKE_CASE)
public record Event(@Id long id, Instant eventTime, String name) {}
