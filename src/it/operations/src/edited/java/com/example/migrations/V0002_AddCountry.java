package com.example.migrations;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;

@Migration(table = "analytics.events", step = 2, author = "asmith", reason = "ANA-3", description = "add country")
@AddColumn(name = "country", type = "string")
public final class V0002_AddCountry implements LakeMigration {}
