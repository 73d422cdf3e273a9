package dev.lake.core.model;

/** {@code fixed[N]}: exactly N bytes, N at least 1. */
public record FixedType(int length) implements Type {

  public FixedType {
    Checks.argument(length >= 1, "Invalid fixed length: %s (must be at least 1)", length);
  }

  @Override
  public String toString() {
    return "fixed[" + length + "]";
  }
}
