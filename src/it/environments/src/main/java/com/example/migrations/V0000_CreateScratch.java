package com.example.migrations;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;

@Migration(table = "analytics.scratch", step = 0, description = "create scratch")
@AddColumn(name = "note", type = "string")
public final class V0000_CreateScratch implements LakeMigration {}
