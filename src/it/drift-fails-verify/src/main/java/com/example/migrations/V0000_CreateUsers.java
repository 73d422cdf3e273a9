package com.example.migrations;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;

@Migration(table = "db.users", step = 0, description = "create users")
@AddColumn(name = "id", type = "long", required = true)
public final class V0000_CreateUsers implements LakeMigration {}
