package com.example;

import dev.lake.annotations.LakeTable;

@LakeTable(name = "analytics.scratch")
public record Scratch(String note) {}
