package com.example;

import dev.lake.annotations.LakeTable;

@LakeTable(name = "crm.users", avro = "com.example.avro.User", ignore = {"debug", "address.zip"})
public interface Users {}
