package com.example.migrations;

import dev.lake.annotations.DropColumn;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;

@Migration(table = "analytics.events", step = 3, author = "asmith", reason = "ANA-4", description = "drop device",
    destructive = true)
@DropColumn("device")
public final class V0003_DropDevice implements LakeMigration {}
