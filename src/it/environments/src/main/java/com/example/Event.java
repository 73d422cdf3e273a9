package com.example;

import dev.lake.annotations.Id;
import dev.lake.annotations.LakeTable;
import dev.lake.annotations.Property;

@LakeTable(name = "analytics.events")
@Property(key = "owner", value = "${team}")
public record Event(@Id long id, String name) {}
