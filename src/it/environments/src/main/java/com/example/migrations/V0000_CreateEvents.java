package com.example.migrations;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;
import dev.lake.annotations.SetIdentifierColumns;
import dev.lake.annotations.SetProperty;

@Migration(table = "analytics.events", step = 0, description = "create events")
@AddColumn(name = "id", type = "long", required = true)
@AddColumn(name = "name", type = "string")
@SetIdentifierColumns("id")
@SetProperty(key = "owner", value = "${team}")
public final class V0000_CreateEvents implements LakeMigration {}
