package com.example.migrations;

import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;
import dev.lake.annotations.RenameColumn;

@Migration(table = "analytics.events", step = 1, description = "rename ts")
@RenameColumn(from = "ts", to = "event_time")
public final class V0001_RenameTs implements LakeMigration {}
