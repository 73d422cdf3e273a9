package com.example.tables;

import dev.lake.annotations.Id;
import dev.lake.annotations.LakeTable;

@LakeTable(name = "crm.customers")
public record Customer(@Id long id, String name, String email) {}
