package com.example;

import dev.lake.annotations.LakeTable;

@LakeTable(name = "db.events")
public class Event {
  long id;
  Object payload;
}
