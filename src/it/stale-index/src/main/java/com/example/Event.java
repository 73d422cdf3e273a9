package com.example;

import dev.lake.annotations.LakeTable;

/** Declared with one more column than step 0 creates: lake:generate writes step 1. */
@LakeTable(name = "db.events")
public record Event(long id, String name, String channel) {}
