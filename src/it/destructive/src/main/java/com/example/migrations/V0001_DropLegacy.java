package com.example.migrations;

import dev.lake.annotations.DropColumn;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;

@Migration(table = "db.events", step = 1, description = "drop legacy")
@DropColumn("legacy")
public final class V0001_DropLegacy implements LakeMigration {}
