package dev.lake.core.model;

/** {@code decimal(P, S)}: precision 1 to 38, scale 0 to precision. */
public record DecimalType(int precision, int scale) implements Type {

  public static final int MAX_PRECISION = 38;

  public DecimalType {
    Checks.argument(precision >= 1 && precision <= MAX_PRECISION,
        "Invalid decimal precision: %s (must be 1 to %s)", precision, MAX_PRECISION);
    Checks.argument(scale >= 0 && scale <= precision,
        "Invalid decimal scale: %s (must be 0 to the precision, %s)", scale, precision);
  }

  @Override
  public String toString() {
    return "decimal(" + precision + ", " + scale + ")";
  }
}
