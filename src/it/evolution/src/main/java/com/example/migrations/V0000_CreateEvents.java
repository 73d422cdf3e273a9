package com.example.migrations;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.AddPartitionField;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;
import dev.lake.annotations.SetProperty;

@Migration(table = "analytics.events", step = 0, description = "create events")
@AddColumn(name = "id", type = "long", required = true)
@AddColumn(name = "ts", type = "timestamptz")
@AddColumn(name = "count", type = "int")
@AddPartitionField(source = "ts", transform = "month")
@SetProperty(key = "write.format.default", value = "parquet")
public final class V0000_CreateEvents implements LakeMigration {}
