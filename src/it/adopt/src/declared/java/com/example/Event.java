package com.example;

import dev.lake.annotations.Id;
import dev.lake.annotations.LakeTable;

@LakeTable(name = "analytics.events")
public record Event(@Id long id, String name, String channel) {}
