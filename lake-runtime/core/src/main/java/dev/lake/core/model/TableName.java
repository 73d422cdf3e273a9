package dev.lake.core.model;

import java.util.Arrays;
import java.util.List;

/** A qualified table name: one or more namespace levels and a table name, written {@code db.table}. */
public record TableName(List<String> namespace, String name) implements Comparable<TableName> {

  public TableName {
    namespace = List.copyOf(namespace);
    Checks.argument(!namespace.isEmpty(), "Invalid table name: %s (must be qualified: namespace.table)", name);
    for (String level : namespace) {
      if (level.isBlank()) {
        throw new IllegalArgumentException("Invalid table name: empty namespace level in " + String.join(".", namespace));
      }
    }
    Checks.argument(name != null && !name.isBlank(), "Invalid table name: empty table name");
  }

  /** Parses {@code db.table} or {@code a.b.table}. */
  public static TableName parse(String text) {
    Checks.argument(text != null && !text.isBlank(), "Invalid table name: empty (expected namespace.table)");
    String[] parts = text.split("\\.", -1);
    Checks.argument(parts.length >= 2,
        "Invalid table name: %s (must be qualified: namespace.table, such as analytics.events)", text);
    for (String part : parts) {
      Checks.argument(!part.isBlank(), "Invalid table name: %s (empty part)", text);
    }
    return new TableName(Arrays.asList(parts).subList(0, parts.length - 1), parts[parts.length - 1]);
  }

  /** By namespace levels, then name: without building strings, since tables are sorted often. */
  @Override
  public int compareTo(TableName other) {
    for (int i = 0; i < Math.min(namespace.size(), other.namespace.size()); i++) {
      int byLevel = namespace.get(i).compareTo(other.namespace.get(i));
      if (byLevel != 0) {
        return byLevel;
      }
    }
    int byDepth = Integer.compare(namespace.size(), other.namespace.size());
    return byDepth != 0 ? byDepth : name.compareTo(other.name);
  }

  /**
   * Written out, not left to the record: replay compares a step's table with its history's on every
   * step, and the generated form runs through method handles, slow in the cold JVM of a compile.
   */
  @Override
  public boolean equals(Object other) {
    return other == this || (other instanceof TableName that && name.equals(that.name)
        && namespace.equals(that.namespace));
  }

  @Override
  public int hashCode() {
    return 31 * namespace.hashCode() + name.hashCode();
  }

  @Override
  public String toString() {
    return String.join(".", namespace) + "." + name;
  }
}
