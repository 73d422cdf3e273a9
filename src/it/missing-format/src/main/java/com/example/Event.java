package com.example;

import dev.lake.annotations.LakeTable;

@LakeTable(name = "db.events")
public record Event(long id, String name) {}
