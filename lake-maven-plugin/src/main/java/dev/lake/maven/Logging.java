package dev.lake.maven;

import java.util.List;

/**
 * Keeps the table formats' own INFO lines ("Refreshing table metadata from ...", commit reports) out of
 * a goal's output, so Lake's lines stay readable: Maven's SLF4J logger takes a level per logger name
 * from system properties, read when a logger is first made. A level the user set
 * ({@code -Dorg.slf4j.simpleLogger.log.org.apache.iceberg=info}) is left alone, and
 * {@code -Dlake.verbose} skips this altogether.
 */
final class Logging {
  static final List<String> QUIET = List.of("org.apache.iceberg", "org.apache.hadoop", "io.delta",
      "org.apache.parquet");

  private Logging() {}

  static void quietFormats() {
    for (String name : QUIET) {
      String key = "org.slf4j.simpleLogger.log." + name;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "warn");
      }
    }
  }
}
