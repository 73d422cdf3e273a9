package com.example;

import dev.lake.annotations.LakeTable;

@LakeTable(name = "db.users")
public record User(long id, String email) {}
