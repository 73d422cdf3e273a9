package com.example.migrations;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;
import dev.lake.annotations.RenameColumn;

@Migration(table = "analytics.events", step = 1, author = "jdoe", reason = "ANA-2", description = "add device, rename name")
@RenameColumn(from = "name", to = "event_name")
@AddColumn(name = "device", type = "string")
public final class V0001_AddDevice implements LakeMigration {}
