package com.example.migrations;

import dev.lake.annotations.AddColumn;
import dev.lake.annotations.AddPartitionField;
import dev.lake.annotations.LakeMigration;
import dev.lake.annotations.Migration;

/** The table as it was first published: the Avro schema has moved on since. */
@Migration(table = "crm.users", step = 0, description = "create users")
@AddColumn(name = "id", type = "long", required = true, doc = "user id")
@AddColumn(name = "email", type = "string", required = true)
@AddColumn(name = "country", type = "string", required = true)
@AddColumn(name = "score", type = "int", required = true)
@AddColumn(name = "address", type = "struct<city: string>")
@AddPartitionField(source = "country", transform = "identity")
public final class V0000_CreateUsers implements LakeMigration {}
