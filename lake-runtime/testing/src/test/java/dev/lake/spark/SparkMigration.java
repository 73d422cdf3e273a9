package dev.lake.spark;

import dev.lake.annotations.LakeMigration;

/** Stands in for lake-spark's interface, which the core knows by name only. */
public interface SparkMigration extends LakeMigration {}
