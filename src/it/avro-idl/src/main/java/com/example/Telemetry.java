package com.example;

import dev.lake.annotations.LakeTable;
import dev.lake.annotations.Partition;
import dev.lake.annotations.Transform;

@LakeTable(name = "iot.events", avro = "com.example.avro.Event")
@Partition(source = "at", transform = Transform.HOUR)
public interface Telemetry {}
