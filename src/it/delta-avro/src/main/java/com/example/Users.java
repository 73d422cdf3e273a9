package com.example;

import dev.lake.annotations.LakeTable;
import dev.lake.annotations.Partition;
import dev.lake.annotations.Transform;

@LakeTable(name = "crm.users", avro = "com.example.avro.User", format = "delta")
@Partition(source = "country", transform = Transform.IDENTITY)
public interface Users {}
