package com.example;

import dev.lake.annotations.LakeTable;

/** Kept out of generation, drift and every goal until it is enabled. */
@LakeTable(name = "crm.legacy", enabled = false)
public record Legacy(long id, String note) {}
