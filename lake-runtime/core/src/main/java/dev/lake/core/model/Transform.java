package dev.lake.core.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A partition transform: {@code identity year month day hour bucket[N] truncate[W] void}.
 *
 * @param kind the transform
 * @param parameter the bucket count or truncation width; 0 for the others
 */
public record Transform(Kind kind, int parameter) {
  private static final Pattern TEXT = Pattern.compile("\\s*([a-zA-Z]+)\\s*(?:\\[\\s*(\\d+)\\s*\\])?\\s*");

  public static final Transform IDENTITY = new Transform(Kind.IDENTITY, 0);
  public static final Transform YEAR = new Transform(Kind.YEAR, 0);
  public static final Transform MONTH = new Transform(Kind.MONTH, 0);
  public static final Transform DAY = new Transform(Kind.DAY, 0);
  public static final Transform HOUR = new Transform(Kind.HOUR, 0);
  public static final Transform VOID = new Transform(Kind.VOID, 0);

  /** The kinds of transform. */
  public enum Kind {
    IDENTITY,
    YEAR,
    MONTH,
    DAY,
    HOUR,
    BUCKET,
    TRUNCATE,
    VOID;

    boolean hasParameter() {
      return this == BUCKET || this == TRUNCATE;
    }

    /** True for year, month, day and hour: a source may have at most one of them. */
    public boolean isTime() {
      return this == YEAR || this == MONTH || this == DAY || this == HOUR;
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Transform {
    Checks.argument(kind != null, "Invalid transform: null");
    if (kind.hasParameter()) {
      Checks.argument(parameter >= 1, "Invalid transform: %s[%s] (%s must be at least 1)",
          kind, parameter, kind == Kind.BUCKET ? "the bucket count" : "the width");
    } else {
      Checks.argument(parameter == 0, "Invalid transform: %s takes no parameter", kind);
    }
  }

  public static Transform bucket(int buckets) {
    return new Transform(Kind.BUCKET, buckets);
  }

  public static Transform truncate(int width) {
    return new Transform(Kind.TRUNCATE, width);
  }

  /** Parses {@code day}, {@code bucket[16]}, {@code truncate[4]}, ... (case-insensitive). */
  public static Transform parse(String text) {
    Matcher matcher = TEXT.matcher(text == null ? "" : text);
    Checks.argument(matcher.matches(), "Invalid transform: '%s' (expected identity, year, month, day, hour, "
        + "bucket[N], truncate[W] or void)", text);
    Kind kind = null;
    for (Kind candidate : Kind.values()) {
      if (candidate.toString().equalsIgnoreCase(matcher.group(1))) {
        kind = candidate;
      }
    }
    Checks.argument(kind != null, "Invalid transform: '%s' (expected identity, year, month, day, hour, "
        + "bucket[N], truncate[W] or void)", text);
    String parameter = matcher.group(2);
    Checks.argument(kind.hasParameter() == (parameter != null), kind.hasParameter()
        ? "Invalid transform: '%s' (needs a parameter: bucket[N] or truncate[W])"
        : "Invalid transform: '%s' (takes no parameter)", text);
    try {
      return new Transform(kind, parameter == null ? 0 : Integer.parseInt(parameter));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid transform: '" + text + "' (parameter too large)", e);
    }
  }

  /** Whether this transform takes a source column of this type, as the table format spec defines it. */
  public boolean canTransform(Type type) {
    if (!type.isPrimitive()) {
      return false;
    }
    return switch (kind) {
      case IDENTITY, VOID -> true;
      case YEAR, MONTH, DAY -> type instanceof PrimitiveType p && p.isDateOrTimestamp();
      case HOUR -> type instanceof PrimitiveType p && p.isTimestamp();
      case BUCKET -> type instanceof DecimalType || type instanceof FixedType
          || (type instanceof PrimitiveType p && p != PrimitiveType.BOOLEAN
              && p != PrimitiveType.FLOAT && p != PrimitiveType.DOUBLE);
      case TRUNCATE -> type instanceof DecimalType || type == PrimitiveType.INT || type == PrimitiveType.LONG
          || type == PrimitiveType.STRING || type == PrimitiveType.BINARY;
    };
  }

  /** The source types this transform takes, in words, for error messages. */
  public String sourceTypes() {
    return switch (kind) {
      case IDENTITY, VOID -> "any primitive type";
      case YEAR, MONTH, DAY -> "date, timestamp, timestamptz, timestamp_ns or timestamptz_ns";
      case HOUR -> "timestamp, timestamptz, timestamp_ns or timestamptz_ns";
      case BUCKET -> "int, long, decimal, date, time, a timestamp, string, uuid, fixed or binary";
      case TRUNCATE -> "int, long, decimal, string or binary";
    };
  }

  /** Iceberg's default partition field name for this transform of a source column. */
  String defaultName(String source) {
    return switch (kind) {
      case IDENTITY -> source;
      case BUCKET -> source + "_bucket_" + parameter;
      case TRUNCATE -> source + "_trunc_" + parameter;
      case VOID -> source + "_null";
      default -> source + "_" + kind;
    };
  }

  @Override
  public String toString() {
    return kind.hasParameter() ? kind + "[" + parameter + "]" : kind.toString();
  }
}
