package dev.lake.core.model;

import java.util.Objects;

/**
 * {@code map<key, value [not null]>}: keys are always required. The key and value are addressed as
 * {@code <map>.key} and {@code <map>.value}.
 */
public record MapType(Type key, Type value, boolean valueRequired) implements Type {

  /** The path segment that names a map's key. */
  public static final String KEY = "key";

  /** The path segment that names a map's value. */
  public static final String VALUE = "value";

  public MapType {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  /** A map with optional values. */
  public static MapType of(Type key, Type value) {
    return new MapType(key, value, false);
  }

  @Override
  public String toString() {
    return "map<" + key + ", " + value + (valueRequired ? " not null" : "") + ">";
  }
}
