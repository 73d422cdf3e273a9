package dev.lake.core.model;

import java.util.Locale;

/** The primitive types that take no parameter. See also {@link DecimalType} and {@link FixedType}. */
public enum PrimitiveType implements Type {
  BOOLEAN,
  INT,
  LONG,
  FLOAT,
  DOUBLE,
  DATE,
  TIME,
  TIMESTAMP,
  TIMESTAMPTZ,
  TIMESTAMP_NS,
  TIMESTAMPTZ_NS,
  STRING,
  UUID,
  BINARY;

  private final String text = name().toLowerCase(Locale.ROOT);

  /** True for the date and timestamp types, the sources of {@code year}, {@code month} and {@code day}. */
  public boolean isDateOrTimestamp() {
    return this == DATE || isTimestamp();
  }

  /** True for the four timestamp types, the sources of {@code hour}. */
  public boolean isTimestamp() {
    return this == TIMESTAMP || this == TIMESTAMPTZ || this == TIMESTAMP_NS || this == TIMESTAMPTZ_NS;
  }

  @Override
  public String toString() {
    return text;
  }
}
